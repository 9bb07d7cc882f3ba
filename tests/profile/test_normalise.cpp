// Tests of per-plate normalisation against control rows; expected values are hand arithmetic.
#include "hcs/profile/normalise.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs::profile {
namespace {

// Two plates; on P1 the controls hold 1, 2, 3, 4, 5 and a treated row 10; on P2 the controls
// hold 10 and 30 and a treated row 40.
FeatureTable two_plates() {
    FeatureTable table;
    table.metadata_names = {"Metadata_Plate", "Metadata_ControlType"};
    table.feature_names = {"Cells_X"};
    const std::vector<std::pair<std::string, double>> rows = {
        {"P1", 1}, {"P1", 2}, {"P1", 3}, {"P1", 4}, {"P1", 5}, {"P2", 10}, {"P2", 30}};
    for (const auto& [plate, value] : rows) table.metadata.push_back({plate, "negative"});
    table.metadata.push_back({"P1", "treated"});
    table.metadata.push_back({"P2", "treated"});
    table.features.resize(9, 1);
    table.features << 1, 2, 3, 4, 5, 10, 30, 10, 40;
    return table;
}

TEST(NormalisePerPlate, StandardiseUsesEachPlatesControlMeanAndPopulationSd) {
    FeatureTable table = two_plates();
    normalise_per_plate(table, NormaliseOptions{});
    // P1 controls: mean 3, sd sqrt(10 / 5) = sqrt 2; treated 10 -> 7 / sqrt 2.
    EXPECT_NEAR(table.features(7, 0), 7.0 / std::sqrt(2.0), 1e-12);
    EXPECT_NEAR(table.features(0, 0), -2.0 / std::sqrt(2.0), 1e-12);
    // P2 controls: mean 20, sd 10; treated 40 -> 2.
    EXPECT_NEAR(table.features(8, 0), 2.0, 1e-12);
}

TEST(NormalisePerPlate, RobustMadScalesByConsistencyConstant) {
    FeatureTable table = two_plates();
    NormaliseOptions options;
    options.method = Normalisation::robust_mad;
    normalise_per_plate(table, options);
    // P1 controls: median 3, MAD median(2 1 0 1 2) = 1; treated 10 -> 7 / 1.4826.
    EXPECT_NEAR(table.features(7, 0), 7.0 / 1.4826, 1e-12);
}

TEST(NormalisePerPlate, PercentileMapsControlP1ToZeroAndP99ToOne) {
    FeatureTable table = two_plates();
    NormaliseOptions options;
    options.method = Normalisation::percentile;
    normalise_per_plate(table, options);
    // P1 controls: p1 = 1 + 0.04 * 1 = 1.04, p99 = 4 + 0.96 * 1 = 4.96; treated 10.
    EXPECT_NEAR(table.features(7, 0), (10 - 1.04) / (4.96 - 1.04), 1e-12);
    // P2 controls 10, 30: p1 = 10.2, p99 = 29.8; treated 40.
    EXPECT_NEAR(table.features(8, 0), (40 - 10.2) / 19.6, 1e-12);
}

TEST(NormalisePerPlate, ConstantControlsGiveNaNNotInfinity) {
    FeatureTable table = two_plates();
    table.features.col(0).head(5).setConstant(2.0);
    normalise_per_plate(table, NormaliseOptions{});
    EXPECT_TRUE(std::isnan(table.features(7, 0)));
    EXPECT_NEAR(table.features(8, 0), 2.0, 1e-12);  // P2 is unaffected
}

TEST(NormalisePerPlate, PlateWithoutControlsIsAnInputError) {
    FeatureTable table = two_plates();
    table.metadata[5][1] = "treated";
    table.metadata[6][1] = "treated";
    EXPECT_THROW(normalise_per_plate(table, NormaliseOptions{}), InputError);
}

TEST(NormalisePerPlate, SampleStandardDeviationDividesByNMinusOne) {
    FeatureTable table = two_plates();
    NormaliseOptions options;
    options.sample_standard_deviation = true;
    normalise_per_plate(table, options);
    // P1 controls: mean 3, sample sd sqrt(10 / 4); treated 10 -> 7 / sqrt 2.5.
    EXPECT_NEAR(table.features(7, 0), 7.0 / std::sqrt(2.5), 1e-12);
}

TEST(NormalisePerPlate, PooledPlatesShareOneReference) {
    FeatureTable table = two_plates();
    NormaliseOptions options;
    options.per_plate = false;
    options.reference = "all";
    options.method = Normalisation::robust_mad;
    options.mad_to_standard_deviation = kMadToStandardDeviationExact;
    normalise_per_plate(table, options);
    // All nine rows 1 2 3 4 5 10 30 10 40: median 5; |x - 5| = 4 3 2 1 0 5 25 5 35, median 4.
    // P2's treated 40 -> 35 / (4 * 1.482602218505602).
    EXPECT_NEAR(table.features(8, 0), 35.0 / (4 * 1.482602218505602), 1e-12);
}

TEST(NormalisePerPlate, MedianCentreSubtractsTheControlMedianOnly) {
    FeatureTable table = two_plates();
    NormaliseOptions options;
    options.method = Normalisation::median_centre;
    normalise_per_plate(table, options);
    // P1 controls median 3: 10 -> 7; P2 controls median 20: 40 -> 20.
    EXPECT_DOUBLE_EQ(table.features(7, 0), 7.0);
    EXPECT_DOUBLE_EQ(table.features(8, 0), 20.0);
}

}  // namespace
}  // namespace hcs::profile
