// Tests of background hole filling (centrosome fill_labeled_holes with mask = background). The
// expected labels follow by hand from its rules: a background region that reaches the edge or
// touches two objects stays; one enclosed by a single object takes its label.
#include "hcs/segment/fill_background_holes.hpp"

#include <gtest/gtest.h>

namespace hcs::segment {
namespace {

cv::Mat labels_from(const std::vector<std::vector<int>>& rows) {
    cv::Mat labels(static_cast<int>(rows.size()), static_cast<int>(rows[0].size()), CV_32S);
    for (int r = 0; r < labels.rows; ++r) {
        for (int c = 0; c < labels.cols; ++c) labels.at<int>(r, c) = rows[r][c];
    }
    return labels;
}

TEST(FillBackgroundHoles, FillsAHoleEnclosedByOneObject) {
    const cv::Mat labels = labels_from(
        {{0, 0, 0, 0, 0}, {0, 1, 1, 1, 0}, {0, 1, 0, 1, 0}, {0, 1, 1, 1, 0}, {0, 0, 0, 0, 0}});
    const cv::Mat filled = fill_background_holes(labels);
    EXPECT_EQ(filled.at<int>(2, 2), 1);
    EXPECT_EQ(filled.at<int>(0, 0), 0);
}

TEST(FillBackgroundHoles, LeavesAPocketBetweenTwoCellsEmpty) {
    // The pixel at (1, 1) touches cell 1 above and left and cell 2 right and below (the pattern
    // found between two Distance - N cells of examplefly-variants-distance at (74, 775)).
    const cv::Mat labels = labels_from({{1, 1, 1, 2}, {1, 0, 2, 2}, {1, 2, 2, 2}});
    EXPECT_EQ(fill_background_holes(labels).at<int>(1, 1), 0);
}

TEST(FillBackgroundHoles, LeavesBackgroundThatReachesTheEdge) {
    const cv::Mat labels = labels_from({{1, 1, 1}, {1, 0, 0}, {1, 1, 1}});
    EXPECT_EQ(fill_background_holes(labels).at<int>(1, 1), 0);
}

TEST(FillBackgroundHoles, KeepsAnObjectInsideAnotherObject) {
    // Object pixels never change: a stray seed pixel of cell 2 inside cell 1 keeps its label.
    const cv::Mat labels = labels_from(
        {{0, 0, 0, 0, 0}, {0, 1, 1, 1, 0}, {0, 1, 2, 1, 0}, {0, 1, 1, 1, 0}, {0, 0, 0, 0, 0}});
    EXPECT_EQ(fill_background_holes(labels).at<int>(2, 2), 2);
}

TEST(FillBackgroundHoles, NestedHolesTakeTheLabelOfTheOutermostEnclosingObject) {
    // Object 2 sits in a hole of object 1 and has a hole of its own. Object 2 touches no
    // background that reaches out, so centrosome treats it as part of the hole: both holes take
    // label 1, while object 2's own pixels stay 2.
    const cv::Mat labels = labels_from({{0, 0, 0, 0, 0, 0, 0, 0, 0},
                                        {0, 1, 1, 1, 1, 1, 1, 1, 0},
                                        {0, 1, 0, 0, 0, 0, 0, 1, 0},
                                        {0, 1, 0, 2, 2, 2, 0, 1, 0},
                                        {0, 1, 0, 2, 0, 2, 0, 1, 0},
                                        {0, 1, 0, 2, 2, 2, 0, 1, 0},
                                        {0, 1, 0, 0, 0, 0, 0, 1, 0},
                                        {0, 1, 1, 1, 1, 1, 1, 1, 0},
                                        {0, 0, 0, 0, 0, 0, 0, 0, 0}});
    const cv::Mat filled = fill_background_holes(labels);
    EXPECT_EQ(filled.at<int>(2, 2), 1);
    EXPECT_EQ(filled.at<int>(4, 4), 1);
    EXPECT_EQ(filled.at<int>(3, 3), 2);
}

}  // namespace
}  // namespace hcs::segment
