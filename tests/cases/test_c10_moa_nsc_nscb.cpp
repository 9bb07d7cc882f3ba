// Case c10 (shared/cases/c10-moa-nsc-nscb): cosine 1-NN MOA prediction of 8 treatments under
// NSC and NSCB with DMSO rows excluded; expected predictions and accuracies (6/8, 7/8) come
// from the cosine matrix worked by hand in the case README.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "hcs/core/feature_table.hpp"
#include "hcs/evaluate/evaluation.hpp"
#include "hcs/evaluate/evaluation_report.hpp"

namespace hcs {
namespace {

const std::filesystem::path kCase =
    std::filesystem::path(HCS_SHARED_DIR) / "cases/c10-moa-nsc-nscb";

nlohmann::json evaluate_case(const nlohmann::json& spec) {
    const FeatureTable profiles =
        read_feature_table(kCase / spec["inputs"]["profiles"].get<std::string>());
    EvaluationSettings settings;
    settings.columns.control = spec["settings"]["control_column"];
    settings.negative_control = spec["settings"]["control_value"];
    settings.columns.moa = spec["settings"]["moa_column"];
    settings.columns.compound = spec["settings"]["compound_column"];
    settings.columns.batch = spec["settings"]["batch_column"];
    settings.moa.similarity = parse_similarity_measure(spec["settings"]["similarity"]);
    settings.moa.average_to_treatments = false;  // the rows are treatments already
    settings.moa.map_permutations = 10;
    settings.plots = false;
    return evaluation_report_json(evaluate_profiles(profiles, settings), settings);
}

// The report's prediction for one treatment under `rule`, or null.
nlohmann::json prediction(const nlohmann::json& report, const std::string& rule,
                          const nlohmann::json& row) {
    for (const auto& entry : report["moa"][rule]["predictions"]) {
        if (entry["Metadata_Compound"] == row["Metadata_Compound"] &&
            std::strtod(entry["Metadata_Concentration"].get<std::string>().c_str(), nullptr) ==
                row["Metadata_Concentration"].get<double>()) {
            return entry;
        }
    }
    return nullptr;
}

TEST(CaseC10, NearestNeighbourPredictionsAndAccuraciesMatchHandWorkedCosines) {
    std::ifstream stream(kCase / "case.json");
    const nlohmann::json spec = nlohmann::json::parse(stream);
    const nlohmann::json report = evaluate_case(spec);

    for (const auto& expected : spec["expected"]) {
        const std::string feature = expected["feature"];
        const std::string rule = feature.substr(feature.rfind('_') + 1);
        if (feature.rfind("Predicted_MOA_", 0) == 0) {
            const nlohmann::json found = prediction(report, rule, expected["row"]);
            ASSERT_FALSE(found.is_null()) << expected["row"].dump();
            EXPECT_EQ(found["Predicted_MOA"], expected["value"]) << rule << expected["row"].dump();
        } else if (feature.rfind("N_evaluated_", 0) == 0) {
            EXPECT_EQ(report["moa"][rule]["evaluated"], expected["value"]) << rule;
        } else {
            ASSERT_EQ(feature.rfind("Accuracy_", 0), 0u) << feature;
            EXPECT_NEAR(report["moa"][rule]["accuracy"].get<double>(),
                        expected["value"].get<double>(), expected["tol"].get<double>())
                << rule;
        }
    }
}

}  // namespace
}  // namespace hcs
