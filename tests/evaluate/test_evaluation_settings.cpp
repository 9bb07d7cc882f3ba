// Tests of reading the "/evaluate" config section: the compiled-in defaults, overrides, and a
// UsageError naming the key for a wrong value.
#include "hcs/evaluate/evaluation_settings.hpp"

#include <gtest/gtest.h>

#include "hcs/core/config.hpp"
#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

// Expected: configs/defaults.json's evaluate section.
TEST(EvaluationSettings, DefaultsAreCosineNscAndNscbWithoutNormalisation) {
    const EvaluationSettings settings = EvaluationSettings::from_config(load_config());
    EXPECT_EQ(settings.moa.similarity, SimilarityMeasure::cosine);
    ASSERT_EQ(settings.moa.rules.size(), 2u);
    EXPECT_EQ(settings.moa.rules[1], NeighbourExclusion::nscb);
    EXPECT_EQ(settings.normalisation.method, NormalisationMethod::none);
    EXPECT_EQ(settings.columns.moa, "Metadata_MOA");
    EXPECT_FALSE(settings.dose_response.enabled);
}

TEST(EvaluationSettings, OverridesAndPassesControlSettingsToNormalisation) {
    nlohmann::json config = load_config();
    merge_config(config, {{"evaluate",
                           {{"columns", {{"control", "Metadata_Compound"}}},
                            {"negative_control", "DMSO"},
                            {"normalise", {{"method", "robust_mad"}}},
                            {"moa", {{"similarity", "pearson"}}}}}});
    const EvaluationSettings settings = EvaluationSettings::from_config(config);
    EXPECT_EQ(settings.moa.similarity, SimilarityMeasure::pearson);
    EXPECT_EQ(settings.normalisation.method, NormalisationMethod::robust_mad);
    EXPECT_EQ(settings.normalisation.control_column, "Metadata_Compound");
    EXPECT_EQ(settings.normalisation.control_value, "DMSO");
}

TEST(EvaluationSettings, WrongValueOrTypeIsAUsageError) {
    nlohmann::json config = load_config();
    config["evaluate"]["moa"]["similarity"] = "euclid";
    EXPECT_THROW(EvaluationSettings::from_config(config), UsageError);
    config = load_config();
    config["evaluate"]["moa"]["map_permutations"] = "many";
    EXPECT_THROW(EvaluationSettings::from_config(config), UsageError);
    config = load_config();
    config["evaluate"]["transform"]["whitening"] = "pca";
    EXPECT_THROW(EvaluationSettings::from_config(config), UsageError);
}

}  // namespace
}  // namespace hcs
