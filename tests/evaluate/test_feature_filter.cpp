// Tests of dropping features by name: the whole-token and substring rules of the BBBC021
// reference evaluation (data/bbbc021-ljosa2013-profiles/README.md), and NaN columns.
#include "hcs/evaluate/feature_filter.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

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

TEST(DropFeatures, KeepsOtherColumnsInOrderWithTheirValues) {
    FeatureTable table;
    table.metadata_names = {"Metadata_Well"};
    table.metadata = {{"A01"}};
    table.feature_names = {"Cells_AreaShape_Area", "Cells_Location_Center_X",
                           "Cells_AreaShape_EulerNumber"};
    table.features.resize(1, 3);
    table.features << 1, 2, 3;
    const FeatureTable kept = drop_features(table, kWords, FeatureNameMatch::whole_token);
    ASSERT_EQ(kept.feature_names.size(), 2u);
    EXPECT_EQ(kept.feature_names[1], "Cells_AreaShape_EulerNumber");
    EXPECT_EQ(kept.features(0, 1), 3);
    EXPECT_EQ(kept.metadata[0][0], "A01");
}

TEST(DropFeaturesWithNan, RemovesOnlyColumnsHoldingNan) {
    FeatureTable table;
    table.metadata = {{}, {}};
    table.feature_names = {"a", "b"};
    table.features.resize(2, 2);
    table.features << 1, std::nan(""), 2, 3;
    const FeatureTable kept = drop_features_with_nan(table);
    ASSERT_EQ(kept.feature_names, std::vector<std::string>{"a"});
}

TEST(ParseFeatureNameMatch, RejectsUnknownRules) {
    EXPECT_THROW(parse_feature_name_match("prefix"), UsageError);
}

}  // namespace
}  // namespace hcs
