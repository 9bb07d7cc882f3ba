// Tests of average precision by hand and of mAP with permutation p-values (copairs method,
// Kalinin et al. 2024): a perfect retrieval has p near 1/(permutations + 1).
#include "hcs/evaluate/mean_average_precision.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace hcs {
namespace {

// Hand: positives at ranks 1 and 3: (1/1 + 2/3) / 2 = 5/6.
TEST(AveragePrecision, MeanOfPrecisionAtEachPositive) {
    EXPECT_NEAR(average_precision({true, false, true}), 5.0 / 6.0, 1e-12);
    EXPECT_NEAR(average_precision({false, true}), 0.5, 1e-12);
    EXPECT_TRUE(std::isnan(average_precision({false, false})));
}

// Six treatments of six compounds, two MOAs that are perfectly separated by similarity: every
// AP is 1, so mAP is 1; under label permutation mAP 1 is rare (p small but never 0).
TEST(MeanAveragePrecision, PerfectSeparationHasApOneAndSmallPValue) {
    TreatmentLabels labels{{"a", "b", "c", "d", "e", "f"},
                           {"1", "1", "1", "1", "1", "1"},
                           {"X", "X", "X", "Y", "Y", "Y"}};
    Eigen::MatrixXd similarity = Eigen::MatrixXd::Constant(6, 6, 0.1);
    similarity.topLeftCorner(3, 3).setConstant(0.9);
    similarity.bottomRightCorner(3, 3).setConstant(0.9);
    const MeanAveragePrecision result =
        mean_average_precision(similarity, labels, NeighbourExclusion::nsc, {}, 999, 7);
    EXPECT_NEAR(result.mean_average_precision, 1.0, 1e-12);
    ASSERT_EQ(result.queries.size(), 6u);
    EXPECT_EQ(result.queries[0].positives, 2u);
    EXPECT_EQ(result.queries[0].candidates, 5u);
    // Hand: of the C(6,3) = 20 ways to place the X labels, 2 separate the blocks (mAP 1), so
    // p is about 0.1: below 0.2 and, by the +1 rule, at least 1/1000.
    EXPECT_LT(result.p_value, 0.2);
    EXPECT_GE(result.p_value, 1.0 / 1000.0);
    // A query's null: 2 positives among 5 at random ranks reach AP 1 with probability 1/10.
    EXPECT_NEAR(result.queries[0].p_value, 0.1, 0.04);
}

}  // namespace
}  // namespace hcs
