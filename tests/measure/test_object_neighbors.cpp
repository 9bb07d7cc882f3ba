// Neighbour features on two or three squares laid out by hand; expected counts and distances
// follow from CellProfiler's definitions (disk dilation, centre distances) as computed in the
// comments.

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "hcs/measure/object_neighbors.hpp"

namespace {

using namespace hcs::measure;

std::map<std::string, std::vector<double>> by_name(const Measurements& measurements) {
    return {measurements.begin(), measurements.end()};
}

// Two 3x3 squares with centres (3, 3) and (8, 3): a gap of two background columns.
cv::Mat two_squares() {
    cv::Mat labels = cv::Mat::zeros(8, 12, CV_32S);
    labels(cv::Rect(2, 2, 3, 3)).setTo(1);
    labels(cv::Rect(7, 2, 3, 3)).setTo(2);
    return labels;
}

TEST(ObjectNeighbors, WithinFivePixelsFindsTheOtherSquare) {
    const ObjectSet objects = ObjectSet::from_labels("Cells", two_squares());
    auto f = by_name(
        measure_object_neighbors(objects, objects.labels, {NeighborMethod::WithinDistance, 5}));
    EXPECT_EQ(f["Neighbors_NumberOfNeighbors_5"][0], 1);
    EXPECT_EQ(f["Neighbors_FirstClosestObjectNumber_5"][0], 2);
    EXPECT_EQ(f["Neighbors_FirstClosestObjectNumber_5"][1], 1);
    EXPECT_DOUBLE_EQ(f["Neighbors_FirstClosestDistance_5"][0], 5);  // centre to centre
    EXPECT_EQ(f["Neighbors_SecondClosestObjectNumber_5"][0], 0);    // only two objects
}

TEST(ObjectNeighbors, AdjacentNeedsTouchingAndAGapOfTwoIsNot) {
    const ObjectSet objects = ObjectSet::from_labels("Cells", two_squares());
    auto f =
        by_name(measure_object_neighbors(objects, objects.labels, {NeighborMethod::Adjacent, 5}));
    EXPECT_EQ(f["Neighbors_NumberOfNeighbors_Adjacent"][0], 0);
    EXPECT_EQ(f["Neighbors_PercentTouching_Adjacent"][0], 0);
}

TEST(ObjectNeighbors, ExpandedObjectsTouchAcrossTheGap) {
    const ObjectSet objects = ObjectSet::from_labels("Nuclei", two_squares());
    auto f = by_name(measure_object_neighbors(objects, objects.labels,
                                              {NeighborMethod::ExpandUntilAdjacent, 5}));
    EXPECT_EQ(f["Neighbors_NumberOfNeighbors_Expanded"][0], 1);
    EXPECT_EQ(f["Neighbors_NumberOfNeighbors_Expanded"][1], 1);
}

TEST(ObjectNeighbors, ObjectsDiscardedAtTheBorderStillCountAsNeighbours) {
    // Kept: square 1 only. Unfiltered: also square 2 (discarded, say, for touching the border).
    cv::Mat kept = two_squares();
    kept.setTo(0, kept == 2);
    const ObjectSet objects = ObjectSet::from_labels("Cells", kept);
    auto f = by_name(
        measure_object_neighbors(objects, two_squares(), {NeighborMethod::WithinDistance, 5}));
    EXPECT_EQ(f["Neighbors_NumberOfNeighbors_5"][0], 1);
    EXPECT_DOUBLE_EQ(f["Neighbors_FirstClosestDistance_5"][0], 5);
    // The closest *kept* object does not exist: CellProfiler writes 0.
    EXPECT_EQ(f["Neighbors_FirstClosestObjectNumber_5"][0], 0);
}

TEST(ObjectNeighbors, ExpansionGivesATieToTheEarlierSiteAsScipy) {
    // Labels at columns 0 and 4 of one row: column 2 is 2 px from both; scipy's feature
    // transform keeps the first site, label 1.
    cv::Mat labels = cv::Mat::zeros(1, 5, CV_32S);
    labels.at<int>(0, 0) = 1;
    labels.at<int>(0, 4) = 2;
    const cv::Mat expanded = expand_labels_to_nearest(labels);
    EXPECT_EQ(expanded.at<int>(0, 1), 1);
    EXPECT_EQ(expanded.at<int>(0, 2), 1);
    EXPECT_EQ(expanded.at<int>(0, 3), 2);
}

}  // namespace
