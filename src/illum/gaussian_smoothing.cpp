// Gaussian smoothing and Gaussian "dilation" of illumination functions, following
// scipy.ndimage.gaussian_filter / convolve (mode constant) and centrosome.smooth.
#include "hcs/illum/gaussian_smoothing.hpp"

#include <cfloat>
#include <cmath>

namespace hcs::illum {
namespace {

// scipy.ndimage.gaussian_filter's default truncate: the kernel reaches 4 sigma.
constexpr double kTruncateSigmas = 4.0;
// centrosome divides by the filtered mask plus numpy's float64 epsilon.
constexpr double kEpsilon = DBL_EPSILON;
// CellProfiler's dilation kernel reaches three times its standard deviation.
constexpr int kDilationRadiusPerSd = 3;

// One pass of scipy's correlate1d with a symmetric kernel along rows (vertical = true) or
// columns, zeros beyond the border; sums in double, stored in `out`'s type.
template <typename T>
void correlate_symmetric(const cv::Mat& in, cv::Mat& out, const std::vector<double>& kernel,
                         bool vertical) {
    const int radius = static_cast<int>(kernel.size() / 2);
    const int length = vertical ? in.rows : in.cols;
    auto at = [&](int y, int x) -> double { return static_cast<double>(in.at<T>(y, x)); };
    for (int y = 0; y < in.rows; ++y) {
        for (int x = 0; x < in.cols; ++x) {
            const int position = vertical ? y : x;
            double sum = at(y, x) * kernel[radius];
            // scipy adds the symmetric pairs from the outermost inwards.
            for (int offset = radius; offset >= 1; --offset) {
                const int before = position - offset, after = position + offset;
                const double first = before >= 0 ? (vertical ? at(before, x) : at(y, before)) : 0;
                const double second = after < length ? (vertical ? at(after, x) : at(y, after)) : 0;
                sum += (first + second) * kernel[radius + offset];
            }
            out.at<T>(y, x) = static_cast<T>(sum);
        }
    }
}

// Edge correction: smoothed / (smoothed all-ones mask + eps), as float32.
cv::Mat divide_by_bleed_over(const cv::Mat& smoothed, const cv::Mat& bleed_over) {
    cv::Mat smoothed64;
    smoothed.convertTo(smoothed64, CV_64F);
    cv::Mat corrected = smoothed64 / (bleed_over + kEpsilon);
    cv::Mat result;
    corrected.convertTo(result, CV_32F);
    return result;
}

}  // namespace

std::vector<double> gaussian_kernel(double sigma) {
    const int radius = static_cast<int>(kTruncateSigmas * sigma + 0.5);
    std::vector<double> kernel(2 * radius + 1);
    const double factor = -0.5 / (sigma * sigma);
    double total = 0;
    for (int x = -radius; x <= radius; ++x) {
        kernel[x + radius] = std::exp(factor * x * x);
        total += kernel[x + radius];
    }
    for (double& weight : kernel) weight /= total;
    return kernel;
}

cv::Mat gaussian_filter_constant(const cv::Mat& image, double sigma) {
    CV_Assert(image.type() == CV_32F || image.type() == CV_64F);
    const std::vector<double> kernel = gaussian_kernel(sigma);
    cv::Mat first(image.size(), image.type()), second(image.size(), image.type());
    if (image.type() == CV_32F) {
        correlate_symmetric<float>(image, first, kernel, true);
        correlate_symmetric<float>(first, second, kernel, false);
    } else {
        correlate_symmetric<double>(image, first, kernel, true);
        correlate_symmetric<double>(first, second, kernel, false);
    }
    return second;
}

cv::Mat gaussian_smoothing(const cv::Mat& pixels, double sigma) {
    CV_Assert(pixels.type() == CV_32F);
    const cv::Mat ones = cv::Mat::ones(pixels.size(), CV_64F);
    return divide_by_bleed_over(gaussian_filter_constant(pixels, sigma),
                                gaussian_filter_constant(ones, sigma));
}

cv::Mat circular_gaussian_kernel(double sd, int radius) {
    cv::Mat kernel = cv::Mat::zeros(2 * radius + 1, 2 * radius + 1, CV_64F);
    double total = 0;
    for (int i = -radius; i <= radius; ++i) {
        for (int j = -radius; j <= radius; ++j) {
            // centrosome scales to the unit disk, tests it, then scales back to sd units.
            const double unit_i = static_cast<double>(i) / radius;
            const double unit_j = static_cast<double>(j) / radius;
            if (unit_i * unit_i + unit_j * unit_j > 1) continue;
            const double scaled_i = unit_i * radius / sd, scaled_j = unit_j * radius / sd;
            const double value =
                std::pow(M_E, -(scaled_i * scaled_i + scaled_j * scaled_j) / (2 * sd * sd));
            kernel.at<double>(i + radius, j + radius) = value;
            total += value;
        }
    }
    return kernel / total;
}

cv::Mat dilate_objects(const cv::Mat& pixels, int radius) {
    CV_Assert(pixels.type() == CV_32F);
    if (radius <= 0) return pixels.clone();
    const cv::Mat kernel = circular_gaussian_kernel(radius, kDilationRadiusPerSd * radius);
    const int reach = kernel.rows / 2;

    // scipy.ndimage.convolve in mode constant: zeros beyond the border, sums in double, stored
    // in the input's type (float32 for the image, float64 for the mask).
    auto convolve = [&](const cv::Mat& image, int type) {
        cv::Mat padded, image64;
        image.convertTo(image64, CV_64F);
        cv::copyMakeBorder(image64, padded, reach, reach, reach, reach, cv::BORDER_CONSTANT, 0);
        cv::Mat result(image.size(), type);
        for (int y = 0; y < image.rows; ++y) {
            for (int x = 0; x < image.cols; ++x) {
                double sum = 0;
                for (int i = 0; i < kernel.rows; ++i) {
                    const double* k = kernel.ptr<double>(i);
                    const double* p = padded.ptr<double>(y + i) + x;
                    for (int j = 0; j < kernel.cols; ++j) sum += k[j] * p[j];
                }
                if (type == CV_32F) {
                    result.at<float>(y, x) = static_cast<float>(sum);
                } else {
                    result.at<double>(y, x) = sum;
                }
            }
        }
        return result;
    };
    const cv::Mat ones = cv::Mat::ones(pixels.size(), CV_64F);
    return divide_by_bleed_over(convolve(pixels, CV_32F), convolve(ones, CV_64F));
}

}  // namespace hcs::illum
