// Global thresholds as CellProfiler's Threshold module computes them (IdentifyPrimaryObjects and
// IdentifySecondaryObjects share them): minimum cross-entropy, Otsu two- and three-class,
// robust background; smoothing, correction factor and bounds.
#pragma once

#include <string>

#include <opencv2/core.hpp>

namespace hcs::segment {

enum class ThresholdMethod { MinimumCrossEntropy, Otsu, RobustBackground, Manual };
enum class OtsuClasses { Two, Three };
enum class ThreeClassMiddle { Foreground, Background };

struct ThresholdSettings {
    ThresholdMethod method = ThresholdMethod::MinimumCrossEntropy;
    OtsuClasses otsu_classes = OtsuClasses::Two;
    ThreeClassMiddle middle_class = ThreeClassMiddle::Foreground;
    // CellProfiler's "threshold smoothing scale": sigma = scale / 0.6744 / 2 (0 = no smoothing).
    double smoothing_scale = 0.0;
    double correction_factor = 1.0;
    double lower_bound = 0.0;
    double upper_bound = 1.0;
    double manual_threshold = 0.0;
    // Robust background: fractions trimmed, averaging and deviation rule, number of deviations.
    double robust_lower_outlier_fraction = 0.05;
    double robust_upper_outlier_fraction = 0.05;
    std::string robust_averaging = "Mean";  // Mean, Median, Mode (InputError otherwise)
    std::string robust_variance = "Standard deviation";  // or "Median absolute deviation"
    double robust_deviations = 2.0;
    bool log_transform = false;
};

struct ThresholdResult {
    double final_threshold = 0;     // after correction and bounds: Threshold_FinalThreshold
    double original_threshold = 0;  // before them: Threshold_OrigThreshold
    double sigma = 0;               // of the Gaussian smoothing applied before the comparison
    cv::Mat foreground;             // CV_8U 0/255: (smoothed) image >= final_threshold
};

// Thresholds a CV_32F image in 0..1 as CellProfiler's Threshold does for a global strategy: the
// method's threshold on the (unsmoothed) pixels, times the correction factor, clipped to the
// bounds; the foreground compares the Gaussian-smoothed image with it (>=). `mask` (CV_8U,
// optional) limits the pixels considered.
ThresholdResult compute_threshold(const cv::Mat& image, const ThresholdSettings& settings,
                                  const cv::Mat& mask = cv::Mat());

}  // namespace hcs::segment
