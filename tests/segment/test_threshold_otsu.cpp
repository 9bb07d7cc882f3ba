// Otsu thresholds. Expected values: case c02's README (threshold_otsu = 2.0098/15, the centre of
// bin 23 of 256 over [1/15, 12/15]) and fixtures/cellprofiler/examplefly-variants-otsu3-shape
// (threshold_multiotsu(DNA, nbins=128) = 0.0678768 and 0.19070160388946533).
#include <vector>

#include <gtest/gtest.h>

#include "hcs/core/image_reader.hpp"
#include "hcs/segment/threshold_methods.hpp"

using namespace hcs::segment;

TEST(ThresholdOtsu, IsTheCentreOfTheBestSplitBinOnCaseC02) {
    std::vector<float> pixels;
    for (int k : {1, 9, 12, 9, 2}) pixels.push_back(static_cast<float>(k / 15.0));
    EXPECT_NEAR(threshold_otsu(sorted_pixels(pixels)), (1.0 + 23.5 * 11.0 / 256.0) / 15.0, 1e-6);
}

TEST(ThresholdOtsu, TwoLevelsSplitBetweenThem) {
    // 256 bins over [0.2, 0.6]: the lower level fills bin 0, whose centre is the threshold.
    const std::vector<float> pixels = {0.2f, 0.2f, 0.2f, 0.6f, 0.6f};
    EXPECT_NEAR(threshold_otsu(sorted_pixels(pixels)), 0.2 + 0.5 * 0.4 / 256.0, 1e-7);
}

TEST(ThresholdOtsuThreeClass, MatchesScikitImageOnExampleFlyDna) {
    const cv::Mat image = hcs::read_image(std::filesystem::path(HCS_SHARED_DIR) /
                                          "data/examplefly/images/01_POS002_D.TIF")
                              .pixels;
    const std::vector<float> pixels(image.begin<float>(), image.end<float>());
    const auto [lower, upper] = threshold_otsu_three_class(sorted_pixels(pixels));
    EXPECT_NEAR(lower, 0.0678768, 1e-6);
    EXPECT_NEAR(upper, 0.19070160388946533, 1e-9);
}
