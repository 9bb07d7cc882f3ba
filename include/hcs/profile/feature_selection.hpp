// Feature selection as pycytominer.feature_select performs it: drop features with too many
// missing values, listed in a blocklist, of near-zero variance, or highly correlated with
// another kept feature.
#pragma once

#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"

namespace hcs::profile {

// How a blocklist entry matches a feature name.
enum class FeatureNameMatch {
    wildcard,     // shell wildcards (fnmatch): "*_Location_*"
    whole_token,  // the word equals one "_"-separated token: Location drops Nuclei_Location_X
    substring,    // the word appears anywhere: Number also drops Cells_AreaShape_EulerNumber
};

// "wildcard", "whole_token" or "substring"; UsageError otherwise.
FeatureNameMatch parse_feature_name_match(const std::string& text);

// True when `name` matches any of `words` under `match`.
bool feature_name_matches(const std::string& name, const std::vector<std::string>& words,
                          FeatureNameMatch match);

// Which feature of a highly correlated pair goes.
enum class CorrelationRule {
    // pycytominer's determine_high_cor_pair: of every pair with |r| > threshold, the one with
    // the larger total |r| to all others; NaN read as the feature's mean.
    most_correlated,
    // Visit features in column order and keep one only if |r| < threshold with every feature kept
    // before it; constant features go, and a threshold of 1 or more (or fewer than two rows)
    // keeps every feature. NaN must have been removed before.
    greedy_in_column_order,
};

struct FeatureSelectionOptions {
    // Applied in this order; any of "missing", "blocklist", "variance", "correlation".
    std::vector<std::string> operations = {"missing", "blocklist", "variance", "correlation"};
    double missing_fraction = 0.05;      // drop when more than this fraction is NaN
    double frequency_cutoff = 0.05;      // 2nd most common / most common value count
    double unique_cutoff = 0.01;         // distinct values / rows
    double correlation_threshold = 0.9;  // |Pearson r| above which one of a pair goes
    CorrelationRule correlation_rule = CorrelationRule::most_correlated;
    // Features dropped by name; shell wildcards (fnmatch) are allowed: "*_Location_*".
    std::vector<std::string> blocklist;
    FeatureNameMatch blocklist_match = FeatureNameMatch::wildcard;
};

// Names of the features to keep, in the table's order. UsageError for an unknown operation.
std::vector<std::string> select_features(const FeatureTable& table,
                                         const FeatureSelectionOptions& options, int threads = 0);

// The table with only `names` as features (in that order); InputError names a missing one.
FeatureTable keep_features(const FeatureTable& table, const std::vector<std::string>& names);

// The table without features matching any of `patterns` (shell wildcards by default), e.g. the
// object numbers, parent links and positions CellProfiler exports beside its measurements.
FeatureTable exclude_features(const FeatureTable& table, const std::vector<std::string>& patterns,
                              FeatureNameMatch match = FeatureNameMatch::wildcard);

}  // namespace hcs::profile
