// Averaging profiles over groups of rows: cells to wells, replicate wells to treatments
// (compound, concentration), as the profiling step does before a similarity search.
#pragma once

#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"
#include "hcs/profile/aggregate.hpp"

namespace hcs {

using AverageStatistic = profile::AggregateStatistic;

// One row per distinct combination of the `group_columns` values, in order of first
// appearance. Metadata: the group columns, then every other metadata column whose value is the
// same in all rows of every group (MOA, batch), then Metadata_Group_Count (rows averaged).
// NaN values are skipped; a feature with no value in a group is NaN. profile::aggregate does the
// work; this fixes the evaluation's row order and count column.
FeatureTable average_profiles(const FeatureTable& table,
                              const std::vector<std::string>& group_columns,
                              AverageStatistic statistic = AverageStatistic::mean);

// The rows of the table for which keep(row) is true.
template <typename Predicate>
FeatureTable select_rows(const FeatureTable& table, Predicate keep) {
    FeatureTable selected;
    selected.metadata_names = table.metadata_names;
    selected.feature_names = table.feature_names;
    std::vector<Eigen::Index> rows;
    for (std::size_t row = 0; row < table.rows(); ++row) {
        if (keep(row)) rows.push_back(static_cast<Eigen::Index>(row));
    }
    selected.features.resize(static_cast<Eigen::Index>(rows.size()), table.features.cols());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        selected.metadata.push_back(table.metadata[static_cast<std::size_t>(rows[i])]);
        selected.features.row(static_cast<Eigen::Index>(i)) = table.features.row(rows[i]);
    }
    return selected;
}

}  // namespace hcs
