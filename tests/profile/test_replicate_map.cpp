// Tests of the mAP separation figure; expected values by hand from small rankings.
#include "hcs/profile/replicate_map.hpp"

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

TEST(AveragePrecision, PerfectSeparationGivesOne) {
    Eigen::MatrixXd profiles(4, 2);
    profiles << 1, 0, 0.9, 0.1, 0, 1, 0.1, 0.9;
    EXPECT_DOUBLE_EQ(mean_average_precision(profiles, {"a", "a", "b", "b"}), 1.0);
}

TEST(AveragePrecision, HandRankedQuery) {
    // Query row 0 = (1, 0); others by cosine: row 1 (0.8, 0.6) 0.8, row 2 (0.6, 0.8) 0.6,
    // row 3 (0, 1) 0. Same label: rows 2 and 3 -> precisions 1/2 and 2/3 -> AP = 7/12.
    Eigen::MatrixXd profiles(4, 2);
    profiles << 1, 0, 0.8, 0.6, 0.6, 0.8, 0, 1;
    const auto precisions = average_precisions(profiles, {"a", "b", "a", "a"});
    EXPECT_NEAR(precisions[0], 7.0 / 12.0, 1e-12);
    EXPECT_TRUE(std::isnan(precisions[1]));  // the only "b"
}

TEST(PermutedBaseline, IsBelowPerfectSeparation) {
    Eigen::MatrixXd profiles(6, 2);
    profiles << 1, 0, 1, 0.1, 1, 0.2, 0, 1, 0.1, 1, 0.2, 1;
    const std::vector<std::string> labels = {"a", "a", "a", "b", "b", "b"};
    EXPECT_DOUBLE_EQ(mean_average_precision(profiles, labels), 1.0);
    EXPECT_LT(permuted_map_baseline(profiles, labels, 200, 1), 0.8);
}

}  // namespace
}  // namespace hcs::profile
