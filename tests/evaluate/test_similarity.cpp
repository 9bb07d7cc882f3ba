// Tests of cosine and Pearson similarity matrices against hand arithmetic (the c10 case
// vectors) and of NaN for profiles without a direction.
#include "hcs/evaluate/similarity.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace hcs {
namespace {

// Hand (c10 README): (4,1,0,0).(3,0,1,0) = 12, lengths sqrt 17 and sqrt 10.
TEST(SimilarityMatrix, CosineMatchesHandArithmetic) {
    FeatureMatrix profiles(2, 4);
    profiles << 4, 1, 0, 0, 3, 0, 1, 0;
    const Eigen::MatrixXd similarity = similarity_matrix(profiles, SimilarityMeasure::cosine);
    EXPECT_NEAR(similarity(0, 1), 12 / std::sqrt(170.0), 1e-12);
    EXPECT_NEAR(similarity(0, 0), 1.0, 1e-12);
}

// Hand: (1,2,3) and (3,2,1) are perfectly anti-correlated; (1,2,3) and (2,4,7): centred
// (-1,0,1) and (-7/3,-1/3,8/3): r = (7/3 + 8/3) / (sqrt 2 * sqrt(114/9)) = 0.99340.
TEST(SimilarityMatrix, PearsonCentresEachProfile) {
    FeatureMatrix profiles(3, 3);
    profiles << 1, 2, 3, 3, 2, 1, 2, 4, 7;
    const Eigen::MatrixXd similarity = similarity_matrix(profiles, SimilarityMeasure::pearson);
    EXPECT_NEAR(similarity(0, 1), -1.0, 1e-12);
    EXPECT_NEAR(similarity(0, 2), 5.0 / (std::sqrt(2.0) * std::sqrt(114.0 / 9)), 1e-12);
}

TEST(SimilarityMatrix, ZeroProfileHasNanSimilarity) {
    FeatureMatrix profiles(2, 2);
    profiles << 0, 0, 1, 2;
    const Eigen::MatrixXd similarity = similarity_matrix(profiles, SimilarityMeasure::cosine);
    EXPECT_TRUE(std::isnan(similarity(0, 1)));
    EXPECT_NEAR(similarity(1, 1), 1.0, 1e-12);
}

}  // namespace
}  // namespace hcs
