// Tests of per-plate normalisation against control wells: standardisation (Ljosa et al. 2013),
// robust MAD scaling (pycytominer mad_robustize) and plate centring, by hand arithmetic.
#include "hcs/evaluate/profile_normalisation.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

// Two plates; controls of P1 are 1, 2, 3 (mean 2, sample sd 1); of P2 10, 14 (mean 12, sd 2.83).
FeatureTable two_plates() {
    FeatureTable table;
    table.metadata_names = {"Metadata_Plate", "Metadata_ControlType"};
    table.metadata = {{"P1", "negative"}, {"P1", "negative"}, {"P1", "negative"}, {"P1", ""},
                      {"P2", "negative"}, {"P2", "negative"}, {"P2", ""}};
    table.feature_names = {"f"};
    table.features.resize(7, 1);
    table.features << 1, 2, 3, 5, 10, 14, 16;
    return table;
}

// Hand: P1 well 5 -> (5 - 2) / 1 = 3; P2 well 16 -> (16 - 12) / sqrt(8).
TEST(NormaliseProfiles, StandardisesEachPlateByItsControls) {
    FeatureTable table = two_plates();
    normalise_profiles(table, NormalisationSettings{});
    EXPECT_NEAR(table.features(3, 0), 3.0, 1e-12);
    EXPECT_NEAR(table.features(6, 0), 4.0 / std::sqrt(8.0), 1e-12);
    EXPECT_NEAR(table.features(0, 0), -1.0, 1e-12);
}

// Hand: P1 controls median 2, MAD median(|1-2|, 0, 1) = 1, scaled 1.4826: (5 - 2) / 1.4826.
TEST(NormaliseProfiles, RobustMadUsesMedianAndScaledMad) {
    FeatureTable table = two_plates();
    NormalisationSettings settings;
    settings.method = NormalisationMethod::robust_mad;
    normalise_profiles(table, settings);
    EXPECT_NEAR(table.features(3, 0), 3.0 / 1.482602218505602, 1e-9);
}

// Hand: P1 controls median 2, P2 controls median 12: 5 -> 3 and 16 -> 4.
TEST(CentrePlatesOnControls, SubtractsThePlateControlMedian) {
    FeatureTable table = two_plates();
    centre_plates_on_controls(table, NormalisationSettings{});
    EXPECT_DOUBLE_EQ(table.features(3, 0), 3.0);
    EXPECT_DOUBLE_EQ(table.features(6, 0), 4.0);
}

// Constant controls give no scale: NaN, not a division by zero.
TEST(NormaliseProfiles, ZeroSpreadGivesNan) {
    FeatureTable table = two_plates();
    table.features.col(0).head(3).setConstant(2.0);
    normalise_profiles(table, NormalisationSettings{});
    EXPECT_TRUE(std::isnan(table.features(3, 0)));
    EXPECT_FALSE(std::isnan(table.features(6, 0)));
}

TEST(NormaliseProfiles, PlateWithoutControlsIsAnInputError) {
    FeatureTable table = two_plates();
    table.metadata[4][1] = table.metadata[5][1] = "";
    EXPECT_THROW(normalise_profiles(table, NormalisationSettings{}), InputError);
}

}  // namespace
}  // namespace hcs
