// PCA by the eigen-decomposition of the sample covariance (features x features), which is small
// next to the number of cells in a profiling sample.
#include "hcs/profile/pca.hpp"

#include <algorithm>

namespace hcs::profile {

Eigen::MatrixXd Pca::project(const Eigen::MatrixXd& rows) const {
    return (rows.rowwise() - mean) * components;
}

Pca fit_pca(const Eigen::MatrixXd& sample, double variance_fraction, int min_components) {
    Pca pca;
    pca.mean = sample.colwise().mean();
    const Eigen::MatrixXd centred = sample.rowwise() - pca.mean;
    const double divisor = std::max<Eigen::Index>(sample.rows() - 1, 1);
    const Eigen::MatrixXd covariance = centred.transpose() * centred / divisor;

    // Eigen returns eigenvalues in increasing order; the principal components are at the end.
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
    const Eigen::VectorXd values = solver.eigenvalues().reverse().cwiseMax(0.0);
    const Eigen::MatrixXd vectors = solver.eigenvectors().rowwise().reverse();
    pca.total_variance = values.sum();

    const Eigen::Index bound =
        std::max<Eigen::Index>(1, std::min<Eigen::Index>(sample.rows() - 1, sample.cols()));
    Eigen::Index keep = 0;
    double explained = 0;
    while (keep < bound &&
           (keep < min_components || explained < variance_fraction * pca.total_variance)) {
        explained += values(keep);
        ++keep;
    }
    pca.components = vectors.leftCols(keep);
    pca.variances = values.head(keep);
    return pca;
}

}  // namespace hcs::profile
