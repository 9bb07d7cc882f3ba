// Hole filling as centrosome.cpmorphology.fill_labeled_holes. Expected values: hand-drawn
// label images; a hole is enclosed background touching a single object.
#include <gtest/gtest.h>

#include "hcs/segment/fill_holes.hpp"

using hcs::segment::fill_labeled_holes;

namespace {

// A 5x5 ring of label `label` (hole of one pixel at its centre) at the given corner.
void draw_ring(cv::Mat& labels, int top, int left, int label) {
    labels(cv::Rect(left, top, 5, 5)).setTo(label);
    labels.at<int>(top + 2, left + 2) = 0;
}

}  // namespace

TEST(FillLabeledHoles, EnclosedBackgroundTakesTheObjectsLabel) {
    cv::Mat labels = cv::Mat::zeros(9, 9, CV_32S);
    draw_ring(labels, 2, 2, 7);
    const cv::Mat filled = fill_labeled_holes(labels);
    EXPECT_EQ(filled.at<int>(4, 4), 7);
    EXPECT_EQ(cv::countNonZero(filled), 25);
}

TEST(FillLabeledHoles, BackgroundReachingTheEdgeIsNotAHole) {
    cv::Mat labels = cv::Mat::zeros(5, 5, CV_32S);
    labels(cv::Rect(0, 0, 5, 3)).setTo(1);
    labels.at<int>(0, 2) = 0;  // a notch open to the image edge
    EXPECT_EQ(fill_labeled_holes(labels).at<int>(0, 2), 0);
}

TEST(FillLabeledHoles, BackgroundBetweenTwoObjectsIsNotAHole) {
    // Two objects together enclose one background pixel: it touches both, so it stays.
    cv::Mat labels = cv::Mat::zeros(7, 7, CV_32S);
    labels(cv::Rect(1, 1, 5, 5)).setTo(1);
    labels(cv::Rect(1, 4, 5, 2)).setTo(2);
    labels.at<int>(3, 3) = 0;
    labels.at<int>(4, 3) = 0;
    const cv::Mat filled = fill_labeled_holes(labels);
    EXPECT_EQ(filled.at<int>(3, 3), 0);
    EXPECT_EQ(filled.at<int>(4, 3), 0);
}

TEST(FillLabeledHoles, HolesOfTheSizeLimitOrMoreStay) {
    cv::Mat mask = cv::Mat::zeros(8, 8, CV_8U);
    mask(cv::Rect(1, 1, 6, 6)).setTo(255);
    mask(cv::Rect(3, 3, 2, 2)).setTo(0);  // a 4-pixel hole
    EXPECT_EQ(cv::countNonZero(fill_labeled_holes(mask, 4)), 32);
    EXPECT_EQ(cv::countNonZero(fill_labeled_holes(mask, 5)), 36);
}
