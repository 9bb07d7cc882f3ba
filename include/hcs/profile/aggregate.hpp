// Aggregation of rows into groups by metadata: cells -> wells, or wells -> treatments (the
// consensus profile of a compound at a concentration), by the mean or the median.
#pragma once

#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"
#include "hcs/profile/groups.hpp"

namespace hcs::profile {

enum class AggregateStatistic { mean, median };

// "mean" or "median"; UsageError otherwise.
AggregateStatistic parse_aggregate_statistic(const std::string& name);

struct AggregateOptions {
    std::vector<std::string> group_by = {"Metadata_Compound", "Metadata_Concentration"};
    AggregateStatistic statistic = AggregateStatistic::median;
    // Groups in key order, or in the order their keys first appear (the evaluation's treatments).
    bool order_by_first_row = false;
    GroupMetadataOptions metadata;
};

// One row per group, in key order (or order of first appearance): the group columns, every other
// Metadata_* column constant within each group (e.g. Metadata_MOA), Metadata_Object_Count (summed
// when the input has it, else the number of rows; see GroupMetadataOptions), then the mean or
// median of each feature with NaN skipped.
FeatureTable aggregate(const FeatureTable& table, const AggregateOptions& options, int threads = 0);

}  // namespace hcs::profile
