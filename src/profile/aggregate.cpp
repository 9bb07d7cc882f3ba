// Wells -> treatments (or cells -> wells) by mean or median, as pycytominer.aggregate does with
// strata; metadata that is constant within each group is kept so labels such as the MOA survive.
#include "hcs/profile/aggregate.hpp"

#include "hcs/core/errors.hpp"
#include "hcs/profile/groups.hpp"
#include "hcs/profile/profile_average.hpp"

namespace hcs::profile {

AggregateStatistic parse_aggregate_statistic(const std::string& name) {
    if (name == "mean") return AggregateStatistic::mean;
    if (name == "median") return AggregateStatistic::median;
    throw UsageError("unknown aggregation '" + name + "' (expected mean or median)");
}

FeatureTable aggregate(const FeatureTable& table, const AggregateOptions& options, int threads) {
    RowGroups groups = group_rows(table, options.group_by);
    if (options.order_by_first_row) order_by_first_row(groups);
    Profiles profiles = options.statistic == AggregateStatistic::mean
                            ? profile_mean(table, groups, threads)
                            : profile_median(table, groups, threads);
    return attach_profiles(group_metadata(table, groups, options.metadata), std::move(profiles));
}

}  // namespace hcs::profile
