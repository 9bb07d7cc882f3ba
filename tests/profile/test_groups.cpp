// Tests of grouping rows, empty groups, constant metadata and control sets; values by hand.
#include "hcs/profile/groups.hpp"

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs::profile {
namespace {

FeatureTable cells_in_wells() {
    FeatureTable cells;
    cells.metadata_names = {"Metadata_Plate", "Metadata_Well", "Metadata_Compound", "Metadata_Site",
                            "ObjectNumber"};
    cells.metadata = {{"P1", "B01", "taxol", "1", "1"},
                      {"P1", "A01", "DMSO", "1", "1"},
                      {"P1", "B01", "taxol", "2", "1"}};
    cells.features.resize(3, 0);
    return cells;
}

TEST(GroupRows, OrdersGroupsByKeyAndListsMembers) {
    const RowGroups wells = group_rows(cells_in_wells(), {"Metadata_Plate", "Metadata_Well"});
    ASSERT_EQ(wells.size(), 2u);
    EXPECT_EQ(wells.keys[0][1], "A01");
    EXPECT_EQ(wells.members[1], (std::vector<std::size_t>{0, 2}));
}

TEST(GroupRows, MissingColumnIsAnInputError) {
    EXPECT_THROW(group_rows(cells_in_wells(), {"Metadata_Row"}), InputError);
}

TEST(GroupMetadata, KeepsConstantColumnsDropsVaryingOnesAndCountsRows) {
    RowGroups wells = group_rows(cells_in_wells(), {"Metadata_Plate", "Metadata_Well"});
    add_empty_groups(wells, {{"P1", "A02"}});
    const FeatureTable frame = group_metadata(cells_in_wells(), wells);
    EXPECT_EQ(frame.metadata_names,
              (std::vector<std::string>{"Metadata_Plate", "Metadata_Well", "Metadata_Compound",
                                        "Metadata_Object_Count"}));
    ASSERT_EQ(frame.rows(), 3u);  // A01, A02 (empty), B01
    EXPECT_EQ(frame.metadata[1], (std::vector<std::string>{"P1", "A02", "", "0"}));
    EXPECT_EQ(frame.metadata[2][3], "2");
}

TEST(OrderByFirstRow, PutsGroupsInOrderOfFirstAppearanceAndEmptyOnesLast) {
    RowGroups wells = group_rows(cells_in_wells(), {"Metadata_Plate", "Metadata_Well"});
    add_empty_groups(wells, {{"P1", "A00"}});
    order_by_first_row(wells);
    // Row 0 is B01, row 1 is A01; the empty A00 goes last.
    ASSERT_EQ(wells.size(), 3u);
    EXPECT_EQ(wells.keys[0][1], "B01");
    EXPECT_EQ(wells.members[0], (std::vector<std::size_t>{0, 2}));
    EXPECT_EQ(wells.keys[1][1], "A01");
    EXPECT_EQ(wells.keys[2][1], "A00");
}

// ObjectNumber is 1 in every row: constant, so kept once the Metadata_ prefix is not required.
// An input column named like the count column is kept as it is when not summed.
TEST(GroupMetadata, OptionsKeepUnprefixedColumnsAndCountRowsUnderAnotherName) {
    FeatureTable cells = cells_in_wells();
    cells.metadata_names.push_back("Metadata_Group_Count");
    for (auto& row : cells.metadata) row.push_back("7");
    const RowGroups wells = group_rows(cells, {"Metadata_Plate", "Metadata_Well"});
    GroupMetadataOptions options;
    options.metadata_prefix_only = false;
    options.count_column = "Metadata_Group_Count";
    options.sum_input_count = false;
    const FeatureTable frame = group_metadata(cells, wells, options);
    EXPECT_EQ(
        frame.metadata_names,
        (std::vector<std::string>{"Metadata_Plate", "Metadata_Well", "Metadata_Compound",
                                  "ObjectNumber", "Metadata_Group_Count", "Metadata_Group_Count"}));
    EXPECT_EQ(frame.metadata[1], (std::vector<std::string>{"P1", "B01", "taxol", "1", "7", "2"}));
}

}  // namespace
}  // namespace hcs::profile
