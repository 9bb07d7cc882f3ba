// Tests of the SVM normal-vector profile on cells built so the answer is known: treated cells
// differ from the controls only along feature 0, so the unit normal is close to (+1, 0, 0).
#include "hcs/profile/profile_svm.hpp"

#include <cmath>
#include <random>

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

FeatureTable shifted_along_first_feature() {
    FeatureTable cells;
    cells.metadata_names = {"Metadata_Plate", "Metadata_Well", "Metadata_ControlType"};
    cells.feature_names = {"Cells_A", "Cells_B", "Cells_C"};
    std::mt19937_64 generator(7);
    std::normal_distribution<double> noise(0.0, 0.3);
    cells.features.resize(400, 3);
    for (int row = 0; row < 400; ++row) {
        const bool control = row < 300;
        cells.metadata.push_back({"P1", control ? "A0" + std::to_string(1 + row / 100) : "B01",
                                  control ? "negative" : ""});
        cells.features.row(row) << (control ? 0.0 : 2.0) + noise(generator), noise(generator),
            noise(generator);
    }
    return cells;
}

TEST(ProfileSvm, NormalPointsFromControlsTowardsTheShiftedWell) {
    const FeatureTable cells = shifted_along_first_feature();
    const RowGroups wells = group_rows(cells, {"Metadata_Plate", "Metadata_Well"});
    const auto reference = plate_controls(cells, wells, "Metadata_Plate", ControlSpec{});
    const Profiles svm = profile_svm(cells, wells, reference, SvmOptions{});
    const Eigen::RowVectorXd treated = svm.values.row(3);  // B01 after A01..A03
    EXPECT_NEAR(treated.norm(), 1.0, 1e-12);
    EXPECT_GT(treated(0), 0.95);
    EXPECT_LT(std::abs(treated(1)), 0.3);
    EXPECT_LT(std::abs(treated(2)), 0.3);
}

TEST(ProfileSvm, SameSeedGivesTheSameProfile) {
    const FeatureTable cells = shifted_along_first_feature();
    const RowGroups wells = group_rows(cells, {"Metadata_Plate", "Metadata_Well"});
    const auto reference = plate_controls(cells, wells, "Metadata_Plate", ControlSpec{});
    const Profiles first = profile_svm(cells, wells, reference, SvmOptions{}, 1);
    const Profiles second = profile_svm(cells, wells, reference, SvmOptions{}, 2);
    EXPECT_EQ(first.values, second.values);
}

}  // namespace
}  // namespace hcs::profile
