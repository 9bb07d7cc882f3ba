// Tests of the whole profiling run: config reading, per-well input, output files.
#include "hcs/profile/profile_run.hpp"

#include <gtest/gtest.h>

#include "hcs/core/config.hpp"
#include "hcs/core/errors.hpp"

namespace hcs::profile {
namespace {

TEST(ProfileOptions, DefaultsComeFromConfigsDefaultsJson) {
    const ProfileOptions options = ProfileOptions::from_config(load_config());
    EXPECT_EQ(options.method, ProfileMethod::median);
    EXPECT_EQ(options.normalise.method, Normalisation::standardise);
    EXPECT_DOUBLE_EQ(options.svm.cost, 1.0);
    EXPECT_EQ(options.gmm.components, 50);
    EXPECT_EQ(options.gmm.min_pca_components, 20);
    EXPECT_DOUBLE_EQ(options.gmm.variance_explained, 0.8);
    EXPECT_EQ(options.svm.seed, 42u);
}

TEST(ProfileOptions, UnknownMethodAndWrongTypeAreUsageErrors) {
    EXPECT_THROW(parse_profile_method("pca"), UsageError);
    EXPECT_THROW(
        ProfileOptions::from_config(nlohmann::json::parse(R"({"profile": {"svm": {"C": "one"}}})")),
        UsageError);
}

// Values a method cannot work with are refused before any cell is read, naming the key.
TEST(ProfileOptions, OutOfRangeMethodSettingsAreUsageErrorsNamingTheKey) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {R"({"profile": {"gmm": {"components": 0}}})", "gmm/components"},
        {R"({"profile": {"gmm": {"reference_cells": 0}}})", "gmm/reference_cells"},
        {R"({"profile": {"factor_analysis": {"factors": -2}}})", "factor_analysis/factors"},
        {R"({"profile": {"svm": {"C": 0}}})", "svm/C"},
        {R"({"profile": {"normalise": {"lower_percentile": 99, "upper_percentile": 1}}})",
         "normalise/lower_percentile"}};
    for (const auto& [text, key] : cases) {
        nlohmann::json config = load_config();
        merge_config(config, nlohmann::json::parse(text));
        try {
            ProfileOptions::from_config(config);
            ADD_FAILURE() << text << " was accepted";
        } catch (const UsageError& error) {
            EXPECT_NE(std::string(error.what()).find(key), std::string::npos) << error.what();
        }
    }
}

TEST(RunProfiling, PerWellInputIsNormalisedAndAggregatedToTreatments) {
    // Wells: controls 1 and 3 (mean 2, population sd 1); treated 4 and 6 of compound X.
    CellInput input;
    input.per_well = true;
    input.cells.metadata_names = {"Metadata_Plate",       "Metadata_Well",
                                  "Metadata_Compound",    "Metadata_Concentration",
                                  "Metadata_ControlType", "Metadata_Object_Count"};
    input.cells.metadata = {{"P1", "A01", "DMSO", "0", "negative", "10"},
                            {"P1", "A02", "DMSO", "0", "negative", "10"},
                            {"P1", "A03", "X", "1", "", "7"},
                            {"P1", "A04", "X", "1", "", "9"}};
    input.cells.feature_names = {"Cells_A"};
    input.cells.features.resize(4, 1);
    input.cells.features << 1, 3, 4, 6;
    ProfileOptions options;
    options.aggregate.statistic = AggregateStatistic::mean;
    const ProfileResult result = run_profiling(input, options);
    ASSERT_EQ(result.treatments.rows(), 2u);
    EXPECT_DOUBLE_EQ(result.wells.features(2, 0), 2.0);       // (4 - 2) / 1
    EXPECT_DOUBLE_EQ(result.treatments.features(1, 0), 3.0);  // mean of 2 and 4
    EXPECT_EQ(
        result.treatments.metadata[1][result.treatments.metadata_index("Metadata_Object_Count")],
        "16");
}

}  // namespace
}  // namespace hcs::profile
