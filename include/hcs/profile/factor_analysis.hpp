// Maximum-likelihood factor analysis x = L z + e, e ~ N(0, diag(psi)), fitted by EM; the model
// of Young et al. 2008's factor profiles.
#pragma once

#include <Eigen/Dense>

namespace hcs::profile {

struct FactorModel {
    Eigen::MatrixXd loadings;    // features x factors (L)
    Eigen::VectorXd uniqueness;  // features (psi)

    // rows x factors: E[z | x] = (I + L' Psi^-1 L)^-1 L' Psi^-1 x for centred, standardised x.
    Eigen::MatrixXd scores(const Eigen::MatrixXd& rows) const;
};

struct FactorOptions {
    int factors = 50;
    int max_iterations = 500;
    double tolerance = 1e-6;  // stop when the largest uniqueness changes less than this
};

// Fits on `standardised` rows (each column mean 0, variance 1). The factor count is capped at
// features - 1. Uniquenesses are kept at or above 1e-4 (a Heywood case would divide by zero).
FactorModel fit_factor_analysis(const Eigen::MatrixXd& standardised, const FactorOptions& options);

}  // namespace hcs::profile
