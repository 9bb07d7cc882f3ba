// Tests of class-proportion profiles; expected fractions by counting.
#include "hcs/profile/profile_proportions.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs::profile {
namespace {

TEST(ProfileProportions, FractionsPerClassFromAFeatureColumn) {
    FeatureTable cells;
    cells.metadata_names = {"Metadata_Well"};
    cells.feature_names = {"Cells_Class"};
    cells.metadata = {{"A01"}, {"A01"}, {"A01"}, {"A01"}, {"A02"}};
    cells.features.resize(5, 1);
    cells.features << 1, 2, 2, std::numeric_limits<double>::quiet_NaN(), 3;
    RowGroups wells = group_rows(cells, {"Metadata_Well"});
    add_empty_groups(wells, {{"A03"}});
    const Profiles profile = profile_proportions(cells, wells, "Cells_Class");
    ASSERT_EQ(profile.feature_names,
              (std::vector<std::string>{"Proportion_Cells_Class_1", "Proportion_Cells_Class_2",
                                        "Proportion_Cells_Class_3"}));
    EXPECT_NEAR(profile.values(0, 0), 1.0 / 3.0, 1e-15);  // NaN cell not classified
    EXPECT_NEAR(profile.values(0, 1), 2.0 / 3.0, 1e-15);
    EXPECT_DOUBLE_EQ(profile.values(1, 2), 1.0);
    EXPECT_TRUE(std::isnan(profile.values(2, 0)));  // A03 has no cells
    EXPECT_THROW(profile_proportions(cells, wells, "Cells_Phase"), InputError);
}

}  // namespace
}  // namespace hcs::profile
