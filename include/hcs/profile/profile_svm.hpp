// SVM normal-vector profiles (Loo et al. 2007, Nat Methods 4:445; Ljosa et al. 2013): a linear SVM
// separates a group's cells from an equal-sized sample of control cells, and the profile is the
// unit normal vector of the separating hyperplane, pointing towards the group.
#pragma once

#include <cstdint>

#include "hcs/profile/groups.hpp"
#include "hcs/profile/profiles.hpp"

namespace hcs::profile {

struct SvmOptions {
    double cost = 1.0;        // liblinear's C (Ljosa et al. 2013 use C = 1)
    std::uint64_t seed = 42;  // for the control sample
};

// One row per group; NaN for an empty group. The control sample excludes the group's own cells;
// when the plate has fewer other controls than the group has cells, the group is subsampled to
// the same size. NaN features are read as 0 (see gather_rows).
Profiles profile_svm(const FeatureTable& cells, const RowGroups& groups,
                     const ReferenceSets& reference, const SvmOptions& options, int threads = 0);

}  // namespace hcs::profile
