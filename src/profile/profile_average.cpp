// Mean, median and mean+std profiles (Ljosa et al. 2013, J Biomol Screen 18:1321, "means",
// "medians", "means and standard deviations"), one pass over each feature column.
#include "hcs/profile/profile_average.hpp"

#include <functional>
#include <limits>

#include "hcs/profile/column_layout.hpp"
#include "hcs/profile/statistics.hpp"

namespace hcs::profile {
namespace {

using SliceStatistic = std::function<double(std::vector<double>&)>;

// Applies `statistic` to each group's slice of each column: the result at (group, column).
FeatureMatrix per_group(const FeatureTable& cells, const RowGroups& groups, int threads,
                        const SliceStatistic& statistic) {
    const ColumnLayout layout = layout_of(groups.members);
    FeatureMatrix result(groups.size(), cells.features.cols());
    for_each_column(cells.features, layout, threads, [&](std::size_t column, auto& values) {
        std::vector<double> slice;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            slice.assign(values.begin() + layout.offsets[g],
                         values.begin() + layout.offsets[g + 1]);
            result(g, column) = statistic(slice);
        }
    });
    return result;
}

}  // namespace

Profiles profile_mean(const FeatureTable& cells, const RowGroups& groups, int threads) {
    return {cells.feature_names, per_group(cells, groups, threads, [](std::vector<double>& slice) {
                return mean_of(slice);
            })};
}

Profiles profile_median(const FeatureTable& cells, const RowGroups& groups, int threads) {
    return {cells.feature_names, per_group(cells, groups, threads, [](std::vector<double>& slice) {
                return median_of(slice);
            })};
}

Profiles profile_mean_std(const FeatureTable& cells, const RowGroups& groups, int threads) {
    const Profiles means = profile_mean(cells, groups, threads);
    const FeatureMatrix deviations =
        per_group(cells, groups, threads,
                  [](std::vector<double>& slice) { return standard_deviation_of(slice, true); });

    Profiles both;
    both.feature_names = means.feature_names;
    for (const auto& name : cells.feature_names) {
        both.feature_names.push_back(name + kStandardDeviationSuffix);
    }
    both.values.resize(groups.size(), 2 * cells.features.cols());
    both.values << means.values, deviations;
    return both;
}

}  // namespace hcs::profile
