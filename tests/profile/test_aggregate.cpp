// Tests of wells -> treatments aggregation; expected values are hand arithmetic.
#include "hcs/profile/aggregate.hpp"

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

FeatureTable three_wells() {
    FeatureTable wells;
    wells.metadata_names = {"Metadata_Plate",         "Metadata_Well", "Metadata_Compound",
                            "Metadata_Concentration", "Metadata_MOA",  "Metadata_Object_Count"};
    wells.metadata = {{"P1", "A01", "taxol", "1", "MT stabiliser", "10"},
                      {"P2", "A02", "taxol", "1", "MT stabiliser", "20"},
                      {"P1", "B01", "DMSO", "0", "DMSO", "5"}};
    wells.feature_names = {"Cells_X", "Cells_Y"};
    wells.features.resize(3, 2);
    wells.features << 1, 10, 3, 30, 7, 70;
    return wells;
}

TEST(Aggregate, MeanPerTreatmentKeepsConstantMetadataAndSumsCounts) {
    AggregateOptions options;
    options.statistic = AggregateStatistic::mean;
    const FeatureTable treatments = aggregate(three_wells(), options);

    ASSERT_EQ(treatments.rows(), 2u);  // key order: DMSO before taxol
    EXPECT_EQ(treatments.metadata[1][0], "taxol");
    EXPECT_EQ(treatments.metadata_names[2], "Metadata_MOA");  // constant per treatment: kept
    EXPECT_EQ(treatments.metadata_index("Metadata_Plate"), FeatureTable::npos);  // varies
    EXPECT_EQ(treatments.metadata[1][treatments.metadata_index("Metadata_Object_Count")], "30");
    EXPECT_DOUBLE_EQ(treatments.features(1, 0), 2.0);   // (1 + 3) / 2
    EXPECT_DOUBLE_EQ(treatments.features(1, 1), 20.0);  // (10 + 30) / 2
    EXPECT_DOUBLE_EQ(treatments.features(0, 0), 7.0);
}

// The evaluation's variant: rows in order of first appearance (taxol first) and the number of
// wells averaged under Metadata_Group_Count; the input's Metadata_Object_Count varies, so goes.
TEST(Aggregate, FirstAppearanceOrderAndRowCountUnderItsOwnName) {
    AggregateOptions options;
    options.group_by = {"Metadata_Compound"};
    options.statistic = AggregateStatistic::mean;
    options.order_by_first_row = true;
    options.metadata.count_column = "Metadata_Group_Count";
    options.metadata.sum_input_count = false;
    const FeatureTable treatments = aggregate(three_wells(), options);

    ASSERT_EQ(treatments.rows(), 2u);
    EXPECT_EQ(treatments.metadata[0][0], "taxol");
    EXPECT_EQ(treatments.metadata_index("Metadata_Object_Count"), FeatureTable::npos);
    EXPECT_EQ(treatments.metadata[0][treatments.metadata_index("Metadata_Group_Count")], "2");
    EXPECT_DOUBLE_EQ(treatments.features(0, 0), 2.0);  // (1 + 3) / 2
}

}  // namespace
}  // namespace hcs::profile
