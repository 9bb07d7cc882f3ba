// Tests of seeded propagation (centrosome propagate, Jones et al. 2005). Expected values are
// worked by hand from centrosome's step cost sqrt(D^2 + lambda^2 * m) and its heap order
// (distance, then label).
#include "hcs/segment/propagate.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "cell_fixtures.hpp"

namespace hcs::segment {
namespace {

cv::Mat row_labels(std::initializer_list<int> values) {
    return cv::Mat(std::vector<int>(values), true).reshape(1, 1);
}

TEST(Propagate, FlatImageSplitsAtTheMidpointAndTiesGoToTheLowerLabel) {
    // On a flat image each horizontal step costs sqrt(0 + 1 * 1^2) = 1. Column 3 is 3 steps from
    // both seeds; centrosome orders equal distances by label, so label 1 arrives first.
    const cv::Mat image = cv::Mat::zeros(1, 7, CV_32F);
    const cv::Mat seeds = row_labels({1, 0, 0, 0, 0, 0, 2});
    const cv::Mat mask = cv::Mat::ones(1, 7, CV_8U);
    const PropagationResult result = propagate(image, seeds, mask, 1.0);
    EXPECT_EQ(cv::countNonZero(result.labels != row_labels({1, 1, 1, 1, 2, 2, 2})), 0);
    EXPECT_DOUBLE_EQ(result.distances.at<double>(0, 3), 3.0);
    EXPECT_DOUBLE_EQ(result.distances.at<double>(0, 5), 1.0);
}

TEST(Propagate, StepCostSumsTheThreeByThreeDifferencesWithEdgesRepeated) {
    // Image row [0 0 1], rows above and below repeated. The 3x3 around column 0 reads
    // [0 0 0] three times, around column 1 [0 0 1] three times: D = 3, so the step costs
    // sqrt(3^2 + 1 * 0.05^2) = sqrt(9.0025).
    cv::Mat image = (cv::Mat_<float>(1, 3) << 0.f, 0.f, 1.f);
    const cv::Mat seeds = row_labels({4, 0, 0});
    const cv::Mat mask = cv::Mat::ones(1, 3, CV_8U);
    const PropagationResult result = propagate(image, seeds, mask, kDefaultRegularization);
    EXPECT_DOUBLE_EQ(result.distances.at<double>(0, 1), std::sqrt(9.0025));
    EXPECT_EQ(result.labels.at<int>(0, 2), 4);
}

TEST(Propagate, StaysInsideTheMaskAndKeepsSeedsOutsideIt) {
    // Column 2 is outside the mask, so column 3 cannot be reached from the left seed; the seed
    // at column 4 lies outside the mask too: it keeps its label but grows nowhere.
    const cv::Mat image = cv::Mat::zeros(1, 5, CV_32F);
    const cv::Mat seeds = row_labels({1, 0, 0, 0, 2});
    const cv::Mat mask = (cv::Mat_<uchar>(1, 5) << 1, 1, 0, 1, 0);
    const PropagationResult result = propagate(image, seeds, mask, 1.0);
    EXPECT_EQ(cv::countNonZero(result.labels != row_labels({1, 1, 0, 0, 2})), 0);
    EXPECT_DOUBLE_EQ(result.distances.at<double>(0, 3), -1.0);
}

TEST(Propagate, DiagonalStepsCostTheSquareRootOfTwoOnAFlatImage) {
    // m = 2 for a diagonal step: sqrt(0 + 2 * 1^2).
    const cv::Mat image = cv::Mat::zeros(2, 2, CV_32F);
    cv::Mat seeds = cv::Mat::zeros(2, 2, CV_32S);
    seeds.at<int>(0, 0) = 1;
    const PropagationResult result = propagate(image, seeds, cv::Mat::ones(2, 2, CV_8U), 1.0);
    EXPECT_DOUBLE_EQ(result.distances.at<double>(1, 1), std::sqrt(2.0));
    EXPECT_EQ(cv::countNonZero(result.labels != 1), 0);
}

TEST(Propagate, ZeroRegularizationLetsPushedPixelsCompeteWithSeeds) {
    // lambda = 0 on a flat image: every step costs 0, so pushed pixels tie with the seeds and
    // centrosome's (distance, label, row, col) order decides. Hand trace: seed 2 (col 0) is the
    // root of the unheapified array and goes first, pushing col 1 as (0, 2); seed 1 (col 4)
    // pushes col 3 as (0, 1), which comes off before (0, 2) and pushes col 2, also before col 1.
    const cv::Mat image = cv::Mat::zeros(1, 5, CV_32F);
    const cv::Mat seeds = row_labels({2, 0, 0, 0, 1});
    const PropagationResult result = propagate(image, seeds, cv::Mat::ones(1, 5, CV_8U), 0.0);
    EXPECT_EQ(cv::countNonZero(result.labels != row_labels({2, 2, 1, 1, 1})), 0);
}

TEST(Propagate, FastOrderEqualsTheSingleHeapReplicaOnBbbc013A01) {
    // The fast path (seed replica + radix queue) must give what one replica of centrosome's heap
    // gives, on CellProfiler's own A01 seeds and mask, for the Propagation and Distance - B
    // regularizations.
    const std::string set = "bbbc013-A01";
    const cv::Mat image = testing::fixture_channel(set, "GFP");
    const cv::Mat seeds =
        testing::fixture_labels(set, "cp_internal_labels/Cells_propagation_seeds.tif");
    const cv::Mat mask =
        testing::fixture_mask(set, "cp_internal_labels/Cells_threshold_binary.tif");
    for (const double regularization : {kDefaultRegularization, 1.0}) {
        const PropagationResult fast = propagate(image, seeds, mask, regularization);
        const PropagationResult reference =
            propagate_single_heap(image, seeds, mask, regularization);
        EXPECT_EQ(cv::countNonZero(fast.labels != reference.labels), 0) << regularization;
        EXPECT_EQ(cv::countNonZero(fast.distances != reference.distances), 0) << regularization;
    }
}

}  // namespace
}  // namespace hcs::segment
