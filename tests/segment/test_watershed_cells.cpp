// Tests of the secondary watersheds. Expected values are hand traces of scikit-image 0.19's
// flooding (lowest height first, equal heights in order of arrival, label given when reached) and
// hand arithmetic of scipy.ndimage.sobel.
#include "hcs/segment/watershed_cells.hpp"

#include <gtest/gtest.h>

namespace hcs::segment {
namespace {

TEST(WatershedCells, EqualHeightsAreFloodedInOrderOfArrival) {
    // Heights [0 5 1 5 0], markers at both ends. Marker 1 is pushed first, so it reaches column 1
    // (height 5, age 2) before marker 2 reaches column 3 (height 5, age 3); column 1 then comes
    // off first and gives column 2 to label 1.
    const cv::Mat heights = (cv::Mat_<double>(1, 5) << 0, 5, 1, 5, 0);
    const cv::Mat markers = (cv::Mat_<int>(1, 5) << 1, 0, 0, 0, 2);
    const cv::Mat expected = (cv::Mat_<int>(1, 5) << 1, 1, 1, 2, 2);
    EXPECT_EQ(cv::countNonZero(flood_from_markers(heights, markers) != expected), 0);
}

TEST(WatershedCells, FloodingStopsAtTheMask) {
    const cv::Mat heights = cv::Mat::zeros(1, 4, CV_64F);
    const cv::Mat markers = (cv::Mat_<int>(1, 4) << 3, 0, 0, 0);
    const cv::Mat mask = (cv::Mat_<uchar>(1, 4) << 1, 1, 0, 1);
    const cv::Mat expected = (cv::Mat_<int>(1, 4) << 3, 3, 0, 0);
    EXPECT_EQ(cv::countNonZero(flood_from_markers(heights, markers, mask) != expected), 0);
}

TEST(WatershedCells, SobelIsTheHorizontalDerivativeSmoothedDownRows) {
    // Every row [0 0 1]: the [-1 0 1] step gives [0 1 1] (edges mirrored), and [1 2 1] down
    // identical rows multiplies by 4.
    cv::Mat image = (cv::Mat_<float>(3, 3) << 0, 0, 1, 0, 0, 1, 0, 0, 1);
    const cv::Mat magnitude = horizontal_sobel_magnitude(image);
    EXPECT_FLOAT_EQ(magnitude.at<float>(1, 0), 0.f);
    EXPECT_FLOAT_EQ(magnitude.at<float>(1, 1), 4.f);
    EXPECT_FLOAT_EQ(magnitude.at<float>(0, 2), 4.f);
}

TEST(WatershedCells, SobelIgnoresAVerticalGradient) {
    // scipy.ndimage.sobel's default axis is the last one: a change down the rows gives zero.
    cv::Mat image = (cv::Mat_<float>(3, 3) << 0, 0, 0, 1, 1, 1, 2, 2, 2);
    EXPECT_EQ(cv::countNonZero(horizontal_sobel_magnitude(image)), 0);
}

TEST(WatershedCells, WatershedImageFloodsFromTheBrightestSeedFirst) {
    // Image [0.9 0.2 0.8 0.8 0.1], seeds at both ends: heights 1 - image put seed 1 at 0.1 and
    // seed 2 at 0.9. Seed 1 comes off first and labels column 1 when it pushes it; column 1
    // (0.8) still comes off before seed 2 (0.9) and labels column 2, and so on to column 3.
    cv::Mat image = (cv::Mat_<float>(1, 5) << 0.9f, 0.2f, 0.8f, 0.8f, 0.1f);
    const cv::Mat seeds = (cv::Mat_<int>(1, 5) << 1, 0, 0, 0, 2);
    const cv::Mat foreground = cv::Mat::ones(1, 5, CV_8U);
    const cv::Mat cells = watershed_image_cells(image, seeds, foreground);
    const cv::Mat expected = (cv::Mat_<int>(1, 5) << 1, 1, 1, 1, 2);
    EXPECT_EQ(cv::countNonZero(cells != expected), 0);
}

}  // namespace
}  // namespace hcs::segment
