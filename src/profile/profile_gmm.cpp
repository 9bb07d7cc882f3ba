// Slack et al. 2008's population profiles: reference sample -> PCA -> diagonal GMM -> each
// group's mean posterior over the components.
#include "hcs/profile/profile_gmm.hpp"

#include <cstdio>
#include <limits>
#include <numeric>

#include <spdlog/spdlog.h>

#include "hcs/core/errors.hpp"
#include "hcs/core/parallel.hpp"
#include "hcs/profile/cell_sampling.hpp"
#include "hcs/profile/gaussian_mixture.hpp"
#include "hcs/profile/pca.hpp"

namespace hcs::profile {
namespace {

std::vector<std::size_t> reference_pool(std::size_t rows, const std::vector<char>& is_control,
                                        const std::string& reference) {
    std::vector<std::size_t> pool;
    if (reference != "all" && reference != "controls") {
        throw UsageError("gmm reference '" + reference + "' (expected all or controls)");
    }
    for (std::size_t row = 0; row < rows; ++row) {
        if (reference == "all" || is_control[row]) pool.push_back(row);
    }
    return pool;
}

std::string component_name(int j) {
    char name[32];
    std::snprintf(name, sizeof(name), "GMM_Component_%02d", j + 1);
    return name;
}

}  // namespace

Profiles profile_gmm(const FeatureTable& cells, const RowGroups& groups,
                     const std::vector<char>& is_control, const GmmOptions& options, int threads) {
    auto generator = seeded_generator(options.seed, 0);
    const auto pool = reference_pool(cells.rows(), is_control, options.reference);
    if (pool.size() < 2) throw InputError("gmm profile: fewer than two reference cells");
    const Eigen::MatrixXd sample =
        gather_rows(cells.features, sample_rows(pool, options.reference_cells, generator));

    const Pca pca = fit_pca(sample, options.variance_explained, options.min_pca_components);
    MixtureOptions mixture_options;
    mixture_options.components = options.components;
    mixture_options.max_iterations = options.max_iterations;
    mixture_options.seed = options.seed;
    const GaussianMixture mixture = fit_gaussian_mixture(pca.project(sample), mixture_options);
    spdlog::info("gmm profile: {} reference cells, {} principal components, {} components",
                 sample.rows(), pca.components.cols(), mixture.weights.size());

    const Eigen::Index k = mixture.weights.size();
    Profiles profiles;
    for (int j = 0; j < k; ++j) profiles.feature_names.push_back(component_name(j));
    profiles.values.setConstant(groups.size(), k, std::numeric_limits<double>::quiet_NaN());
    parallel_for(groups.size(), threads, [&](std::size_t g) {
        if (groups.members[g].empty()) return;
        const Eigen::MatrixXd scores = pca.project(gather_rows(cells.features, groups.members[g]));
        profiles.values.row(g) = mixture.posteriors(scores).colwise().mean();
    });
    return profiles;
}

}  // namespace hcs::profile
