// Rows of a table grouped by metadata columns (cells by plate and well, wells by treatment),
// and the control rows of each plate that normalisation and KS profiles compare against.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"

namespace hcs::profile {

// Which rows are controls: those whose `column` equals `value` (e.g. Metadata_ControlType =
// negative, or Metadata_Compound = DMSO).
struct ControlSpec {
    std::string column = "Metadata_ControlType";
    std::string value = "negative";
};

// Groups in key order; keys[g][k] is the value of key_names[k] for group g. A group may be empty
// (a well whose images held no cells); members are row indices of the grouped table.
struct RowGroups {
    std::vector<std::string> key_names;
    std::vector<std::vector<std::string>> keys;
    std::vector<std::vector<std::size_t>> members;

    std::size_t size() const { return keys.size(); }
};

// Groups rows by the values of `columns`, ordered by key. InputError names a missing column.
RowGroups group_rows(const FeatureTable& table, const std::vector<std::string>& columns);

// Adds empty groups for keys not present yet (wells imaged but without cells), keeping key order.
void add_empty_groups(RowGroups& groups, const std::vector<std::vector<std::string>>& keys);

// Reorders the groups by their first row (the order in which keys first appear in the table);
// empty groups go last, in key order.
void order_by_first_row(RowGroups& groups);

// One flag per row: true for control rows. InputError names the column when it is absent.
std::vector<char> control_rows(const FeatureTable& table, const ControlSpec& controls);

// Index of a metadata column; InputError naming the column and `what` when absent.
std::size_t require_metadata(const FeatureTable& table, const std::string& column,
                             const std::string& what);

constexpr const char* kObjectCountColumn = "Metadata_Object_Count";

struct GroupMetadataOptions {
    // Keep only constant columns named Metadata_* (profile outputs), or every constant metadata
    // column (ImageNumber too, when one image makes a well).
    bool metadata_prefix_only = true;
    // The column that counts each group's members.
    std::string count_column = kObjectCountColumn;
    // true: an input column named count_column is summed (cells -> wells -> treatments counts
    // cells). false: the count is the number of rows, and an input column of that name is kept
    // like any other when constant.
    bool sum_input_count = true;
};

// The metadata of each group: its key columns, then every other metadata column whose value is
// the same in all rows of every group (compound, concentration, control type), then
// options.count_column (the sum of the input's count column when it has one, else the number of
// rows). Columns that vary within a group (ImageNumber, ObjectNumber, Metadata_Site) are dropped.
FeatureTable group_metadata(const FeatureTable& table, const RowGroups& groups,
                            const GroupMetadataOptions& options = {});

}  // namespace hcs::profile

namespace hcs::profile {

// The reference cells each group is compared with: sets[set_of_group[g]] holds the row indices
// of the control cells on group g's plate (Ljosa et al. 2013 compare each treatment with the
// DMSO cells of its own plate).
struct ReferenceSets {
    std::vector<std::vector<std::size_t>> sets;
    std::vector<std::size_t> set_of_group;
};

// Control rows per plate. A plate holding a non-empty group but no control row is an InputError
// naming the plate and the control column and value.
ReferenceSets plate_controls(const FeatureTable& table, const RowGroups& groups,
                             const std::string& plate_column, const ControlSpec& controls);

}  // namespace hcs::profile
