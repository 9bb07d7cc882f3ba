// Tests of leave-one-compound-out selection among candidate configurations on hand-made
// similarity matrices: the rule picks the candidate that predicts the other compounds best,
// and the nested accuracy reads each held-out compound from the candidate chosen without it.
#include "hcs/evaluate/configuration_selection.hpp"

#include <gtest/gtest.h>

namespace hcs {
namespace {

// Four treatments of four compounds, MOAs X X Y Y, one batch. Candidate 1 pairs a-b and c-d
// (all right); candidate 2 pairs a-c and b-d (all wrong).
TEST(SelectLeaveOneCompoundOut, ChoosesTheCandidateRightOnTheOtherCompounds) {
    const TreatmentLabels labels{{"a", "b", "c", "d"}, {"1", "1", "1", "1"}, {"X", "X", "Y", "Y"}};
    Eigen::MatrixXd good = Eigen::MatrixXd::Constant(4, 4, 0.1);
    good(0, 1) = good(1, 0) = good(2, 3) = good(3, 2) = 0.9;
    Eigen::MatrixXd bad = Eigen::MatrixXd::Constant(4, 4, 0.1);
    bad(0, 2) = bad(2, 0) = bad(1, 3) = bad(3, 1) = 0.9;

    const SelectionOutcome outcome =
        select_leave_one_compound_out({bad, good}, labels, {NeighbourExclusion::nsc}, {});
    // Hand: on all data candidate 1 (bad) gets 0 right, candidate 2 (good) 4.
    EXPECT_EQ(outcome.score_on_all, (std::vector<std::size_t>{0, 4}));
    EXPECT_EQ(outcome.chosen_on_all, 1u);
    ASSERT_EQ(outcome.chosen.size(), 4u);
    for (std::size_t chosen : outcome.chosen) EXPECT_EQ(chosen, 1u);
    ASSERT_EQ(outcome.nested.size(), 1u);
    EXPECT_EQ(outcome.nested[0].evaluated, 4u);
    EXPECT_EQ(outcome.nested[0].correct, 4u);
}

// Ties go to the earlier candidate: two identical candidates, the first is chosen.
TEST(SelectLeaveOneCompoundOut, TiesGoToTheEarlierCandidate) {
    const TreatmentLabels labels{{"a", "b", "c"}, {"1", "1", "1"}, {"X", "X", "Y"}};
    const Eigen::MatrixXd same = Eigen::MatrixXd::Identity(3, 3);
    const SelectionOutcome outcome =
        select_leave_one_compound_out({same, same}, labels, {NeighbourExclusion::nsc}, {});
    EXPECT_EQ(outcome.chosen_on_all, 0u);
}

}  // namespace
}  // namespace hcs
