// EM for maximum-likelihood factor analysis (Rubin & Thayer 1982), started from principal
// components; the p x p inverse is taken through the k x k Woodbury form.
#include "hcs/profile/factor_analysis.hpp"

#include <algorithm>

namespace hcs::profile {
namespace {

constexpr double kMinimumUniqueness = 1e-4;

// beta = L' (L L' + Psi)^-1 = (I + L' Psi^-1 L)^-1 L' Psi^-1, a factors x features matrix.
Eigen::MatrixXd posterior_map(const Eigen::MatrixXd& loadings, const Eigen::VectorXd& uniqueness) {
    const Eigen::MatrixXd scaled = uniqueness.cwiseInverse().asDiagonal() * loadings;  // Psi^-1 L
    Eigen::MatrixXd inner = loadings.transpose() * scaled;
    inner.diagonal().array() += 1.0;
    return inner.ldlt().solve(scaled.transpose());
}

}  // namespace

Eigen::MatrixXd FactorModel::scores(const Eigen::MatrixXd& rows) const {
    return rows * posterior_map(loadings, uniqueness).transpose();
}

FactorModel fit_factor_analysis(const Eigen::MatrixXd& standardised, const FactorOptions& options) {
    const Eigen::Index features = standardised.cols();
    const Eigen::Index k =
        std::max<Eigen::Index>(1, std::min<Eigen::Index>(options.factors, features - 1));
    const double rows = std::max<Eigen::Index>(standardised.rows() - 1, 1);
    const Eigen::MatrixXd covariance = standardised.transpose() * standardised / rows;

    // Start from the leading principal components: L = V sqrt(lambda), psi = diag(S - L L').
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
    FactorModel model;
    model.loadings = solver.eigenvectors().rightCols(k) *
                     solver.eigenvalues().tail(k).cwiseMax(0.0).cwiseSqrt().asDiagonal();
    model.uniqueness = (covariance.diagonal() - model.loadings.rowwise().squaredNorm())
                           .cwiseMax(kMinimumUniqueness);

    for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
        // E step: beta and E[z z'] summed over the sample, through S.
        const Eigen::MatrixXd beta = posterior_map(model.loadings, model.uniqueness);
        const Eigen::MatrixXd covariance_beta = covariance * beta.transpose();  // S beta'
        Eigen::MatrixXd second_moment = beta * covariance_beta - beta * model.loadings;
        second_moment.diagonal().array() += 1.0;

        // M step: L = S beta' E[zz']^-1, psi = diag(S - L beta S).
        const Eigen::MatrixXd loadings =
            second_moment.ldlt().solve(covariance_beta.transpose()).transpose();
        const Eigen::VectorXd uniqueness =
            (covariance.diagonal() -
             (loadings.array() * covariance_beta.array()).rowwise().sum().matrix())
                .cwiseMax(kMinimumUniqueness);
        const double change = (uniqueness - model.uniqueness).cwiseAbs().maxCoeff();
        model.loadings = loadings;
        model.uniqueness = uniqueness;
        if (change < options.tolerance) break;
    }
    return model;
}

}  // namespace hcs::profile
