// Tests of finishing an illumination function: CellProfiler's rescaling by the robust minimum
// (2nd percentile of positive pixels) or the median, and the smoothing dispatch.
#include "hcs/illum/illumination_function.hpp"

#include <gtest/gtest.h>

namespace hcs::illum {
namespace {

// 100 pixels 0.01, 0.02, ..., 1.00 (float32): 100 positive values.
cv::Mat ramp() {
    cv::Mat pixels(10, 10, CV_32F);
    for (int i = 0; i < 100; ++i) pixels.at<float>(i / 10, i % 10) = (i + 1) / 100.0f;
    return pixels;
}

TEST(RescaleIllumination, YesRaisesPixelsToTheSecondPercentileAndDividesByIt) {
    // int(100 * 0.02) = 2 -> third smallest, 0.03f. 0.01 and 0.02 become 0.03 -> 1.
    const cv::Mat rescaled = rescale_illumination(ramp(), RescaleOption::kYes);
    EXPECT_EQ(rescaled.at<float>(0, 0), 1.0f);
    EXPECT_EQ(rescaled.at<float>(0, 1), 1.0f);
    EXPECT_EQ(rescaled.at<float>(9, 9), 1.0f / 0.03f);
}

TEST(RescaleIllumination, IgnoresZerosWhenFindingTheRobustMinimum) {
    cv::Mat pixels = ramp();
    pixels.at<float>(0, 0) = 0;  // 99 positive: int(99 * 0.02) = 1 -> 0.03f
    const cv::Mat rescaled = rescale_illumination(pixels, RescaleOption::kYes);
    EXPECT_EQ(rescaled.at<float>(0, 0), 1.0f);
    EXPECT_EQ(rescaled.at<float>(0, 3), 0.04f / 0.03f);
}

TEST(RescaleIllumination, MedianDividesByTheMiddleValueWithoutRaising) {
    // int(100 / 2) = 50 -> 0.51f; 0.01 stays below 1.
    const cv::Mat rescaled = rescale_illumination(ramp(), RescaleOption::kMedian);
    EXPECT_EQ(rescaled.at<float>(0, 0), 0.01f / 0.51f);
    EXPECT_EQ(rescaled.at<float>(5, 0), 1.0f);
}

TEST(RescaleIllumination, NoAndAllZeroImagesAreLeftAlone) {
    EXPECT_EQ(rescale_illumination(ramp(), RescaleOption::kNo).at<float>(0, 0), 0.01f);
    const cv::Mat zeros = cv::Mat::zeros(3, 3, CV_32F);
    EXPECT_EQ(cv::countNonZero(rescale_illumination(zeros, RescaleOption::kYes)), 0);
}

TEST(SmoothIllumination, SmoothToAverageGivesTheMeanEverywhere) {
    IlluminationSettings settings;
    settings.smoothing = SmoothingMethod::kToAverage;
    // Mean of 0.01..1.00 = 0.505.
    EXPECT_NEAR(smooth_illumination(ramp(), settings).at<float>(3, 7), 0.505f, 1e-7);
}

TEST(IlluminationFunction, AConstantImageGivesAFunctionOfOnes) {
    // Median of a constant, rescaled by itself: exactly 1 everywhere.
    const cv::Mat average(40, 40, CV_32F, cv::Scalar(0.3f));
    const cv::Mat function = illumination_function(average, IlluminationSettings{});
    EXPECT_EQ(cv::norm(function, cv::Mat(40, 40, CV_32F, cv::Scalar(1.0f)), cv::NORM_INF), 0.0);
}

}  // namespace
}  // namespace hcs::illum
