// Scaling raw samples to 0..1 as CellProfiler's image reader does, and reading label images.
#include "hcs/core/image_reader.hpp"

#include <cmath>
#include <limits>
#include <string>

#include <opencv2/imgcodecs.hpp>

#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

bool is_tiff(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    for (auto& c : extension) c = static_cast<char>(std::tolower(c));
    return extension == ".tif" || extension == ".tiff";
}

// OpenCV path for BMP, PNG and other formats: colour files whose channels are equal are grey.
cv::Mat read_with_opencv(const std::filesystem::path& path) {
    if (!std::filesystem::exists(path)) throw InputError(path.string() + ": file not found");
    cv::Mat raw = cv::imread(path.string(), cv::IMREAD_UNCHANGED);
    if (raw.empty()) throw InputError(path.string() + ": not a readable image file");
    if (raw.channels() == 1) return raw;
    if (raw.channels() == 3 || raw.channels() == 4) {
        std::vector<cv::Mat> planes;
        cv::split(raw, planes);
        if (cv::countNonZero(planes[0] != planes[1]) == 0 &&
            cv::countNonZero(planes[0] != planes[2]) == 0) {
            return planes[0];
        }
    }
    throw InputError(path.string() + ": colour image; only grey-scale images are supported");
}

cv::Mat read_raw(const std::filesystem::path& path) {
    return is_tiff(path) ? read_tiff_raw(path) : read_with_opencv(path);
}

IntensityScaling scaling_for(const cv::Mat& raw, int camera_bit_depth,
                             const std::filesystem::path& path) {
    IntensityScaling scaling;
    const int depth = raw.depth();
    if (depth == CV_32F || depth == CV_64F) {
        scaling.divisor = 1.0;
        scaling.rule = "float (as stored)";
        return scaling;
    }
    if (camera_bit_depth > 0) {
        // A camera deeper than the file cannot have written it: an 8-bit file under a 12-bit
        // setting would be divided by 4095 and come out 16 times too dim.
        const int file_bits = static_cast<int>(raw.elemSize1()) * 8;
        if (camera_bit_depth > file_bits) {
            throw InputError(path.string() + ": " + std::to_string(file_bits) +
                             "-bit samples cannot hold the " + std::to_string(camera_bit_depth) +
                             " bits of image/camera_bit_depth (0 takes the file's own depth)");
        }
        scaling.divisor = std::ldexp(1.0, camera_bit_depth) - 1.0;
        // A pixel above the camera's range means the bit depth is wrong for this file; scaling
        // on would give intensities above 1 that no later step expects.
        double brightest = 0;
        cv::minMaxLoc(raw.reshape(1), nullptr, &brightest);
        if (brightest > scaling.divisor) {
            throw InputError(path.string() + ": pixel value " +
                             std::to_string(static_cast<long long>(brightest)) + " exceeds " +
                             std::to_string(static_cast<long long>(scaling.divisor)) +
                             ", the largest of a " + std::to_string(camera_bit_depth) +
                             "-bit camera (image/camera_bit_depth)");
        }
        scaling.rule = "raw/" + std::to_string(static_cast<long>(scaling.divisor)) + " (" +
                       std::to_string(camera_bit_depth) + "-bit camera)";
        return scaling;
    }
    if (depth == CV_8U) {
        scaling.divisor = 255.0;
        scaling.rule = "raw/255 (8-bit)";
    } else if (depth == CV_16U) {
        scaling.divisor = 65535.0;
        scaling.rule = "raw/65535 (16-bit)";
    } else if (depth == CV_32S) {
        scaling.divisor = 4294967295.0;
        scaling.rule = "raw/4294967295 (32-bit)";
    } else {
        throw InputError(path.string() + ": unsupported pixel type");
    }
    return scaling;
}

}  // namespace

ChannelImage read_image(const std::filesystem::path& path, int camera_bit_depth) {
    cv::Mat raw = read_raw(path);
    ChannelImage image;
    image.path = path;
    image.scaling = scaling_for(raw, camera_bit_depth, path);

    // Divide in float64 and round once to float32, as CellProfiler does.
    cv::Mat as_double;
    raw.convertTo(as_double, CV_64F);
    const double divisor = image.scaling.divisor;
    as_double.forEach<double>([divisor](double& value, const int*) { value /= divisor; });
    as_double.convertTo(image.pixels, CV_32F);
    return image;
}

cv::Mat read_labels(const std::filesystem::path& path) {
    cv::Mat raw = read_raw(path);
    if (raw.depth() == CV_32F || raw.depth() == CV_64F) {
        throw InputError(path.string() +
                         ": label image holds floating-point values; "
                         "labels must be integers");
    }
    if (raw.depth() == CV_8S || raw.depth() == CV_16S || raw.depth() == CV_32S) {
        double minimum = 0;
        cv::minMaxLoc(raw, &minimum);
        // 32-bit samples come as signed whatever the file says, so a negative one may also be
        // an unsigned value above 2^31 - 1; either way it is no object number.
        if (minimum < 0) {
            throw InputError(path.string() + ": label value " +
                             std::to_string(static_cast<long long>(minimum)) +
                             (raw.depth() == CV_32S ? " (negative, or above 2^31 - 1 unsigned)"
                                                    : " is negative") +
                             "; labels must be 0 .. 2^31 - 1");
        }
    }
    cv::Mat labels;
    if (raw.depth() == CV_32S) {
        labels = raw;
    } else {
        raw.convertTo(labels, CV_32S);
    }
    return labels;
}

}  // namespace hcs
