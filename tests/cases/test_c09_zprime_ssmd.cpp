// Case c09 (shared/cases/c09-zprime-ssmd): Z'-factor and SSMD from three positive and three
// negative control wells for three features; expected values are hand arithmetic in case.json.
#include <cmath>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "hcs/core/feature_table.hpp"
#include "hcs/evaluate/evaluation.hpp"
#include "hcs/evaluate/evaluation_report.hpp"
#include "hcs/evaluate/treatment_profiles.hpp"

namespace hcs {
namespace {

const std::filesystem::path kCase = std::filesystem::path(HCS_SHARED_DIR) / "cases/c09-zprime-ssmd";

nlohmann::json read_case() {
    std::ifstream stream(kCase / "case.json");
    return nlohmann::json::parse(stream);
}

TEST(CaseC09, ZPrimeAndSsmdPerFeatureMatchHandArithmetic) {
    const nlohmann::json spec = read_case();
    const FeatureTable cells =
        read_feature_table(kCase / spec["inputs"]["cells"].get<std::string>());
    // The profile step (well mean of the cells; one cell per well here), done with the
    // evaluate module's own averaging until hcs-profile is linked.
    const FeatureTable wells = average_profiles(cells, {"Metadata_Plate", "Metadata_Well"});

    EvaluationSettings settings;
    settings.columns.control = spec["settings"]["control_column"];
    settings.positive_control = spec["settings"]["positive_value"];
    settings.negative_control = spec["settings"]["negative_value"];
    settings.moa.enabled = false;
    settings.plots = false;
    const nlohmann::json report =
        evaluation_report_json(evaluate_profiles(wells, settings), settings);

    for (const auto& expected : spec["expected"]) {
        const std::string plate = expected["row"]["Metadata_Plate"];
        const std::string feature = expected["feature"];
        const auto found =
            std::find_if(report["control_quality"].begin(), report["control_quality"].end(),
                         [&](const auto& row) {
                             return row["Metadata_Plate"] == plate && row["feature"] == feature;
                         });
        ASSERT_NE(found, report["control_quality"].end()) << plate << " " << feature;
        EXPECT_NEAR((*found)[expected["stat"].get<std::string>()].get<double>(),
                    expected["value"].get<double>(), expected["tol"].get<double>())
            << feature << " " << expected["stat"];
    }
}

}  // namespace
}  // namespace hcs
