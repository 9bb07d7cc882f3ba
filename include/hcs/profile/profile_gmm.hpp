// Gaussian-mixture profiles (Slack et al. 2008, PNAS 105:19306; Ljosa et al. 2013): PCA of a
// reference sample of cells, a diagonal GMM fitted in that space, and per group the mean
// posterior membership of its cells in each component.
#pragma once

#include <cstdint>
#include <string>

#include "hcs/profile/groups.hpp"
#include "hcs/profile/profiles.hpp"

namespace hcs::profile {

struct GmmOptions {
    int components = 50;                  // Ljosa et al. 2013
    double variance_explained = 0.8;      // PCA keeps components for 80% of the variance ...
    int min_pca_components = 20;          // ... but at least 20
    std::size_t reference_cells = 20000;  // size of the reference sample
    std::string reference = "all";        // sample from "all" cells or from "controls"
    int max_iterations = 200;
    std::uint64_t seed = 42;
};

// Profile columns "GMM_Component_01" ... (pycytominer: pass features= or compartments=["GMM"]).
Profiles profile_gmm(const FeatureTable& cells, const RowGroups& groups,
                     const std::vector<char>& is_control, const GmmOptions& options,
                     int threads = 0);

}  // namespace hcs::profile
