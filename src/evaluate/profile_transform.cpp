// Correlation-threshold feature selection (as pycytominer's feature_select "correlation_threshold"
// intends, greedily in column order) and whitening by control-well covariance, typical
// variation normalisation (Ando, McLean & Berndl 2017).
#include "hcs/evaluate/profile_transform.hpp"

#include <cmath>

#include <Eigen/Eigenvalues>

#include "hcs/core/errors.hpp"
#include "hcs/evaluate/feature_filter.hpp"

namespace hcs {

FeatureTable drop_correlated_features(const FeatureTable& table, double threshold) {
    if (threshold >= 1.0 || table.rows() < 2) return table;
    Eigen::MatrixXd centred = table.features.rowwise() - table.features.colwise().mean();
    Eigen::VectorXd lengths = centred.colwise().norm();
    std::vector<std::size_t> kept;
    for (Eigen::Index j = 0; j < centred.cols(); ++j) {
        if (!(lengths[j] > 0)) continue;  // a constant feature carries no information
        bool redundant = false;
        for (std::size_t k : kept) {
            const auto other = static_cast<Eigen::Index>(k);
            const double r = centred.col(j).dot(centred.col(other)) / (lengths[j] * lengths[other]);
            if (std::abs(r) >= threshold) {
                redundant = true;
                break;
            }
        }
        if (!redundant) kept.push_back(static_cast<std::size_t>(j));
    }
    return keep_feature_columns(table, kept);
}

FeatureTable whiten_by_controls(const FeatureTable& table,
                                const std::vector<std::size_t>& control_rows,
                                double regularisation) {
    if (control_rows.size() < 2) {
        throw InputError("whitening needs at least two control wells, found " +
                         std::to_string(control_rows.size()));
    }
    Eigen::MatrixXd controls(static_cast<Eigen::Index>(control_rows.size()), table.features.cols());
    for (std::size_t i = 0; i < control_rows.size(); ++i) {
        controls.row(static_cast<Eigen::Index>(i)) =
            table.features.row(static_cast<Eigen::Index>(control_rows[i]));
    }
    const Eigen::RowVectorXd mean = controls.colwise().mean();
    const Eigen::MatrixXd centred = controls.rowwise() - mean;
    const Eigen::MatrixXd covariance =
        centred.transpose() * centred / static_cast<double>(controls.rows() - 1);

    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
    const Eigen::VectorXd eigenvalues = solver.eigenvalues().cwiseMax(0.0);
    const double floor = regularisation * eigenvalues.mean();
    const Eigen::VectorXd scale = (eigenvalues.array() + floor).rsqrt();

    // ZCA form V S V^T: rotated back, so every feature keeps its name and meaning, and
    // separately whitened batches stay comparable.
    const Eigen::MatrixXd& vectors = solver.eigenvectors();
    FeatureTable whitened = table;
    whitened.features =
        (table.features.rowwise() - mean) * vectors * scale.asDiagonal() * vectors.transpose();
    return whitened;
}

}  // namespace hcs
