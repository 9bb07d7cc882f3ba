// compute_threshold: CellProfiler's correction, bounds, smoothing and foreground rule.
// Expected values: hand arithmetic from cellprofiler_library image_processing
// (sigma = scale / 0.6744 / 2; final = min(max(t * factor, lower), upper); foreground >=).
#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"
#include "hcs/segment/threshold.hpp"

using namespace hcs::segment;

namespace {

cv::Mat two_level_image() {
    cv::Mat image(4, 4, CV_32F, cv::Scalar(0.2f));
    image(cv::Rect(0, 0, 2, 4)).setTo(0.6f);
    return image;
}

}  // namespace

TEST(ComputeThreshold, ConstantImageThresholdIsItsValueAndAllIsForeground) {
    const cv::Mat image(5, 5, CV_32F, cv::Scalar(0.4f));
    const ThresholdResult result = compute_threshold(image, ThresholdSettings{});
    EXPECT_FLOAT_EQ(result.final_threshold, 0.4f);
    EXPECT_EQ(cv::countNonZero(result.foreground), 25);  // >=, as CellProfiler compares
}

TEST(ComputeThreshold, CorrectionFactorThenBoundsGiveTheFinalThreshold) {
    ThresholdSettings settings;
    settings.method = ThresholdMethod::Otsu;
    const double plain = compute_threshold(two_level_image(), settings).final_threshold;
    settings.correction_factor = 2.0;
    settings.upper_bound = 0.3;
    const ThresholdResult result = compute_threshold(two_level_image(), settings);
    EXPECT_DOUBLE_EQ(result.original_threshold, plain);
    EXPECT_DOUBLE_EQ(result.final_threshold, std::min(plain * 2.0, 0.3));
}

TEST(ComputeThreshold, SmoothingScaleBecomesSigmaAsCellProfilerConverts) {
    ThresholdSettings settings;
    settings.smoothing_scale = 1.3488;
    EXPECT_NEAR(compute_threshold(two_level_image(), settings).sigma, 1.0, 1e-12);
    settings.smoothing_scale = 1.0;
    EXPECT_NEAR(compute_threshold(two_level_image(), settings).sigma, 0.741399762752076, 1e-12);
}

TEST(ComputeThreshold, ManualThresholdIsUsedAsItIs) {
    ThresholdSettings settings;
    settings.method = ThresholdMethod::Manual;
    settings.manual_threshold = 0.6;
    settings.correction_factor = 3.0;
    const ThresholdResult result = compute_threshold(two_level_image(), settings);
    EXPECT_DOUBLE_EQ(result.final_threshold, 0.6);
    EXPECT_EQ(cv::countNonZero(result.foreground), 8);
}

TEST(ComputeThreshold, UnknownRobustAveragingIsAnInputError) {
    ThresholdSettings settings;
    settings.method = ThresholdMethod::RobustBackground;
    settings.robust_averaging = "Average";
    EXPECT_THROW(compute_threshold(two_level_image(), settings), hcs::InputError);
}
