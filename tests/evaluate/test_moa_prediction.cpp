// Tests of 1-NN MOA prediction with NSC and NSCB neighbour exclusion on a hand-made
// similarity matrix, per-MOA accuracy, left-out MOAs and the confusion matrix.
#include "hcs/evaluate/moa_prediction.hpp"

#include <gtest/gtest.h>

namespace hcs {
namespace {

// Four treatments: a1 and a2 are one compound (MOA X, batches 1 and 2); b (X, batch 1);
// c (Y, batch 2). Similarities chosen so each rule picks a different neighbour.
struct Fixture {
    TreatmentLabels labels{{"a", "a", "b", "c"}, {"1", "2", "1", "2"}, {"X", "X", "X", "Y"}};
    Eigen::MatrixXd similarity = (Eigen::MatrixXd(4, 4) << 1.0, 0.9, 0.8, 0.1, 0.9, 1.0, 0.2, 0.7,
                                  0.8, 0.2, 1.0, 0.3, 0.1, 0.7, 0.3, 1.0)
                                     .finished();
};

// Hand: NSC: a1 -> b (0.8, X right), a2 -> c (0.7, Y wrong), b -> a1 (X right), c -> a2 (X
// wrong): 2/4.
TEST(PredictMoa, NotSameCompoundExcludesEveryConcentrationOfTheCompound) {
    Fixture fixture;
    const MoaEvaluation nsc =
        predict_moa(fixture.similarity, fixture.labels, NeighbourExclusion::nsc);
    ASSERT_EQ(nsc.predictions.size(), 4u);
    EXPECT_EQ(nsc.predictions[0].neighbour, 2u);
    EXPECT_EQ(nsc.predictions[1].predicted_moa, "Y");
    EXPECT_EQ(nsc.correct, 2u);
    EXPECT_DOUBLE_EQ(nsc.accuracy, 0.5);
    EXPECT_EQ(nsc.per_moa.at("X").correct, 2u);
    EXPECT_EQ(nsc.per_moa.at("Y").evaluated, 1u);
}

// Hand: NSCB: a1 (batch 1) -> c (batch 2, 0.1; Y wrong); a2 (batch 2) -> b (0.2, X right);
// b (batch 1) -> c (0.3, wrong); c (batch 2) -> b (0.3, wrong): 1/4.
TEST(PredictMoa, NotSameBatchAlsoExcludesTheQueryBatch) {
    Fixture fixture;
    const MoaEvaluation nscb =
        predict_moa(fixture.similarity, fixture.labels, NeighbourExclusion::nscb);
    EXPECT_EQ(nscb.predictions[0].neighbour, 3u);
    EXPECT_EQ(nscb.predictions[1].neighbour, 2u);
    EXPECT_EQ(nscb.correct, 1u);
    // Confusion: rows true (X, Y), columns predicted (X, Y): X->X 1, X->Y 2, Y->X 1.
    ASSERT_EQ(nscb.confusion_labels, (std::vector<std::string>{"X", "Y"}));
    EXPECT_EQ(nscb.confusion(0, 0), 1);
    EXPECT_EQ(nscb.confusion(0, 1), 2);
    EXPECT_EQ(nscb.confusion(1, 0), 1);
}

// A left-out MOA is neither query nor neighbour; a query without candidates counts as wrong.
TEST(PredictMoa, LeftOutMoasTakeNoPart) {
    Fixture fixture;
    const MoaEvaluation nsc =
        predict_moa(fixture.similarity, fixture.labels, NeighbourExclusion::nsc, {"Y"});
    EXPECT_EQ(nsc.evaluated, 3u);
    EXPECT_EQ(nsc.predictions[1].neighbour, 2u);  // a2 -> b, since c is left out
    const MoaEvaluation nscb =
        predict_moa(fixture.similarity, fixture.labels, NeighbourExclusion::nscb, {"Y"});
    EXPECT_EQ(nscb.predictions[0].neighbour, MoaPrediction::kNoNeighbour);  // a1: none allowed
    EXPECT_FALSE(nscb.predictions[0].correct);
}

}  // namespace
}  // namespace hcs
