// The shared exact distance transform against distances worked out by hand.
#include <cmath>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include "hcs/core/distance_transform.hpp"

namespace {

// One row 0 1 1 1 0: the middle pixel is 2 from either zero, its neighbours 1.
TEST(SquaredDistanceTransform, RowBetweenTwoZerosByHand) {
    const cv::Mat mask = (cv::Mat_<uchar>(1, 5) << 0, 1, 1, 1, 0);
    const cv::Mat squared = hcs::squared_distance_transform(mask);
    const double expected[5] = {0, 1, 4, 1, 0};
    for (int x = 0; x < 5; ++x) EXPECT_EQ(squared.at<double>(0, x), expected[x]) << x;
}

// A 4 x 4 block with one zero at its corner (0, 0): pixel (row 3, column 2) is 3^2 + 2^2 = 13
// away, the far corner 18; the edge of the image is not background.
TEST(SquaredDistanceTransform, DiagonalDistancesToOneCornerZero) {
    cv::Mat mask(4, 4, CV_8U, cv::Scalar(1));
    mask.at<uchar>(0, 0) = 0;
    const cv::Mat squared = hcs::squared_distance_transform(mask);
    EXPECT_EQ(squared.at<double>(3, 2), 13.0);
    EXPECT_EQ(squared.at<double>(3, 3), 18.0);
    EXPECT_EQ(squared.at<double>(0, 1), 1.0);
}

TEST(SquaredDistanceTransform, MaskWithoutZeroIsInfinitelyFar) {
    const cv::Mat mask(3, 2, CV_8U, cv::Scalar(1));
    const cv::Mat squared = hcs::squared_distance_transform(mask);
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 2; ++x) EXPECT_TRUE(std::isinf(squared.at<double>(y, x)));
}

}  // namespace
