// Labelling in scipy.ndimage.label's numbering and consecutive relabelling. Expected values:
// hand-drawn masks, numbered by the first pixel met in a raster scan.
#include <gtest/gtest.h>

#include "hcs/segment/label_components.hpp"

using namespace hcs::segment;

TEST(LabelComponents, NumbersComponentsInRasterOrderOfTheirFirstPixel) {
    cv::Mat mask = cv::Mat::zeros(4, 6, CV_8U);
    mask.at<unsigned char>(3, 0) = 255;  // starts last
    mask.at<unsigned char>(0, 5) = 255;  // starts first
    mask.at<unsigned char>(1, 2) = 255;
    mask.at<unsigned char>(2, 3) = 255;  // diagonal neighbour of (1, 2)
    int count = 0;
    const cv::Mat labels = label_components(mask, 8, &count);
    EXPECT_EQ(count, 3);
    EXPECT_EQ(labels.at<int>(0, 5), 1);
    EXPECT_EQ(labels.at<int>(1, 2), 2);
    EXPECT_EQ(labels.at<int>(2, 3), 2);
    EXPECT_EQ(labels.at<int>(3, 0), 3);
    EXPECT_EQ(label_components(mask, 4, &count).at<int>(2, 3), 3);
    EXPECT_EQ(count, 4);
}

TEST(RelabelConsecutively, KeepsTheOrderOfTheOldLabelsAndDropsGaps) {
    cv::Mat labels = (cv::Mat_<int>(1, 4) << 9, 0, 4, 9);
    int count = 0;
    const cv::Mat relabelled = relabel_consecutively(labels, &count);
    EXPECT_EQ(count, 2);
    EXPECT_EQ(relabelled.at<int>(0, 0), 2);
    EXPECT_EQ(relabelled.at<int>(0, 2), 1);
    EXPECT_EQ(relabelled.at<int>(0, 1), 0);
}
