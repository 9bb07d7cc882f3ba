// Dividing an image by its illumination function (CellProfiler CorrectIlluminationApply,
// method "Divide", with "Set output image values less than 0 equal to 0?" and "greater than 1
// equal to 1?" both Yes, the module's defaults).
#include "hcs/illum/apply_illumination.hpp"

#include <algorithm>

#include "hcs/core/errors.hpp"

namespace hcs::illum {
namespace {

std::string size_text(const cv::Mat& image) {
    return std::to_string(image.cols) + " x " + std::to_string(image.rows);
}

}  // namespace

void apply_illumination(cv::Mat& pixels, const cv::Mat& function) {
    CV_Assert(pixels.type() == CV_32F && function.type() == CV_32F);
    if (pixels.size() != function.size()) {
        throw InputError("illumination function is " + size_text(function) +
                         " pixels but the image is " + size_text(pixels));
    }
    for (int y = 0; y < pixels.rows; ++y) {
        float* row = pixels.ptr<float>(y);
        const float* divisor = function.ptr<float>(y);
        for (int x = 0; x < pixels.cols; ++x) {
            // A zero in the function gives +inf (clipped to 1) or NaN for 0/0, as numpy does.
            const float corrected = row[x] / divisor[x];
            row[x] = corrected < 0.0f ? 0.0f : (corrected > 1.0f ? 1.0f : corrected);
        }
    }
}

void apply_illumination(ChannelImage& image, const cv::Mat& function,
                        const std::string& function_file) {
    try {
        apply_illumination(image.pixels, function);
    } catch (const InputError& error) {
        throw InputError(image.path.string() + ": " + error.what() + " (" + function_file + ")");
    }
}

}  // namespace hcs::illum
