// Young et al. 2008's factor profiles: standardise on a control sample, fit ML factor analysis
// there, score every cell, average the scores per group.
#include "hcs/profile/profile_factor.hpp"

#include <cstdio>
#include <limits>

#include <spdlog/spdlog.h>

#include "hcs/core/errors.hpp"
#include "hcs/core/parallel.hpp"
#include "hcs/profile/cell_sampling.hpp"
#include "hcs/profile/factor_analysis.hpp"

namespace hcs::profile {
namespace {

std::string factor_name(int j) {
    char name[32];
    std::snprintf(name, sizeof(name), "Factor_%02d", j + 1);
    return name;
}

// Rows standardised with the sample's mean and sd, restricted to the features that vary.
struct Standardiser {
    std::vector<Eigen::Index> used;
    Eigen::RowVectorXd mean, deviation;

    Eigen::MatrixXd apply(const Eigen::MatrixXd& rows) const {
        Eigen::MatrixXd result(rows.rows(), used.size());
        for (std::size_t k = 0; k < used.size(); ++k) result.col(k) = rows.col(used[k]);
        return (result.rowwise() - mean).array().rowwise() / deviation.array();
    }
};

Standardiser fit_standardiser(const Eigen::MatrixXd& sample) {
    Standardiser standardiser;
    const Eigen::RowVectorXd mean = sample.colwise().mean();
    const Eigen::RowVectorXd deviation =
        ((sample.rowwise() - mean).array().square().colwise().sum() /
         std::max<double>(1.0, sample.rows() - 1.0))
            .sqrt();
    for (Eigen::Index f = 0; f < sample.cols(); ++f) {
        if (deviation(f) > 0) standardiser.used.push_back(f);
    }
    standardiser.mean.resize(standardiser.used.size());
    standardiser.deviation.resize(standardiser.used.size());
    for (std::size_t k = 0; k < standardiser.used.size(); ++k) {
        standardiser.mean(k) = mean(standardiser.used[k]);
        standardiser.deviation(k) = deviation(standardiser.used[k]);
    }
    return standardiser;
}

}  // namespace

Profiles profile_factor(const FeatureTable& cells, const RowGroups& groups,
                        const std::vector<char>& is_control, const FactorProfileOptions& options,
                        int threads) {
    std::vector<std::size_t> controls;
    for (std::size_t row = 0; row < cells.rows(); ++row) {
        if (is_control[row]) controls.push_back(row);
    }
    if (controls.size() < 3) throw InputError("factor profile: fewer than three control cells");
    auto generator = seeded_generator(options.seed, 0);
    const Eigen::MatrixXd sample =
        gather_rows(cells.features, sample_rows(controls, options.control_cells, generator));
    const Standardiser standardiser = fit_standardiser(sample);
    if (standardiser.used.size() < 2)
        throw InputError("factor profile: fewer than two features vary");

    FactorOptions factor_options;
    factor_options.factors = options.factors;
    factor_options.max_iterations = options.max_iterations;
    const FactorModel model = fit_factor_analysis(standardiser.apply(sample), factor_options);
    const Eigen::Index k = model.loadings.cols();
    spdlog::info("factor profile: {} control cells, {} features, {} factors", sample.rows(),
                 standardiser.used.size(), k);

    Profiles profiles;
    for (int j = 0; j < k; ++j) profiles.feature_names.push_back(factor_name(j));
    profiles.values.setConstant(groups.size(), k, std::numeric_limits<double>::quiet_NaN());
    parallel_for(groups.size(), threads, [&](std::size_t g) {
        if (groups.members[g].empty()) return;
        const Eigen::MatrixXd rows = gather_rows(cells.features, groups.members[g]);
        profiles.values.row(g) = model.scores(standardiser.apply(rows)).colwise().mean();
    });
    return profiles;
}

}  // namespace hcs::profile
