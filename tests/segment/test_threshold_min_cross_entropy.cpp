// Minimum cross-entropy threshold. Expected values: case c02's README (threshold_li with
// CellProfiler's tolerance = 3.94/15 on [1, 9, 12, 9, 2]/15) and CellProfiler's own
// Threshold_FinalThreshold_Nuclei on BBBC013 A01 without smoothing is the same method's value.
#include <vector>

#include <gtest/gtest.h>

#include "hcs/core/image_reader.hpp"
#include "hcs/segment/threshold_methods.hpp"

using namespace hcs::segment;

TEST(ThresholdMinimumCrossEntropy, MatchesScikitImageOnCaseC02Pixels) {
    std::vector<float> pixels;
    for (int k : {1, 9, 12, 9, 2}) pixels.push_back(static_cast<float>(k / 15.0));
    EXPECT_NEAR(threshold_minimum_cross_entropy(sorted_pixels(pixels)), 3.94 / 15.0, 0.005 / 15.0);
}

TEST(ThresholdMinimumCrossEntropy, ConstantPixelsGiveTheirValue) {
    const std::vector<float> pixels(10, 0.25f);
    EXPECT_EQ(threshold_minimum_cross_entropy(pixels), 0.25);
}

TEST(ThresholdMinimumCrossEntropy, MatchesCellProfilerOnBbbc013A01) {
    // fixtures/cellprofiler/bbbc013-A01/Image.csv: Threshold_FinalThreshold_Nuclei (MCE is
    // computed on the unsmoothed image; the smoothing only changes the comparison).
    const cv::Mat image = hcs::read_image(std::filesystem::path(HCS_SHARED_DIR) /
                                          "data/bbbc013/images/Channel2-01-A-01.tif")
                              .pixels;
    const std::vector<float> pixels(image.begin<float>(), image.end<float>());
    EXPECT_NEAR(threshold_minimum_cross_entropy(sorted_pixels(pixels)), 0.12775193154811859, 1e-7);
}
