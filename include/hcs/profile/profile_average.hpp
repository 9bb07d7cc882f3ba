// Averaging profiles of Ljosa et al. 2013: per group (well) the mean, the median, or the mean
// followed by the standard deviation of every per-cell feature.
#pragma once

#include "hcs/profile/groups.hpp"
#include "hcs/profile/profiles.hpp"

namespace hcs::profile {

// NaN values of a cell are skipped; an empty group (or one with only NaN) gives NaN.
Profiles profile_mean(const FeatureTable& cells, const RowGroups& groups, int threads = 0);
Profiles profile_median(const FeatureTable& cells, const RowGroups& groups, int threads = 0);

// Means under the input's names, then sample standard deviations (divisor n - 1, as pandas)
// under "<name>_StDev", so pycytominer still infers both as features of the same compartment.
Profiles profile_mean_std(const FeatureTable& cells, const RowGroups& groups, int threads = 0);

constexpr const char* kStandardDeviationSuffix = "_StDev";

}  // namespace hcs::profile
