// Tests of mean, median and mean+std profiles per well; expected values are hand arithmetic.
#include "hcs/profile/profile_average.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

FeatureTable two_wells() {
    FeatureTable cells;
    cells.metadata_names = {"Metadata_Plate", "Metadata_Well"};
    cells.feature_names = {"Cells_X"};
    cells.metadata = {{"P1", "A02"}, {"P1", "A01"}, {"P1", "A02"}, {"P1", "A02"}, {"P1", "A01"}};
    cells.features.resize(5, 1);
    cells.features << 1, 10, 2, 9, 30;  // A01: 10, 30; A02: 1, 2, 9
    return cells;
}

TEST(ProfileAverage, MeanAndMedianPerWellInWellOrder) {
    const FeatureTable cells = two_wells();
    const RowGroups wells = group_rows(cells, {"Metadata_Plate", "Metadata_Well"});
    const Profiles mean = profile_mean(cells, wells);
    const Profiles median = profile_median(cells, wells);
    EXPECT_DOUBLE_EQ(mean.values(0, 0), 20.0);
    EXPECT_DOUBLE_EQ(mean.values(1, 0), 4.0);
    EXPECT_DOUBLE_EQ(median.values(0, 0), 20.0);
    EXPECT_DOUBLE_EQ(median.values(1, 0), 2.0);
}

TEST(ProfileAverage, MeanStdAppendsSampleDeviationsUnderSuffixedNames) {
    const FeatureTable cells = two_wells();
    const RowGroups wells = group_rows(cells, {"Metadata_Plate", "Metadata_Well"});
    const Profiles both = profile_mean_std(cells, wells);
    ASSERT_EQ(both.feature_names.size(), 2u);
    EXPECT_EQ(both.feature_names[1], "Cells_X_StDev");
    EXPECT_DOUBLE_EQ(both.values(0, 1), std::sqrt(200.0));  // (10-20)^2 + (30-20)^2, / 1
    EXPECT_DOUBLE_EQ(both.values(1, 1), std::sqrt(19.0));   // (9 + 4 + 25) / 2
}

}  // namespace
}  // namespace hcs::profile
