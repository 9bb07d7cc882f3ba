// Tests of the signed KS statistic; expected values by hand from the empirical CDFs (the c08 case
// README derives the same numbers and cross-checks them with scipy.stats.ks_2samp).
#include "hcs/profile/profile_ks.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(SignedKs, ShiftUpIsPositive) {
    // Reference 1..4, treated 3..6: F_ref - F_trt peaks on [2.x, 3): 2/4 - 0 = 0.5.
    EXPECT_DOUBLE_EQ(signed_ks({3, 4, 5, 6}, {1, 2, 3, 4}), 0.5);
}

TEST(SignedKs, ShiftDownIsNegative) {
    EXPECT_DOUBLE_EQ(signed_ks({1, 2, 3, 4}, {3, 4, 5, 6}), -0.5);
}

TEST(SignedKs, IdenticalSamplesGiveZero) {
    EXPECT_DOUBLE_EQ(signed_ks({1, 2, 3}, {1, 2, 3}), 0.0);
}

TEST(SignedKs, TiesAreCountedOnBothSides) {
    // Treated {2, 2}, reference {1, 2, 3}: at x = 2, F_trt = 1, F_ref = 2/3 -> D- = 1/3; below
    // 2, F_ref = 1/3, F_trt = 0 -> D+ = 1/3; D+ is not larger, so -D- = -1/3.
    EXPECT_NEAR(signed_ks({2, 2}, {1, 2, 3}), -1.0 / 3.0, 1e-15);
}

TEST(SignedKs, SkipsNaNAndIsNaNWhenASampleIsEmpty) {
    EXPECT_DOUBLE_EQ(signed_ks({3, kNaN, 4, 5, 6}, {1, 2, 3, kNaN, 4}), 0.5);
    EXPECT_TRUE(std::isnan(signed_ks({kNaN}, {1, 2})));
}

TEST(ProfileKs, EachWellAgainstItsOwnPlatesControls) {
    // P1: control well values 1..4, treated well 3..6; P2: control 10..13, treated 10..13.
    FeatureTable cells;
    cells.metadata_names = {"Metadata_Plate", "Metadata_Well", "Metadata_ControlType"};
    cells.feature_names = {"Cells_X"};
    const double values[] = {1, 2, 3, 4, 3, 4, 5, 6, 10, 11, 12, 13, 10, 11, 12, 13};
    cells.features.resize(16, 1);
    for (int row = 0; row < 16; ++row) {
        const std::string plate = row < 8 ? "P1" : "P2";
        const bool control = (row / 4) % 2 == 0;
        cells.metadata.push_back({plate, control ? "A01" : "A02", control ? "negative" : ""});
        cells.features(row, 0) = values[row];
    }
    const RowGroups wells = group_rows(cells, {"Metadata_Plate", "Metadata_Well"});
    const Profiles ks =
        profile_ks(cells, wells, plate_controls(cells, wells, "Metadata_Plate", ControlSpec{}));
    ASSERT_EQ(ks.values.rows(), 4);
    EXPECT_DOUBLE_EQ(ks.values(0, 0), 0.0);  // P1 A01 is the reference itself
    EXPECT_DOUBLE_EQ(ks.values(1, 0), 0.5);  // P1 A02
    EXPECT_DOUBLE_EQ(ks.values(3, 0), 0.0);  // P2 A02 equals P2's controls, not P1's
}

}  // namespace
}  // namespace hcs::profile
