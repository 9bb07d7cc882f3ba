// Tests of averaging replicate wells to treatments: mean and median by hand, constant metadata
// kept, varying metadata dropped, NaN skipped.
#include "hcs/evaluate/treatment_profiles.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace hcs {
namespace {

FeatureTable replicate_wells() {
    FeatureTable table;
    table.metadata_names = {"Metadata_Well", "Metadata_Compound", "Metadata_MOA"};
    table.metadata = {{"A01", "x", "m"}, {"A02", "x", "m"}, {"A03", "x", "m"}, {"B01", "y", "n"}};
    table.feature_names = {"f", "g"};
    table.features.resize(4, 2);
    table.features << 1, 5, 2, std::nan(""), 6, 7, 4, 8;
    return table;
}

// Hand: compound x: f mean (1+2+6)/3 = 3, g mean of (5, 7) = 6 (NaN skipped).
TEST(AverageProfiles, MeanPerGroupKeepsConstantMetadata) {
    const FeatureTable treatments = average_profiles(replicate_wells(), {"Metadata_Compound"});
    ASSERT_EQ(treatments.rows(), 2u);
    EXPECT_EQ(
        treatments.metadata_names,
        (std::vector<std::string>{"Metadata_Compound", "Metadata_MOA", "Metadata_Group_Count"}));
    EXPECT_EQ(treatments.metadata[0], (std::vector<std::string>{"x", "m", "3"}));
    EXPECT_DOUBLE_EQ(treatments.features(0, 0), 3.0);
    EXPECT_DOUBLE_EQ(treatments.features(0, 1), 6.0);
    EXPECT_DOUBLE_EQ(treatments.features(1, 0), 4.0);
}

// Hand: median of 1, 2, 6 is 2.
TEST(AverageProfiles, MedianPerGroup) {
    const FeatureTable treatments =
        average_profiles(replicate_wells(), {"Metadata_Compound"}, AverageStatistic::median);
    EXPECT_DOUBLE_EQ(treatments.features(0, 0), 2.0);
}

TEST(SelectRows, KeepsRowsWherePredicateHolds) {
    const FeatureTable table = replicate_wells();
    const FeatureTable selected = select_rows(table, [](std::size_t row) { return row % 2 == 1; });
    ASSERT_EQ(selected.rows(), 2u);
    EXPECT_EQ(selected.metadata[1][0], "B01");
    EXPECT_DOUBLE_EQ(selected.features(1, 1), 8.0);
}

}  // namespace
}  // namespace hcs
