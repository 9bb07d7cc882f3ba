// Kolmogorov-Smirnov profiles (Perlman et al. 2004, Science 306:1194; Ljosa et al. 2013): per
// group and feature, the signed two-sample KS statistic of the group's cells against the control
// cells of the group's plate.
#pragma once

#include <vector>

#include "hcs/profile/groups.hpp"
#include "hcs/profile/profiles.hpp"

namespace hcs::profile {

// Signed KS statistic of two samples. With right-continuous empirical CDFs F over the pooled
// points, D+ = max(F_reference - F_treated), D- = max(F_treated - F_reference); the result is D+
// when D+ > D- and -D- otherwise, so it is positive when the treated values are larger. NaN
// values are skipped; NaN when either sample is then empty. Both inputs must be sorted.
double signed_ks_sorted(const double* treated, std::size_t treated_count, const double* reference,
                        std::size_t reference_count);

// Convenience form for unsorted samples (copies and sorts them).
double signed_ks(std::vector<double> treated, std::vector<double> reference);

// One row per group: the signed KS of each feature against the group's reference set.
Profiles profile_ks(const FeatureTable& cells, const RowGroups& groups,
                    const ReferenceSets& reference, int threads = 0);

}  // namespace hcs::profile
