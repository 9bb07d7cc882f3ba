// Seeded watershed. Expected values: hand-drawn surfaces; a pixel goes to the seed that floods
// it first from below.
#include <gtest/gtest.h>

#include "hcs/segment/marker_watershed.hpp"

using hcs::segment::marker_watershed;

TEST(MarkerWatershed, SplitsTwoBasinsAtTheRidge) {
    // One row: basins at columns 1 and 7, ridge at column 5.
    const cv::Mat surface = (cv::Mat_<double>(1, 9) << 1, 0, 1, 2, 3, 4, 2, 0, 1);
    cv::Mat markers = cv::Mat::zeros(1, 9, CV_32S);
    markers.at<int>(0, 1) = 1;
    markers.at<int>(0, 7) = 2;
    const cv::Mat labels = marker_watershed(surface, markers, cv::Mat());
    const cv::Mat expected = (cv::Mat_<int>(1, 9) << 1, 1, 1, 1, 1, 2, 2, 2, 2);
    EXPECT_EQ(cv::countNonZero(labels != expected), 0);
}

TEST(MarkerWatershed, StaysInsideTheMask) {
    const cv::Mat surface = cv::Mat::zeros(1, 5, CV_64F);
    cv::Mat markers = cv::Mat::zeros(1, 5, CV_32S);
    markers.at<int>(0, 0) = 3;
    cv::Mat mask = cv::Mat::ones(1, 5, CV_8U);
    mask.at<unsigned char>(0, 2) = 0;
    const cv::Mat labels = marker_watershed(surface, markers, mask);
    EXPECT_EQ(labels.at<int>(0, 1), 3);
    EXPECT_EQ(labels.at<int>(0, 2), 0);
    EXPECT_EQ(labels.at<int>(0, 4), 0);  // cut off by the masked pixel
}
