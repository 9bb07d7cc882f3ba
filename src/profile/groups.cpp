// Grouping rows by metadata keys and picking control rows; the shared skeleton of every profile.
#include "hcs/profile/groups.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "hcs/core/errors.hpp"

namespace hcs::profile {

std::size_t require_metadata(const FeatureTable& table, const std::string& column,
                             const std::string& what) {
    const std::size_t index = table.metadata_index(column);
    if (index == FeatureTable::npos) {
        throw InputError("metadata column '" + column + "' (" + what + ") is not in the table");
    }
    return index;
}

RowGroups group_rows(const FeatureTable& table, const std::vector<std::string>& columns) {
    std::vector<std::size_t> indices;
    for (const auto& column : columns) indices.push_back(require_metadata(table, column, "group"));

    std::map<std::vector<std::string>, std::vector<std::size_t>> by_key;
    for (std::size_t row = 0; row < table.rows(); ++row) {
        std::vector<std::string> key;
        for (std::size_t index : indices) key.push_back(table.metadata[row][index]);
        by_key[key].push_back(row);
    }

    RowGroups groups;
    groups.key_names = columns;
    for (auto& [key, members] : by_key) {
        groups.keys.push_back(key);
        groups.members.push_back(std::move(members));
    }
    return groups;
}

void add_empty_groups(RowGroups& groups, const std::vector<std::vector<std::string>>& keys) {
    std::map<std::vector<std::string>, std::vector<std::size_t>> by_key;
    for (std::size_t g = 0; g < groups.size(); ++g) by_key[groups.keys[g]] = groups.members[g];
    for (const auto& key : keys) by_key.emplace(key, std::vector<std::size_t>{});

    groups.keys.clear();
    groups.members.clear();
    for (auto& [key, members] : by_key) {
        groups.keys.push_back(key);
        groups.members.push_back(std::move(members));
    }
}

void order_by_first_row(RowGroups& groups) {
    std::vector<std::size_t> order(groups.size());
    for (std::size_t g = 0; g < order.size(); ++g) order[g] = g;
    const auto first_row = [&](std::size_t g) {
        return groups.members[g].empty() ? FeatureTable::npos : groups.members[g].front();
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return first_row(a) < first_row(b); });

    RowGroups ordered;
    ordered.key_names = groups.key_names;
    for (std::size_t g : order) {
        ordered.keys.push_back(std::move(groups.keys[g]));
        ordered.members.push_back(std::move(groups.members[g]));
    }
    groups = std::move(ordered);
}

std::vector<char> control_rows(const FeatureTable& table, const ControlSpec& controls) {
    const std::size_t column = require_metadata(table, controls.column, "controls");
    std::vector<char> is_control(table.rows(), 0);
    for (std::size_t row = 0; row < table.rows(); ++row) {
        is_control[row] = table.metadata[row][column] == controls.value;
    }
    return is_control;
}

namespace {

// True when the column holds one value within each non-empty group.
bool constant_within_groups(const FeatureTable& table, std::size_t column,
                            const RowGroups& groups) {
    for (const auto& members : groups.members) {
        for (std::size_t row : members) {
            if (table.metadata[row][column] != table.metadata[members.front()][column]) {
                return false;
            }
        }
    }
    return true;
}

std::string object_count(const FeatureTable& table, const std::vector<std::size_t>& members,
                         std::size_t count_column) {
    if (count_column == FeatureTable::npos) return std::to_string(members.size());
    double total = 0;
    for (std::size_t row : members) {
        const double count = std::strtod(table.metadata[row][count_column].c_str(), nullptr);
        if (std::isfinite(count)) total += count;
    }
    return std::to_string(static_cast<long long>(std::llround(total)));
}

}  // namespace

FeatureTable group_metadata(const FeatureTable& table, const RowGroups& groups,
                            const GroupMetadataOptions& options) {
    const std::size_t count_column =
        options.sum_input_count ? table.metadata_index(options.count_column) : FeatureTable::npos;
    std::vector<std::size_t> kept;
    for (std::size_t column = 0; column < table.metadata_names.size(); ++column) {
        const std::string& name = table.metadata_names[column];
        const bool is_key = std::find(groups.key_names.begin(), groups.key_names.end(), name) !=
                            groups.key_names.end();
        const bool named_metadata = name.rfind("Metadata_", 0) == 0;
        if (is_key || column == count_column) continue;
        if (options.metadata_prefix_only && !named_metadata) continue;
        if (constant_within_groups(table, column, groups)) kept.push_back(column);
    }

    FeatureTable frame;
    frame.metadata_names = groups.key_names;
    for (std::size_t column : kept) frame.metadata_names.push_back(table.metadata_names[column]);
    frame.metadata_names.push_back(options.count_column);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        std::vector<std::string> row = groups.keys[g];
        for (std::size_t column : kept) {
            const auto& members = groups.members[g];
            row.push_back(members.empty() ? "" : table.metadata[members.front()][column]);
        }
        row.push_back(object_count(table, groups.members[g], count_column));
        frame.metadata.push_back(std::move(row));
    }
    frame.features.resize(groups.size(), 0);
    return frame;
}

}  // namespace hcs::profile

namespace hcs::profile {

ReferenceSets plate_controls(const FeatureTable& table, const RowGroups& groups,
                             const std::string& plate_column, const ControlSpec& controls) {
    const std::size_t plate = require_metadata(table, plate_column, "plate");
    const std::vector<char> is_control = control_rows(table, controls);

    std::map<std::string, std::size_t> set_of_plate;
    ReferenceSets reference;
    for (std::size_t row = 0; row < table.rows(); ++row) {
        const auto [where, added] =
            set_of_plate.emplace(table.metadata[row][plate], reference.sets.size());
        if (added) reference.sets.emplace_back();
        if (is_control[row]) reference.sets[where->second].push_back(row);
    }

    for (std::size_t g = 0; g < groups.size(); ++g) {
        const auto& members = groups.members[g];
        if (members.empty()) {
            reference.set_of_group.push_back(0);
            continue;
        }
        const std::string& plate_name = table.metadata[members.front()][plate];
        const std::size_t set = set_of_plate.at(plate_name);
        if (reference.sets[set].empty()) {
            throw InputError("plate '" + plate_name + "' has no control cells (" + controls.column +
                             " = " + controls.value + ")");
        }
        reference.set_of_group.push_back(set);
    }
    return reference;
}

}  // namespace hcs::profile
