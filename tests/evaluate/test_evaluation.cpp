// Tests of the whole evaluation on real BBBC021 per-well profiles (Ljosa et al. 2013 data),
// against the figures recorded in data/bbbc021-ljosa2013-profiles/README.md.
#include "hcs/evaluate/evaluation.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "hcs/core/config.hpp"
#include "hcs/evaluate/evaluation_input.hpp"

namespace hcs {
namespace {

const std::filesystem::path kShared(HCS_SHARED_DIR);
const std::filesystem::path kPerWellMeans =
    kShared / "data/bbbc021-ljosa2013-profiles/ljosa_jbiomolscreen_2013_per_well_mean.csv.gz";
const std::filesystem::path kReferenceConfig =
    std::filesystem::path(HCS_SOURCE_DIR) / "configs/bbbc021-reference.json";

EvaluationResult evaluate_bbbc021(const nlohmann::json& overlay) {
    nlohmann::json config = load_config(kReferenceConfig);
    merge_config(config, overlay);
    const FeatureTable wells = read_evaluation_input(kPerWellMeans, config, kShared / "data");
    EvaluationSettings settings = EvaluationSettings::from_config(config);
    settings.moa.map_permutations = 10;  // p-values are not under test here
    return evaluate_profiles(wells, settings);
}

// Expected: README of bbbc021-ljosa2013-profiles, "Reference result on the main file":
// whole-token rule, 467 features, NSC 85/103, NSCB 67/92.
TEST(Bbbc021Reference, WholeTokenRuleGivesNsc85Of103AndNscb67Of92) {
    const EvaluationResult result = evaluate_bbbc021(nlohmann::json::object());
    EXPECT_EQ(result.wells, 632u);
    EXPECT_EQ(result.features_compared, 467u);
    EXPECT_EQ(result.treatments.rows(), 103u);
    ASSERT_EQ(result.moa.size(), 2u);
    EXPECT_EQ(result.moa[0].evaluated, 103u);
    EXPECT_EQ(result.moa[0].correct, 85u);
    EXPECT_EQ(result.moa[1].evaluated, 92u);
    EXPECT_EQ(result.moa[1].correct, 67u);
}

// Expected: same README, substring rule: 452 features, NSC 84/103, NSCB 66/92.
TEST(Bbbc021Reference, SubstringRuleGivesNsc84Of103AndNscb66Of92) {
    const EvaluationResult result =
        evaluate_bbbc021({{"evaluate", {{"features", {{"match", "substring"}}}}}});
    EXPECT_EQ(result.features_compared, 452u);
    ASSERT_EQ(result.moa.size(), 2u);
    EXPECT_EQ(result.moa[0].evaluated, 103u);
    EXPECT_EQ(result.moa[0].correct, 84u);
    EXPECT_EQ(result.moa[1].evaluated, 92u);
    EXPECT_EQ(result.moa[1].correct, 66u);
}

// Expected: the figures recorded in docs/evaluation.md when configs/bbbc021-best.json was
// chosen (leave-one-compound-out selection, configs/bbbc021-selection.json): NSC 97/103,
// NSCB 73/92. A regression guard: a change of these counts must be explained.
TEST(Bbbc021Best, ChosenConfigurationKeepsItsRecordedAccuracies) {
    nlohmann::json config =
        load_config(std::filesystem::path(HCS_SOURCE_DIR) / "configs/bbbc021-best.json");
    const FeatureTable wells = read_evaluation_input(kPerWellMeans, config, kShared / "data");
    EvaluationSettings settings = EvaluationSettings::from_config(config);
    settings.moa.map_permutations = 10;
    const EvaluationResult result = evaluate_profiles(wells, settings);
    ASSERT_EQ(result.moa.size(), 2u);
    EXPECT_EQ(result.moa[0].correct, 97u);
    EXPECT_EQ(result.moa[1].correct, 73u);
    EXPECT_EQ(result.moa[1].evaluated, 92u);
}

// Selection between two candidates, the reference settings and the best ones. Expected (the
// rows of docs/evaluation.md): scores NSC + NSCB correct = 85 + 67 = 152 and 97 + 73 = 170 on
// all compounds, so the second is chosen and its figures reported.
TEST(Bbbc021Selection, LeaveOneCompoundOutPicksTheCandidateScoringBetter) {
    const nlohmann::json best = load_config(std::filesystem::path(HCS_SOURCE_DIR) /
                                            "configs/bbbc021-best.json")["evaluate"];
    const nlohmann::json overlay = {
        {"evaluate",
         {{"selection",
           {{"candidates",
             {nlohmann::json::object(),
              {{"normalise", best["normalise"]}, {"transform", best["transform"]}}}}}}}}};
    const EvaluationResult result = evaluate_bbbc021(overlay);
    ASSERT_TRUE(result.selected);
    EXPECT_EQ(result.selection.score_on_all, (std::vector<std::size_t>{152, 170}));
    EXPECT_EQ(result.selection.chosen_on_all, 1u);
    EXPECT_EQ(result.selection.compounds.size(), 38u);
    ASSERT_EQ(result.moa.size(), 2u);
    EXPECT_EQ(result.moa[0].correct, 97u);
    // The nested estimate can only use the two candidates' predictions.
    EXPECT_GE(result.selection.nested[0].correct, 85u);
    EXPECT_LE(result.selection.nested[0].correct, 103u);
}

}  // namespace
}  // namespace hcs
