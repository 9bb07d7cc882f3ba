// Tests of PCA component selection; variances by construction.
#include "hcs/profile/pca.hpp"

#include <random>

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

Eigen::MatrixXd axis_aligned_sample() {
    // Standard deviations 3, 2, 1 along the axes: variances 9, 4, 1 (total 14).
    std::mt19937_64 generator(5);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd sample(50000, 3);
    for (int row = 0; row < sample.rows(); ++row) {
        sample.row(row) << 3 * normal(generator), 2 * normal(generator), normal(generator);
    }
    return sample;
}

TEST(Pca, KeepsComponentsForTheVarianceFraction) {
    const Eigen::MatrixXd sample = axis_aligned_sample();
    // 9/14 = 0.64 < 0.8 <= 13/14 = 0.93: two components.
    const Pca pca = fit_pca(sample, 0.8, 1);
    ASSERT_EQ(pca.components.cols(), 2);
    EXPECT_NEAR(pca.variances(0), 9.0, 0.2);
    EXPECT_NEAR(std::abs(pca.components(0, 0)), 1.0, 1e-2);
    EXPECT_NEAR(pca.total_variance, 14.0, 0.3);
}

TEST(Pca, MinimumComponentCountWinsButIsCappedByFeatures) {
    const Pca pca = fit_pca(axis_aligned_sample(), 0.1, 20);
    EXPECT_EQ(pca.components.cols(), 3);
}

}  // namespace
}  // namespace hcs::profile
