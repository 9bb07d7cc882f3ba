// Tests of ML factor analysis on data drawn from a one-factor model with known loadings.
#include "hcs/profile/factor_analysis.hpp"

#include <cmath>
#include <random>

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

TEST(FactorAnalysis, RecoversOneFactorLoadings) {
    // x_j = l_j z + e_j with var(e_j) = 1 - l_j^2, so every x_j has variance 1.
    const double loadings[] = {0.9, 0.8, 0.7, 0.6, 0.5};
    std::mt19937_64 generator(11);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd sample(20000, 5);
    for (int row = 0; row < sample.rows(); ++row) {
        const double factor = normal(generator);
        for (int j = 0; j < 5; ++j) {
            sample(row, j) =
                loadings[j] * factor + std::sqrt(1 - loadings[j] * loadings[j]) * normal(generator);
        }
    }
    sample = sample.rowwise() - sample.colwise().mean();
    FactorOptions options;
    options.factors = 1;
    const FactorModel model = fit_factor_analysis(sample, options);
    const double sign = model.loadings(0, 0) > 0 ? 1 : -1;  // a factor's sign is arbitrary
    for (int j = 0; j < 5; ++j) {
        EXPECT_NEAR(sign * model.loadings(j, 0), loadings[j], 0.03) << j;
        EXPECT_NEAR(model.uniqueness(j), 1 - loadings[j] * loadings[j], 0.03) << j;
    }
    // The score of a cell lying along the loadings has the loadings' sign.
    Eigen::MatrixXd along(1, 5);
    along << 0.9, 0.8, 0.7, 0.6, 0.5;
    EXPECT_GT(sign * model.scores(along)(0, 0), 0.5);
}

}  // namespace
}  // namespace hcs::profile
