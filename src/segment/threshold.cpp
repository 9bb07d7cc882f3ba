// Global thresholding as CellProfiler 5's Threshold / IdentifyPrimaryObjects compute it
// (cellprofiler_library functions/image_processing.py: get_global_threshold, apply_threshold):
// method on the raw pixels, optional log transform, correction factor, bounds, smoothed compare.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "hcs/core/errors.hpp"
#include "hcs/segment/separable_filter.hpp"
#include "hcs/segment/threshold.hpp"
#include "hcs/segment/threshold_methods.hpp"

namespace hcs::segment {
namespace {

// CellProfiler turns the smoothing scale into a Gaussian sigma so that half of the smoothed
// intensity comes from within the scale (apply_threshold: scale / 0.6744 / 2).
constexpr double kScaleToSigma = 1.0 / 0.6744 / 2.0;
// scipy.ndimage.gaussian_filter's default truncation, in sigmas.
constexpr double kGaussianTruncate = 4.0;

// The pixels the threshold is computed on, in the order of the image.
std::vector<float> selected_pixels(const cv::Mat& image, const cv::Mat& mask) {
    std::vector<float> pixels;
    pixels.reserve(image.total());
    for (int row = 0; row < image.rows; ++row) {
        const float* values = image.ptr<float>(row);
        const unsigned char* keep = mask.empty() ? nullptr : mask.ptr<unsigned char>(row);
        for (int column = 0; column < image.cols; ++column) {
            if (!keep || keep[column]) pixels.push_back(values[column]);
        }
    }
    return pixels;
}

// centrosome.threshold.log_transform: clamp half a grey level above the minimum, take the log,
// stretch to 0..1. Returns the log range so that a threshold can be mapped back.
struct LogRange {
    double log_minimum = 0, log_maximum = 0;
};

LogRange log_transform(std::vector<float>& pixels, double minimum, double maximum) {
    const double floor_value =
        minimum + (maximum - minimum) / 256.0 + std::numeric_limits<float>::epsilon();
    const double log_minimum = std::log(std::max(minimum, floor_value));
    const double log_maximum = std::log(std::max(maximum, floor_value));
    for (float& value : pixels) {
        const double logged = std::log(std::max<double>(value, floor_value));
        value = log_maximum > log_minimum
                    ? static_cast<float>((logged - log_minimum) / (log_maximum - log_minimum))
                    : static_cast<float>(logged);
    }
    return {log_minimum, log_maximum};
}

RobustAveraging robust_averaging(const std::string& name) {
    if (name == "Mean") return RobustAveraging::Mean;
    if (name == "Median") return RobustAveraging::Median;
    if (name == "Mode") return RobustAveraging::Mode;
    throw InputError("robust background averaging method '" + name +
                     "' is not one of Mean, Median, Mode");
}

RobustVariance robust_variance(const std::string& name) {
    if (name == "Standard deviation") return RobustVariance::StandardDeviation;
    if (name == "Median absolute deviation") return RobustVariance::MedianAbsoluteDeviation;
    throw InputError("robust background variance method '" + name +
                     "' is not 'Standard deviation' or 'Median absolute deviation'");
}

double method_threshold(const std::vector<float>& sorted, const ThresholdSettings& settings) {
    switch (settings.method) {
        case ThresholdMethod::MinimumCrossEntropy:
            return threshold_minimum_cross_entropy(sorted);
        case ThresholdMethod::Otsu:
            if (settings.otsu_classes == OtsuClasses::Two) return threshold_otsu(sorted);
            {
                const auto [lower, upper] = threshold_otsu_three_class(sorted);
                return settings.middle_class == ThreeClassMiddle::Foreground ? lower : upper;
            }
        case ThresholdMethod::RobustBackground:
            return threshold_robust_background(
                sorted, settings.robust_lower_outlier_fraction,
                settings.robust_upper_outlier_fraction, robust_averaging(settings.robust_averaging),
                robust_variance(settings.robust_variance), settings.robust_deviations);
        case ThresholdMethod::Manual:
            return settings.manual_threshold;
    }
    return NAN;
}

// The threshold before correction and bounds (CellProfiler's shortcuts for an empty selection
// and a constant image included).
double raw_threshold(const cv::Mat& image, const cv::Mat& mask, const ThresholdSettings& settings) {
    std::vector<float> pixels = selected_pixels(image, mask);
    if (pixels.empty()) return 0.0;
    LogRange range;
    if (settings.log_transform) {
        double minimum, maximum;
        cv::minMaxLoc(image, &minimum, &maximum);
        range = log_transform(pixels, minimum, maximum);
    }
    const std::vector<float> sorted = sorted_pixels(pixels);
    double threshold =
        sorted.front() == sorted.back() ? sorted.front() : method_threshold(sorted, settings);
    if (settings.log_transform && range.log_maximum > range.log_minimum) {
        threshold =
            std::exp(threshold * (range.log_maximum - range.log_minimum) + range.log_minimum);
    }
    return threshold;
}

std::vector<double> gaussian_kernel(double sigma) {
    const int radius = static_cast<int>(kGaussianTruncate * sigma + 0.5);
    std::vector<double> kernel(2 * radius + 1);
    double total = 0;
    for (int k = -radius; k <= radius; ++k) {
        kernel[k + radius] = std::exp(-0.5 * k * k / (sigma * sigma));
        total += kernel[k + radius];
    }
    for (double& weight : kernel) weight /= total;
    return kernel;
}

template <typename T>
cv::Mat gaussian_filter(const cv::Mat& input, double sigma) {
    const std::vector<double> kernel = gaussian_kernel(sigma);
    return correlate_separable<T>(input, kernel);
}

cv::Mat gaussian_of_ones(cv::Size size, double sigma) {
    return correlate_separable_ones(size, gaussian_kernel(sigma));
}

// centrosome.smooth.smooth_with_function_and_mask: smooth the masked image and divide by the
// smoothed mask, so that pixels near the edge are not darkened.
cv::Mat smoothed_image(const cv::Mat& image, const cv::Mat& mask, double sigma) {
    cv::Mat smoothed, bleed;
    if (mask.empty()) {
        smoothed = gaussian_filter<float>(image, sigma);
        bleed = gaussian_of_ones(image.size(), sigma);
    } else {
        cv::Mat masked = cv::Mat::zeros(image.size(), CV_32F);
        image.copyTo(masked, mask);
        cv::Mat weight;
        mask.convertTo(weight, CV_64F, 1.0 / 255.0);
        smoothed = gaussian_filter<float>(masked, sigma);
        bleed = gaussian_filter<double>(weight, sigma);
    }
    cv::Mat result(image.size(), CV_64F);
    for (int row = 0; row < image.rows; ++row) {
        const float* numerator = smoothed.ptr<float>(row);
        const double* denominator = bleed.ptr<double>(row);
        double* out = result.ptr<double>(row);
        for (int column = 0; column < image.cols; ++column) {
            out[column] =
                numerator[column] / (denominator[column] + std::numeric_limits<double>::epsilon());
        }
    }
    return result;
}

}  // namespace

ThresholdResult compute_threshold(const cv::Mat& image, const ThresholdSettings& settings,
                                  const cv::Mat& mask) {
    CV_Assert(image.type() == CV_32F && (mask.empty() || mask.type() == CV_8U));
    ThresholdResult result;
    if (settings.method == ThresholdMethod::Manual) {
        // CellProfiler applies neither correction nor bounds to a manual threshold.
        result.final_threshold = result.original_threshold = settings.manual_threshold;
    } else {
        const double threshold = raw_threshold(image, mask, settings);
        result.original_threshold = std::clamp(threshold, 0.0, 1.0);
        result.final_threshold =
            std::min(std::max(threshold * settings.correction_factor, settings.lower_bound),
                     settings.upper_bound);
    }

    cv::Mat compared;
    if (settings.smoothing_scale == 0) {
        image.convertTo(compared, CV_64F);
    } else {
        result.sigma = settings.smoothing_scale * kScaleToSigma;
        compared = smoothed_image(image, mask, result.sigma);
    }
    result.foreground = compared >= result.final_threshold;
    if (!mask.empty()) result.foreground &= mask;
    return result;
}

}  // namespace hcs::segment
