// Aggregation of rows into groups by metadata: cells -> wells, or wells -> treatments (the
// consensus profile of a compound at a concentration), by the mean or the median.
#pragma once

#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"

namespace hcs::profile {

enum class AggregateStatistic { mean, median };

// "mean" or "median"; UsageError otherwise.
AggregateStatistic parse_aggregate_statistic(const std::string& name);

struct AggregateOptions {
    std::vector<std::string> group_by = {"Metadata_Compound", "Metadata_Concentration"};
    AggregateStatistic statistic = AggregateStatistic::median;
};

// One row per group, in key order: the group columns, every other Metadata_* column constant
// within each group (e.g. Metadata_MOA), Metadata_Object_Count (summed when the input has it,
// else the number of rows), then the mean or median of each feature with NaN skipped.
FeatureTable aggregate(const FeatureTable& table, const AggregateOptions& options, int threads = 0);

}  // namespace hcs::profile
