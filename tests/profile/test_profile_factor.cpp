// Tests of the factor profile: a well shifted along the controls' factor scores on it with the
// sign of the shift, a control well near 0.
#include "hcs/profile/profile_factor.hpp"

#include <random>

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

TEST(ProfileFactor, ShiftAlongTheFactorGivesLargeMeanScore) {
    FeatureTable cells;
    cells.metadata_names = {"Metadata_Plate", "Metadata_Well"};
    cells.feature_names = {"Cells_A", "Cells_B", "Cells_C", "Cells_D"};
    std::mt19937_64 generator(13);
    std::normal_distribution<double> normal;
    cells.features.resize(2000, 4);
    std::vector<char> is_control(2000);
    for (int row = 0; row < 2000; ++row) {
        is_control[row] = row < 1500;
        // One factor with loadings 0.8 on all four features; the treated well adds 2 to it.
        const double factor = normal(generator) + (is_control[row] ? 0 : 2);
        cells.metadata.push_back({"P1", is_control[row] ? "A01" : "A02"});
        for (int j = 0; j < 4; ++j) cells.features(row, j) = 0.8 * factor + 0.6 * normal(generator);
    }
    const RowGroups wells = group_rows(cells, {"Metadata_Plate", "Metadata_Well"});
    FactorProfileOptions options;
    options.factors = 1;
    const Profiles profile = profile_factor(cells, wells, is_control, options);
    ASSERT_EQ(profile.feature_names, std::vector<std::string>{"Factor_01"});
    EXPECT_NEAR(profile.values(0, 0), 0.0, 0.05);
    // Controls have unit variance, so standardising changes nothing: L = 0.8, Psi = 0.36.
    // Score weights (1 + L'Psi^-1 L)^-1 L'Psi^-1 = (1 + 7.111)^-1 * 2.222 = 0.27397 per feature;
    // the treated well's mean is 0.8 * 2 = 1.6 per feature: 4 * 0.27397 * 1.6 = 1.753 (up to sign).
    EXPECT_NEAR(std::abs(profile.values(1, 0)), 1.75, 0.1);
}

}  // namespace
}  // namespace hcs::profile
