// Tests of the label-free replicate reproducibility figure by hand arithmetic.
#include "hcs/evaluate/replicate_reproducibility.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace hcs {
namespace {

// Wells: t1 (1,0), t1 (1,0), t2 (0,1), t2 (1,1). Cosines: t1 pair 1; t2 pair 1/sqrt2;
// non-replicate pairs: (1,0)-(0,1) 0 twice, (1,0)-(1,1) 1/sqrt2 twice: mean 1/(2 sqrt2).
TEST(ReplicateReproducibility, ReplicateMeanMinusNonReplicateMean) {
    FeatureTable wells;
    wells.metadata_names = {"Metadata_Compound"};
    wells.metadata = {{"t1"}, {"t1"}, {"t2"}, {"t2"}};
    wells.feature_names = {"a", "b"};
    wells.features.resize(4, 2);
    wells.features << 1, 0, 1, 0, 0, 1, 1, 1;
    const ReplicateReproducibility result =
        replicate_reproducibility(wells, {"Metadata_Compound"}, SimilarityMeasure::cosine);
    const double inverse_root_two = 1 / std::sqrt(2.0);
    EXPECT_EQ(result.treatments, 2u);
    EXPECT_NEAR(result.replicate_similarity, (1 + inverse_root_two) / 2, 1e-12);
    EXPECT_NEAR(result.non_replicate_similarity, inverse_root_two / 2, 1e-12);
    EXPECT_NEAR(result.separation, 0.5, 1e-12);
}

}  // namespace
}  // namespace hcs
