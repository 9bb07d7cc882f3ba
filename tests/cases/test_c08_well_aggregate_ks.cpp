// Case c08 (../shared/cases/c08-well-aggregate-ks): per-well mean, median and signed KS of the
// case's cells.csv against the plate's pooled negative-control cells, run through the same
// library call as hcs-profile. Expected values: case.json (hand-derived, scipy cross-check).
#include <cmath>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "hcs/profile/profile_run.hpp"

namespace hcs::profile {
namespace {

const std::filesystem::path kCase =
    std::filesystem::path(HCS_SHARED_DIR) / "cases/c08-well-aggregate-ks";

nlohmann::json read_case() {
    std::ifstream stream(kCase / "case.json");
    return nlohmann::json::parse(stream);
}

// The case's settings: no normalisation (values are compared raw), controls = negative.
FeatureTable wells_by(const std::string& method) {
    ProfileOptions options;
    options.method = parse_profile_method(method);
    options.normalise.method = Normalisation::none;
    CellInput input = read_cell_input({kCase / "cells.csv"}, options.input);
    return run_profiling(std::move(input), options).wells;
}

std::size_t row_of(const FeatureTable& wells, const nlohmann::json& key) {
    for (std::size_t row = 0; row < wells.rows(); ++row) {
        bool match = true;
        for (const auto& [column, value] : key.items()) {
            match = match &&
                    wells.metadata[row][wells.metadata_index(column)] == value.get<std::string>();
        }
        if (match) return row;
    }
    ADD_FAILURE() << "no well " << key.dump();
    return 0;
}

TEST(CaseC08, WellMeanMedianAndSignedKsMatchHandDerivation) {
    const nlohmann::json expected = read_case()["expected"];
    std::map<std::string, FeatureTable> by_stat = {
        {"mean", wells_by("mean")}, {"median", wells_by("median")}, {"ks", wells_by("ks")}};
    int checked = 0;
    for (const auto& item : expected) {
        const std::string feature = item["feature"];
        const std::string stat = item.value("stat", "mean");
        const FeatureTable& wells = by_stat.at(stat);
        const std::size_t row = row_of(wells, item["row"]);
        const double value = item["value"];
        double actual;
        if (feature == "Metadata_Object_Count") {
            actual = std::stod(wells.metadata[row][wells.metadata_index(feature)]);
        } else {
            actual = wells.features(row, wells.feature_index(feature));
        }
        EXPECT_NEAR(actual, value, item["tol"].get<double>())
            << feature << " " << stat << " " << item["row"].dump();
        ++checked;
    }
    EXPECT_EQ(checked, 21);
}

}  // namespace
}  // namespace hcs::profile
