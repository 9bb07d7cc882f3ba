// Factor-analysis profiles (Young et al. 2008, Nat Chem Biol 4:59; Ljosa et al. 2013): factors
// fitted on a standardised sample of control cells; a group's profile is its cells' mean score.
#pragma once

#include <cstdint>

#include "hcs/profile/groups.hpp"
#include "hcs/profile/profiles.hpp"

namespace hcs::profile {

struct FactorProfileOptions {
    int factors = 50;
    std::size_t control_cells = 20000;  // size of the control sample
    int max_iterations = 500;
    std::uint64_t seed = 42;
};

// Profile columns "Factor_01" ... Features constant in the control sample are left out of the
// model (they cannot be standardised).
Profiles profile_factor(const FeatureTable& cells, const RowGroups& groups,
                        const std::vector<char>& is_control, const FactorProfileOptions& options,
                        int threads = 0);

}  // namespace hcs::profile
