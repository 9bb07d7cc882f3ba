// Averages profiles over groups of rows (replicate wells to a treatment, cells to a well) by
// mean or median, keeping the metadata that is constant within each group; profile::aggregate
// computes them, as pycytominer.aggregate does with strata.
#include "hcs/evaluate/treatment_profiles.hpp"

namespace hcs {

// Counts the rows averaged, not the cells behind them: a treatment of three wells has count 3.
constexpr const char* kGroupCountColumn = "Metadata_Group_Count";

FeatureTable average_profiles(const FeatureTable& table,
                              const std::vector<std::string>& group_columns,
                              AverageStatistic statistic) {
    profile::AggregateOptions options;
    options.group_by = group_columns;
    options.statistic = statistic;
    options.order_by_first_row = true;
    options.metadata.metadata_prefix_only = false;
    options.metadata.count_column = kGroupCountColumn;
    options.metadata.sum_input_count = false;
    return profile::aggregate(table, options);
}

}  // namespace hcs
