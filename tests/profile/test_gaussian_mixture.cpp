// Tests of the diagonal GMM fit on two clusters whose parameters are set by construction.
#include "hcs/profile/gaussian_mixture.hpp"

#include <random>

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

TEST(GaussianMixture, RecoversTwoSeparatedClusters) {
    // 1000 points at (-5, 0) and 3000 at (+5, 2), unit variances: weights 0.25 and 0.75.
    std::mt19937_64 generator(3);
    std::normal_distribution<double> noise;
    Eigen::MatrixXd sample(4000, 2);
    for (int row = 0; row < 4000; ++row) {
        const bool left = row < 1000;
        sample.row(row) << (left ? -5 : 5) + noise(generator), (left ? 0 : 2) + noise(generator);
    }
    MixtureOptions options;
    options.components = 2;
    const GaussianMixture mixture = fit_gaussian_mixture(sample, options);
    const int left = mixture.means(0, 0) < 0 ? 0 : 1;
    EXPECT_NEAR(mixture.weights(left), 0.25, 0.01);
    EXPECT_NEAR(mixture.means(left, 0), -5.0, 0.1);
    EXPECT_NEAR(mixture.means(1 - left, 1), 2.0, 0.1);
    EXPECT_NEAR(mixture.variances(1 - left, 0), 1.0, 0.1);

    const Eigen::MatrixXd posterior = mixture.posteriors(sample.topRows(1));
    EXPECT_NEAR(posterior(0, left), 1.0, 1e-6);  // 10 sd from the other cluster
}

}  // namespace
}  // namespace hcs::profile
