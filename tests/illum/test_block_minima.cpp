// Tests of the Background intensity's block minima, with centrosome.cpmorphology.block's layout.
#include "hcs/illum/block_minima.hpp"

#include <gtest/gtest.h>

namespace hcs::illum {
namespace {

TEST(BlockIndex, StretchesWholeBlocksOverTheSide) {
    // 5 pixels in blocks of 2: int(5 / 2) = 2 blocks; pixel k in block int(k * 2 / 5):
    // 0, 0, 0, 1, 1 (the last partial block joins the others).
    EXPECT_EQ(block_index(5, 2), (std::vector<int>{0, 0, 0, 1, 1}));
    // A side shorter than a block is one block.
    EXPECT_EQ(block_index(3, 60), (std::vector<int>{0, 0, 0}));
}

TEST(BlockMinima, ReplacesEachPixelByTheMinimumOfItsBlockInFloat64) {
    const cv::Mat pixels =
        (cv::Mat_<float>(2, 4) << 0.5f, 0.25f, 0.75f, 0.9f, 0.3f, 0.6f, 0.8f, 0.7f);
    const cv::Mat minima = block_minima(pixels, 2);
    ASSERT_EQ(minima.type(), CV_64F);
    // Blocks: columns {0,1} min 0.25, columns {2,3} min 0.7 (one block row).
    EXPECT_EQ(minima.at<double>(1, 0), 0.25);
    EXPECT_EQ(minima.at<double>(0, 3), static_cast<double>(0.7f));
}

}  // namespace
}  // namespace hcs::illum
