// Principal component analysis of a sample of cells: the components that explain a fraction of
// the variance (with a minimum count), used by the GMM profile and by whitening.
#pragma once

#include <Eigen/Dense>

namespace hcs::profile {

struct Pca {
    Eigen::RowVectorXd mean;     // per feature
    Eigen::MatrixXd components;  // features x k, orthonormal columns, by decreasing variance
    Eigen::VectorXd variances;   // k eigenvalues of the covariance (divisor n - 1)
    double total_variance = 0;

    // (rows - mean) * components: rows x k scores.
    Eigen::MatrixXd project(const Eigen::MatrixXd& rows) const;
};

// Fits on `sample` (rows = cells, no NaN). Keeps the fewest components whose variance reaches
// `variance_fraction` of the total, but at least `min_components` (both capped by the rank
// bound min(rows - 1, features)).
Pca fit_pca(const Eigen::MatrixXd& sample, double variance_fraction, int min_components);

}  // namespace hcs::profile
