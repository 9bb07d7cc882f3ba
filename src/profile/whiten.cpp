// Regularised PCA and ZCA whitening (Kessy, Lewin & Strimmer 2018) fitted on the control rows.
#include "hcs/profile/whiten.hpp"

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
    std::vector<std::size_t> controls, all(table.rows());
    for (std::size_t row = 0; row < table.rows(); ++row) {
        all[row] = row;
        if (is_control[row]) controls.push_back(row);
    }
    if (controls.size() < 2) throw InputError("whitening needs at least two control rows");

    const Eigen::MatrixXd reference = gather_rows(table.features, controls);
    const Eigen::RowVectorXd mean = reference.colwise().mean();
    const Eigen::MatrixXd centred = reference.rowwise() - mean;
    const Eigen::MatrixXd covariance = centred.transpose() * centred / (reference.rows() - 1.0);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
    const Eigen::VectorXd inverse_root =
        (solver.eigenvalues().cwiseMax(0.0).array() + options.regularisation).rsqrt();

    // Rows are whitened as row vectors: x' = (x - mean) W'.
    Eigen::MatrixXd transform = solver.eigenvectors() * inverse_root.asDiagonal();  // U D^-1/2
    if (options.method == Whitening::zca) {
        transform = transform * solver.eigenvectors().transpose();
    } else {
        transform = transform.rowwise().reverse().eval();  // largest variance first
        for (std::size_t k = 0; k < table.feature_names.size(); ++k) {
            char name[32];
            std::snprintf(name, sizeof(name), "PC_%03zu", k + 1);
            table.feature_names[k] = name;
        }
    }
    table.features = (gather_rows(table.features, all).rowwise() - mean) * transform;
}

}  // namespace hcs::profile
