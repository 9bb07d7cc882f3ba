// A Gaussian mixture with diagonal covariances, fitted by expectation-maximisation; the cell
// population model of Slack et al. 2008's GMM profiles.
#pragma once

#include <cstdint>

#include <Eigen/Dense>

namespace hcs::profile {

struct GaussianMixture {
    Eigen::VectorXd weights;    // k mixing proportions
    Eigen::MatrixXd means;      // k x d
    Eigen::MatrixXd variances;  // k x d (diagonal covariances)

    // rows x k posterior membership probabilities of each component.
    Eigen::MatrixXd posteriors(const Eigen::MatrixXd& rows) const;
};

struct MixtureOptions {
    int components = 50;
    int max_iterations = 200;
    double tolerance = 1e-6;  // stop when the mean log-likelihood gains less than this
    std::uint64_t seed = 42;  // k-means++ style seeding of the means
};

// Fits on `sample` (rows = cells). A variance floor of 1e-6 times each dimension's variance keeps
// a component from collapsing onto one cell. components is capped at the number of rows.
GaussianMixture fit_gaussian_mixture(const Eigen::MatrixXd& sample, const MixtureOptions& options);

}  // namespace hcs::profile
