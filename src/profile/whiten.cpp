// Regularised PCA and ZCA whitening (Kessy, Lewin & Strimmer 2018) fitted on the control rows;
// ZCA with a regulariser relative to the mean eigenvalue is the evaluation's typical variation
// normalisation (Ando, McLean & Berndl 2017).
#include "hcs/profile/whiten.hpp"

#include <cmath>
#include <cstdio>

#include "hcs/core/errors.hpp"
#include "hcs/profile/cell_sampling.hpp"

namespace hcs::profile {

Whitening parse_whitening(const std::string& name) {
    if (name == "none") return Whitening::none;
    if (name == "pca") return Whitening::pca;
    if (name == "zca") return Whitening::zca;
    throw UsageError("unknown whitening '" + name + "' (expected none, pca or zca)");
}

void whiten(FeatureTable& table, const WhitenOptions& options) {
    if (options.method == Whitening::none) return;
    const std::vector<char> is_control = control_rows(table, options.controls);
    std::vector<std::size_t> controls;
    for (std::size_t row = 0; row < table.rows(); ++row) {
        if (is_control[row]) controls.push_back(row);
    }
    whiten_on_rows(table, controls, options);
}

void whiten_on_rows(FeatureTable& table, const std::vector<std::size_t>& control_rows,
                    const WhitenOptions& options) {
    if (options.method == Whitening::none) return;
    if (control_rows.size() < 2) {
        throw InputError("whitening needs at least two control rows, found " +
                         std::to_string(control_rows.size()));
    }

    const Eigen::MatrixXd reference = gather_rows(table.features, control_rows);
    const Eigen::RowVectorXd mean = reference.colwise().mean();
    const Eigen::MatrixXd centred = reference.rowwise() - mean;
    const Eigen::MatrixXd covariance = centred.transpose() * centred / (reference.rows() - 1.0);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
    const Eigen::VectorXd eigenvalues = solver.eigenvalues().cwiseMax(0.0);
    const double regularisation = options.regularisation_relative_to_mean
                                      ? options.regularisation * eigenvalues.mean()
                                      : options.regularisation;
    const Eigen::VectorXd inverse_root = (eigenvalues.array() + regularisation).rsqrt();

    // Rows are whitened as row vectors: x' = (x - mean) W', NaN read as 0 as in gather_rows.
    const FeatureMatrix rows =
        table.features.unaryExpr([](double value) { return std::isnan(value) ? 0.0 : value; });
    const Eigen::MatrixXd& vectors = solver.eigenvectors();
    if (options.method == Whitening::zca) {
        // U D^-1/2 U': rotated back, so every feature keeps its name and meaning.
        table.features =
            (rows.rowwise() - mean) * vectors * inverse_root.asDiagonal() * vectors.transpose();
        return;
    }
    // U D^-1/2 with the largest variance first.
    const Eigen::MatrixXd transform = (vectors * inverse_root.asDiagonal()).rowwise().reverse();
    table.features = (rows.rowwise() - mean) * transform;
    for (std::size_t k = 0; k < table.feature_names.size(); ++k) {
        char name[32];
        std::snprintf(name, sizeof(name), "PC_%03zu", k + 1);
        table.feature_names[k] = name;
    }
}

}  // namespace hcs::profile
