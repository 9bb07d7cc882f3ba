// Tests of feature selection; each kept or dropped feature is decided by hand from the data.
// The name rules follow the BBBC021 reference evaluation
// (data/bbbc021-ljosa2013-profiles/README.md).
#include "hcs/profile/feature_selection.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs::profile {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// 30 rows: Good varies freely; Twin = 2 * Good + 1 (|r| = 1); Constant; Missing has 2 NaN
// (6.7% > 5%); Rare is 0 except one 1 (2nd / 1st count = 1 / 29 < 0.05); Blocked is listed.
FeatureTable table_for_selection() {
    FeatureTable table;
    table.feature_names = {"Good", "Twin", "Constant", "Missing", "Rare", "Blocked_Area"};
    table.features.resize(30, 6);
    for (int row = 0; row < 30; ++row) {
        const double good = std::sin(row * 1.3) * 10;
        table.features.row(row) << good, 2 * good + 1, 5, (row < 2 ? kNaN : std::cos(row * 0.7)),
            (row == 3 ? 1 : 0), std::cos(row * 2.1);
        table.metadata.push_back({});
    }
    return table;
}

TEST(SelectFeatures, DropsMissingConstantRareBlockedAndOneOfACorrelatedPair) {
    FeatureSelectionOptions options;
    options.blocklist = {"Blocked_*"};
    const auto kept = select_features(table_for_selection(), options);
    // Good and Twin have the same |r| to every feature but each other; one of them survives.
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_TRUE(kept[0] == "Good" || kept[0] == "Twin");
}

TEST(SelectFeatures, OnlyRequestedOperationsRun) {
    FeatureSelectionOptions options;
    options.operations = {"missing"};
    const auto kept = select_features(table_for_selection(), options);
    EXPECT_EQ(kept.size(), 5u);  // only Missing goes
    EXPECT_EQ(std::count(kept.begin(), kept.end(), "Missing"), 0);
}

TEST(KeepFeatures, ReordersColumns) {
    const FeatureTable kept = keep_features(table_for_selection(), {"Twin", "Good"});
    EXPECT_DOUBLE_EQ(kept.features(1, 0), 2 * kept.features(1, 1) + 1);
}

const std::vector<std::string> kWords = {"Location", "Center", "Number", "Parent", "Children"};

// README: the substring rule also removes *_EulerNumber and *_NumberOfNeighbors_*.
TEST(FeatureNameMatches, WholeTokenSparesEulerNumberWhichSubstringDrops) {
    EXPECT_TRUE(
        feature_name_matches("Nuclei_Location_Center_X", kWords, FeatureNameMatch::whole_token));
    EXPECT_TRUE(
        feature_name_matches("Cells_Number_Object_Number", kWords, FeatureNameMatch::whole_token));
    EXPECT_FALSE(
        feature_name_matches("Cells_AreaShape_EulerNumber", kWords, FeatureNameMatch::whole_token));
    EXPECT_TRUE(
        feature_name_matches("Cells_AreaShape_EulerNumber", kWords, FeatureNameMatch::substring));
    EXPECT_FALSE(feature_name_matches("Cells_Neighbors_NumberOfNeighbors_5", kWords,
                                      FeatureNameMatch::whole_token));
    EXPECT_TRUE(feature_name_matches("Cells_Neighbors_NumberOfNeighbors_5", kWords,
                                     FeatureNameMatch::substring));
}

TEST(ExcludeFeatures, WholeTokenKeepsOtherColumnsInOrderWithTheirValues) {
    FeatureTable table;
    table.metadata_names = {"Metadata_Well"};
    table.metadata = {{"A01"}};
    table.feature_names = {"Cells_AreaShape_Area", "Cells_Location_Center_X",
                           "Cells_AreaShape_EulerNumber"};
    table.features.resize(1, 3);
    table.features << 1, 2, 3;
    const FeatureTable kept = exclude_features(table, kWords, FeatureNameMatch::whole_token);
    ASSERT_EQ(kept.feature_names.size(), 2u);
    EXPECT_EQ(kept.feature_names[1], "Cells_AreaShape_EulerNumber");
    EXPECT_EQ(kept.features(0, 1), 3);
    EXPECT_EQ(kept.metadata[0][0], "A01");
}

// A missing fraction of 0 drops every column holding a NaN (pycytominer's drop_na_columns at 0).
TEST(SelectFeatures, MissingFractionZeroRemovesOnlyColumnsHoldingNan) {
    FeatureTable table;
    table.metadata = {{}, {}};
    table.feature_names = {"a", "b"};
    table.features.resize(2, 2);
    table.features << 1, std::nan(""), 2, 3;
    FeatureSelectionOptions options;
    options.operations = {"missing"};
    options.missing_fraction = 0.0;
    const auto kept = select_features(table, options);
    ASSERT_EQ(kept, std::vector<std::string>{"a"});
}

TEST(ParseFeatureNameMatch, RejectsUnknownRules) {
    EXPECT_THROW(parse_feature_name_match("prefix"), UsageError);
}

// Column b = 2a + 1 (|r| = 1) is dropped; c is not correlated with a (hand: centred a
// (-1.5,-0.5,0.5,1.5), centred c (1,-1,-1,1): dot 0).
TEST(SelectFeatures, GreedyCorrelationDropsALaterFeatureCorrelatedWithAnEarlierOne) {
    FeatureTable table;
    table.metadata = {{}, {}, {}, {}};
    table.feature_names = {"a", "b", "c"};
    table.features.resize(4, 3);
    table.features << 1, 3, 1, 2, 5, 0, 3, 7, 0, 4, 9, 1;
    FeatureSelectionOptions options;
    options.operations = {"correlation"};
    options.correlation_rule = CorrelationRule::greedy_in_column_order;
    options.correlation_threshold = 0.9;
    const auto kept = select_features(table, options);
    EXPECT_EQ(kept, (std::vector<std::string>{"a", "c"}));
}

}  // namespace
}  // namespace hcs::profile
