// Robust background threshold. Expected values: hand arithmetic on 1..100 and CellProfiler's
// threshold for fixtures/cellprofiler/examplefly-variants-robust-propagate (Mode, standard
// deviation, 2 deviations, 5% trimmed each side).
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "hcs/core/image_reader.hpp"
#include "hcs/segment/threshold_methods.hpp"

using namespace hcs::segment;

TEST(ThresholdRobustBackground, MeanPlusTwoStandardDeviationsOfTheTrimmedPixels) {
    std::vector<float> pixels;
    for (int k = 1; k <= 100; ++k) pixels.push_back(static_cast<float>(k));
    // 5 trimmed at each end leaves 6..95: mean 50.5, population sd sqrt((90^2 - 1) / 12).
    const double expected = 50.5 + 2.0 * std::sqrt((90.0 * 90.0 - 1.0) / 12.0);
    EXPECT_NEAR(threshold_robust_background(pixels, 0.05, 0.05, RobustAveraging::Mean,
                                            RobustVariance::StandardDeviation, 2.0),
                expected, 1e-4);
}

TEST(ThresholdRobustBackground, MedianPlusMedianAbsoluteDeviation) {
    std::vector<float> pixels;
    for (int k = 1; k <= 100; ++k) pixels.push_back(static_cast<float>(k));
    // 6..95: median 50.5; absolute deviations 0.5..44.5, each twice, median 22.5.
    EXPECT_NEAR(threshold_robust_background(pixels, 0.05, 0.05, RobustAveraging::Median,
                                            RobustVariance::MedianAbsoluteDeviation, 1.0),
                50.5 + 22.5, 1e-9);
}

TEST(ThresholdRobustBackground, FewerThanThreePixelsGiveZero) {
    EXPECT_EQ(threshold_robust_background({0.5f, 0.7f}, 0.05, 0.05, RobustAveraging::Mean,
                                          RobustVariance::StandardDeviation, 2.0),
              0.0);
}

TEST(ThresholdRobustBackground, ModeMatchesCellProfilerOnExampleFly) {
    const cv::Mat image = hcs::read_image(std::filesystem::path(HCS_SHARED_DIR) /
                                          "data/examplefly/images/01_POS002_D.TIF")
                              .pixels;
    const std::vector<float> pixels(image.begin<float>(), image.end<float>());
    EXPECT_NEAR(
        threshold_robust_background(sorted_pixels(pixels), 0.05, 0.05, RobustAveraging::Mode,
                                    RobustVariance::StandardDeviation, 2.0),
        0.044091206043958664, 1e-7);
}
