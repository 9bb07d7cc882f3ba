// Feature selection as pycytominer.feature_select performs it: drop features with too many
// missing values, listed in a blocklist, of near-zero variance, or highly correlated with
// another kept feature.
#pragma once

#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"

namespace hcs::profile {

struct FeatureSelectionOptions {
    // Applied in this order; any of "missing", "blocklist", "variance", "correlation".
    std::vector<std::string> operations = {"missing", "blocklist", "variance", "correlation"};
    double missing_fraction = 0.05;      // drop when more than this fraction is NaN
    double frequency_cutoff = 0.05;      // 2nd most common / most common value count
    double unique_cutoff = 0.01;         // distinct values / rows
    double correlation_threshold = 0.9;  // |Pearson r| above which one of a pair goes
    // Features dropped by name; shell wildcards (fnmatch) are allowed: "*_Location_*".
    std::vector<std::string> blocklist;
};

// Names of the features to keep, in the table's order. UsageError for an unknown operation.
std::vector<std::string> select_features(const FeatureTable& table,
                                         const FeatureSelectionOptions& options, int threads = 0);

// The table with only `names` as features (in that order); InputError names a missing one.
FeatureTable keep_features(const FeatureTable& table, const std::vector<std::string>& names);

// The table without features matching any of `patterns` (shell wildcards), e.g. the object
// numbers, parent links and positions CellProfiler exports beside its measurements.
FeatureTable exclude_features(const FeatureTable& table, const std::vector<std::string>& patterns);

}  // namespace hcs::profile
