// Averages profiles over groups of rows (replicate wells to a treatment, cells to a well) by
// mean or median, keeping the metadata that is constant within each group.
#include "hcs/evaluate/treatment_profiles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double average_of(std::vector<double>& values, AverageStatistic statistic) {
    if (values.empty()) return kNaN;
    if (statistic == AverageStatistic::mean) {
        double sum = 0;
        for (double value : values) sum += value;
        return sum / static_cast<double>(values.size());
    }
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
}

std::vector<std::size_t> column_indices(const FeatureTable& table,
                                        const std::vector<std::string>& names) {
    std::vector<std::size_t> indices;
    for (const auto& name : names) {
        const std::size_t index = table.metadata_index(name);
        if (index == FeatureTable::npos) throw InputError("profiles have no column " + name);
        indices.push_back(index);
    }
    return indices;
}

// Metadata columns (other than the group columns) with one value inside every group.
std::vector<std::size_t> constant_columns(const FeatureTable& table,
                                          const std::vector<std::vector<std::size_t>>& groups,
                                          const std::vector<std::size_t>& group_columns) {
    std::vector<std::size_t> constant;
    for (std::size_t column = 0; column < table.metadata_names.size(); ++column) {
        if (std::count(group_columns.begin(), group_columns.end(), column) > 0) continue;
        const bool same = std::all_of(groups.begin(), groups.end(), [&](const auto& rows) {
            return std::all_of(rows.begin(), rows.end(), [&](std::size_t row) {
                return table.metadata[row][column] == table.metadata[rows[0]][column];
            });
        });
        if (same) constant.push_back(column);
    }
    return constant;
}

}  // namespace

AverageStatistic parse_average_statistic(const std::string& text) {
    if (text == "mean") return AverageStatistic::mean;
    if (text == "median") return AverageStatistic::median;
    throw UsageError("average statistic '" + text + "' is not mean or median");
}

FeatureTable average_profiles(const FeatureTable& table,
                              const std::vector<std::string>& group_columns,
                              AverageStatistic statistic) {
    const std::vector<std::size_t> keys = column_indices(table, group_columns);
    std::map<std::vector<std::string>, std::size_t> group_of_key;
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t row = 0; row < table.rows(); ++row) {
        std::vector<std::string> key;
        for (std::size_t column : keys) key.push_back(table.metadata[row][column]);
        auto [where, added] = group_of_key.emplace(key, groups.size());
        if (added) groups.emplace_back();
        groups[where->second].push_back(row);
    }

    const std::vector<std::size_t> constant = constant_columns(table, groups, keys);
    FeatureTable averaged;
    for (std::size_t column : keys) averaged.metadata_names.push_back(table.metadata_names[column]);
    for (std::size_t column : constant) {
        averaged.metadata_names.push_back(table.metadata_names[column]);
    }
    averaged.metadata_names.push_back("Metadata_Group_Count");
    averaged.feature_names = table.feature_names;
    averaged.features.resize(static_cast<Eigen::Index>(groups.size()), table.features.cols());

    std::vector<double> values;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        std::vector<std::string> metadata;
        for (std::size_t column : keys) metadata.push_back(table.metadata[groups[g][0]][column]);
        for (std::size_t column : constant) {
            metadata.push_back(table.metadata[groups[g][0]][column]);
        }
        metadata.push_back(std::to_string(groups[g].size()));
        averaged.metadata.push_back(std::move(metadata));
        for (Eigen::Index j = 0; j < table.features.cols(); ++j) {
            values.clear();
            for (std::size_t row : groups[g]) {
                const double value = table.features(static_cast<Eigen::Index>(row), j);
                if (!std::isnan(value)) values.push_back(value);
            }
            averaged.features(static_cast<Eigen::Index>(g), j) = average_of(values, statistic);
        }
    }
    return averaged;
}

}  // namespace hcs
