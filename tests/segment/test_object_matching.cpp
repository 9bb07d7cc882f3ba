// IoU matching and F1. Expected values: hand arithmetic on drawn squares.
#include <cmath>

#include <gtest/gtest.h>

#include "hcs/segment/object_matching.hpp"

using namespace hcs::segment;

TEST(MatchObjects, PairsObjectsAboveTheIouAndListsTheRest) {
    cv::Mat truth = cv::Mat::zeros(10, 20, CV_32S), predicted = cv::Mat::zeros(10, 20, CV_32S);
    truth(cv::Rect(0, 0, 4, 4)).setTo(1);       // 16 px
    truth(cv::Rect(10, 0, 4, 4)).setTo(2);      // 16 px
    predicted(cv::Rect(0, 0, 4, 3)).setTo(5);   // IoU 12 / 16 = 0.75
    predicted(cv::Rect(10, 0, 2, 4)).setTo(6);  // IoU 8 / 16 = 0.5, not above 0.5
    predicted(cv::Rect(16, 6, 2, 2)).setTo(7);  // overlaps nothing
    const ObjectMatching matching = match_objects(truth, predicted, 0.5, false);
    EXPECT_EQ(matching.matched, 1);
    EXPECT_EQ(matching.false_positives(), 2);
    EXPECT_EQ(matching.false_negatives(), 1);
    EXPECT_DOUBLE_EQ(matching.matched_iou.at(0), 0.75);
    EXPECT_EQ(matching.unmatched_reference, std::vector<int>{2});
    EXPECT_EQ(match_objects(truth, predicted, 0.5, true).matched, 2);  // IoU 0.5 included
}

TEST(F1Score, IsTwiceTruePositivesOverTheSum) {
    EXPECT_DOUBLE_EQ(f1_score(1, 2, 1), 2.0 / 5.0);
    EXPECT_TRUE(std::isnan(f1_score(0, 0, 0)));
}

TEST(ObjectsTouchingBorder, FlagsLabelsWithAnEdgePixel) {
    cv::Mat labels = cv::Mat::zeros(5, 5, CV_32S);
    labels.at<int>(0, 2) = 1;
    labels.at<int>(2, 2) = 2;
    const auto touches = objects_touching_border(labels);
    EXPECT_EQ(touches[1], 1);
    EXPECT_EQ(touches[2], 0);
}
