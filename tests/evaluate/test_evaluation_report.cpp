// Tests of the report writer: every file is written, NaN figures become JSON null, and the
// confusion CSV holds the counts of the evaluation.
#include "hcs/evaluate/evaluation_report.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "hcs/core/csv_table.hpp"

namespace hcs {
namespace {

// Three treatments of three compounds: two of MOA X close together, one Y far away; hand:
// NSC predictions X->X, X->X, Y->X (2/3).
EvaluationResult small_result(EvaluationSettings& settings) {
    FeatureTable profiles;
    profiles.metadata_names = {"Metadata_Compound", "Metadata_Concentration", "Metadata_MOA"};
    profiles.metadata = {{"a", "1", "X"}, {"b", "1", "X"}, {"c", "1", "Y"}};
    profiles.feature_names = {"f", "g"};
    profiles.features.resize(3, 2);
    profiles.features << 1, 0, 1, 0.1, 0, 1;
    settings.moa.average_to_treatments = false;
    settings.moa.rules = {NeighbourExclusion::nsc};
    settings.moa.map_permutations = 10;
    settings.dose_response.enabled = true;
    settings.dose_response.features = {};
    return evaluate_profiles(profiles, settings);
}

TEST(EvaluationReport, WritesJsonCsvAndPngFiles) {
    EvaluationSettings settings;
    EvaluationResult result = small_result(settings);
    // A failed fit: NaN figures must appear as null, not as a number.
    result.dose_response.push_back({"a", "f", {1, 2}, {1, 2}, {}});
    result.dose_response.back().fit.curve = {NAN, NAN, NAN, NAN};
    result.dose_response.back().fit.r_squared = NAN;

    const auto folder = std::filesystem::temp_directory_path() / "hcs-evaluation-report-test";
    std::filesystem::remove_all(folder);
    write_evaluation_outputs(result, settings, folder, {{"stage", "test"}});
    for (const char* file : {"report.json", "moa_predictions.csv", "confusion_NSC.csv",
                             "confusion_NSC.png", "dose_response.csv", "dose_response_a_f.png"}) {
        EXPECT_TRUE(std::filesystem::exists(folder / file)) << file;
    }

    std::ifstream stream(folder / "report.json");
    const nlohmann::json report = nlohmann::json::parse(stream);
    EXPECT_EQ(report["moa"]["NSC"]["correct"], 2);
    EXPECT_TRUE(report["dose_response"][0]["EC50"].is_null());
    EXPECT_EQ(report["provenance"]["stage"], "test");

    const CsvTable confusion = read_csv(folder / "confusion_NSC.csv");
    ASSERT_EQ(confusion.header, (std::vector<std::string>{"True_MOA", "X", "Y"}));
    EXPECT_EQ(confusion.rows[0], (std::vector<std::string>{"X", "2", "0"}));
    EXPECT_EQ(confusion.rows[1], (std::vector<std::string>{"Y", "1", "0"}));
}

}  // namespace
}  // namespace hcs
