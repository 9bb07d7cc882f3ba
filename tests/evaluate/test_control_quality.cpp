// Tests of Z'-factor and SSMD (Zhang et al. 1999; Zhang 2007): hand arithmetic on small
// groups, and BBBC013's GFP translocation ratio recomputed by the textbook formula.
#include "hcs/evaluate/control_quality.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "bbbc013_wells.hpp"

namespace hcs {
namespace {

// Hand: means 10 and 1, sample sds 1 and 1: Z' = 1 - 3 * 2 / 9 = 1/3; SSMD = 9 / sqrt 2.
TEST(ZPrimeFactor, UsesSampleStandardDeviations) {
    EXPECT_NEAR(z_prime_factor({9, 10, 11}, {0, 1, 2}), 1.0 / 3.0, 1e-12);
    EXPECT_NEAR(strictly_standardised_mean_difference({9, 10, 11}, {0, 1, 2}), 9 / std::sqrt(2.0),
                1e-12);
}

// Hand: SSMD is signed; positives lower than negatives give a negative value (-10 / sqrt 5).
TEST(StrictlyStandardisedMeanDifference, IsNegativeWhenPositivesAreLower) {
    EXPECT_NEAR(strictly_standardised_mean_difference({1, 2, 3}, {10, 12, 14}),
                -10 / std::sqrt(5.0), 1e-12);
}

// Equal means leave Z' without a separation band, a single well has no standard deviation.
TEST(ZPrimeFactor, IsNanWithoutSeparationOrReplicates) {
    EXPECT_TRUE(std::isnan(z_prime_factor({1, 2, 3}, {1, 2, 3})));
    EXPECT_TRUE(std::isnan(z_prime_factor({1}, {5, 6})));
    EXPECT_TRUE(std::isnan(strictly_standardised_mean_difference({1, 1}, {2, 2})));
}

// BBBC013, per-well median nuclear/cytoplasmic GFP ratio from CellProfiler's per-cell tables.
// Controls: positive A12, B12, E01, F01; negative A01, B01, E12, F12 (data/bbbc013/README.md).
// Expected: the textbook formula evaluated here on the same 8 numbers.
TEST(ControlQuality, Bbbc013ZPrimeEqualsTextbookFormulaOnTheEightControlWells) {
    FeatureTable wells = testing::bbbc013_gfp_ratio_wells();
    const std::vector<std::string> positive_wells = {"A12", "B12", "E01", "F01"};
    const std::vector<std::string> negative_wells = {"A01", "B01", "E12", "F12"};
    std::vector<double> positive, negative;
    wells.metadata_names.push_back("Metadata_Control");
    for (std::size_t row = 0; row < wells.rows(); ++row) {
        const std::string& well = wells.metadata[row][1];
        const double value = wells.features(static_cast<Eigen::Index>(row), 0);
        std::string role;
        if (std::count(positive_wells.begin(), positive_wells.end(), well)) {
            role = "positive";
            positive.push_back(value);
        } else if (std::count(negative_wells.begin(), negative_wells.end(), well)) {
            role = "negative";
            negative.push_back(value);
        }
        wells.metadata[row].push_back(role);
    }
    ASSERT_EQ(positive.size(), 4u);
    ASSERT_EQ(negative.size(), 4u);

    const auto mean = [](const std::vector<double>& v) { return (v[0] + v[1] + v[2] + v[3]) / 4; };
    const auto sd = [&](const std::vector<double>& v) {
        double squares = 0;
        for (double x : v) squares += (x - mean(v)) * (x - mean(v));
        return std::sqrt(squares / 3);
    };
    const double textbook =
        1 - 3 * (sd(positive) + sd(negative)) / std::abs(mean(positive) - mean(negative));
    const double textbook_ssmd =
        (mean(positive) - mean(negative)) /
        std::sqrt(sd(positive) * sd(positive) + sd(negative) * sd(negative));

    const auto results =
        control_quality(wells, "Metadata_Plate", "Metadata_Control", "positive", "negative");
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].positive_wells, 4u);
    EXPECT_NEAR(results[0].z_prime, textbook, 1e-12);
    EXPECT_NEAR(results[0].ssmd, textbook_ssmd, 1e-12);
    // The translocation assay separates its controls (nuclear GFP rises with either drug).
    EXPECT_GT(mean(positive), mean(negative));
    std::printf(
        "BBBC013 GFP ratio: positive mean %.4f sd %.4f, negative mean %.4f sd %.4f, "
        "Z' %.4f, SSMD %.3f\n",
        mean(positive), sd(positive), mean(negative), sd(negative), results[0].z_prime,
        results[0].ssmd);
}

}  // namespace
}  // namespace hcs
