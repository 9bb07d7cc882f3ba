// Tests of Distance - N and Distance - B. Expected values by hand: Euclidean disks, scipy's
// feature-transform tie rule (the earlier feature along a line is kept when equally near), and
// propagation distances on a flat image (1 per orthogonal step with regularization 1).
#include "hcs/segment/distance_expansion.hpp"

#include <gtest/gtest.h>

namespace hcs::segment {
namespace {

TEST(DistanceExpansion, DistanceNCoversTheEuclideanDiskOfTheSeed) {
    // Pixels with dx^2 + dy^2 <= 4 around one seed: 1 + 4 + 4 + 4 = 13.
    cv::Mat seeds = cv::Mat::zeros(7, 7, CV_32S);
    seeds.at<int>(3, 3) = 5;
    const cv::Mat cells = expand_seeds_by_distance(seeds, 2);
    EXPECT_EQ(cv::countNonZero(cells == 5), 13);
    EXPECT_EQ(cells.at<int>(3, 5), 5);
    EXPECT_EQ(cells.at<int>(5, 5), 0);  // distance sqrt(8) > 2
}

TEST(DistanceExpansion, DistanceNGivesEquidistantPixelsToTheEarlierSeedAlongARow) {
    // scipy's _VoronoiFT keeps the current feature while it is not farther than the next one.
    cv::Mat seeds = cv::Mat::zeros(1, 5, CV_32S);
    seeds.at<int>(0, 0) = 1;
    seeds.at<int>(0, 4) = 2;
    const cv::Mat cells = expand_seeds_by_distance(seeds, 10);
    EXPECT_EQ(cells.at<int>(0, 2), 1);
    EXPECT_EQ(cells.at<int>(0, 3), 2);
}

TEST(DistanceExpansion, DistanceNGivesEquidistantPixelsToTheUpperSeedDownAColumn) {
    cv::Mat seeds = cv::Mat::zeros(5, 1, CV_32S);
    seeds.at<int>(0, 0) = 7;
    seeds.at<int>(4, 0) = 3;
    EXPECT_EQ(expand_seeds_by_distance(seeds, 10).at<int>(2, 0), 7);
}

TEST(DistanceExpansion, NearestSeedPixelsNameTheClosestSeedPixel) {
    cv::Mat seeds = cv::Mat::zeros(4, 6, CV_32S);
    seeds.at<int>(0, 0) = 1;
    seeds.at<int>(3, 5) = 2;
    const cv::Mat nearest = nearest_seed_pixels(seeds);
    EXPECT_EQ(nearest.at<cv::Vec2i>(1, 1), cv::Vec2i(0, 0));
    EXPECT_EQ(nearest.at<cv::Vec2i>(2, 4), cv::Vec2i(3, 5));
}

TEST(DistanceExpansion, DistanceBStopsAtTheDistanceAndAtTheForeground) {
    // Flat image, regularization 1: columns 1 and 2 lie at propagation distance 1 and 2 <= 2,
    // column 3 at 3 is cut. In the second row the foreground ends after column 1.
    const cv::Mat image = cv::Mat::zeros(1, 6, CV_32F);
    cv::Mat seeds = cv::Mat::zeros(1, 6, CV_32S);
    seeds.at<int>(0, 0) = 9;
    const cv::Mat everywhere = cv::Mat::ones(1, 6, CV_8U);
    const cv::Mat cells = expand_seeds_within_foreground(image, seeds, everywhere, 2);
    EXPECT_EQ(cv::countNonZero(cells == 9), 3);
    EXPECT_EQ(cells.at<int>(0, 3), 0);

    const cv::Mat short_foreground = (cv::Mat_<uchar>(1, 6) << 0, 1, 0, 1, 1, 1);
    const cv::Mat limited = expand_seeds_within_foreground(image, seeds, short_foreground, 2);
    EXPECT_EQ(limited.at<int>(0, 0), 9);  // the seed itself is restored outside the foreground
    EXPECT_EQ(cv::countNonZero(limited), 1);
}

}  // namespace
}  // namespace hcs::segment
