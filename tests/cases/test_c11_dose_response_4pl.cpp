// Case c11 (shared/cases/c11-dose-response-4pl): 4PL fits of an exact curve (Bottom 0.1, Top
// 0.9, EC50 1, Hill 1.5 by construction) and of a noisy copy (optimum from scipy.optimize,
// recorded in case.json).
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

const std::filesystem::path kCase =
    std::filesystem::path(HCS_SHARED_DIR) / "cases/c11-dose-response-4pl";

TEST(CaseC11, FourParameterLogisticRecoversExactAndNoisyOptima) {
    std::ifstream stream(kCase / "case.json");
    const nlohmann::json spec = nlohmann::json::parse(stream);
    const FeatureTable cells =
        read_feature_table(kCase / spec["inputs"]["cells"].get<std::string>());
    // The profile step (well mean; one cell per well), done by the evaluate module here.
    const FeatureTable wells = average_profiles(cells, {"Metadata_Plate", "Metadata_Well"});

    const auto& dose = spec["settings"]["dose_response"];
    EvaluationSettings settings;
    settings.columns.concentration = dose["concentration_column"];
    settings.columns.compound = dose["group"];
    settings.dose_response.enabled = true;
    settings.dose_response.features = dose["features"].get<std::vector<std::string>>();
    settings.moa.enabled = false;
    settings.plots = false;
    const nlohmann::json report =
        evaluation_report_json(evaluate_profiles(wells, settings), settings);

    for (const auto& expected : spec["expected"]) {
        const auto found = std::find_if(
            report["dose_response"].begin(), report["dose_response"].end(), [&](const auto& row) {
                return row["Metadata_Compound"] == expected["row"]["Metadata_Compound"] &&
                       row["feature"] == expected["feature"];
            });
        ASSERT_NE(found, report["dose_response"].end()) << expected.dump();
        EXPECT_NEAR((*found)[expected["stat"].get<std::string>()].get<double>(),
                    expected["value"].get<double>(), expected["tol"].get<double>())
            << expected["feature"] << " " << expected["stat"];
    }
}

}  // namespace
}  // namespace hcs
