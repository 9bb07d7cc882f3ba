// Runs a measurement case of ../shared/cases through hcs-measure's per-image-set work
// (measure_and_write, the function the binary calls) and looks up its expected values.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "hcs/core/config.hpp"
#include "hcs/core/feature_table.hpp"
#include "hcs/measure/family_runner.hpp"
#include "hcs/measure/measure_stage.hpp"

namespace measure_case {

namespace fs = std::filesystem;

inline nlohmann::json read_case(const fs::path& folder) {
    std::ifstream in(folder / "case.json");
    return nlohmann::json::parse(in);
}

// The image set of the case's first row: FileName_<channel> and ObjectsFileName_<object> taken
// relative to `folder`.
inline hcs::ImageSet image_set_of(const nlohmann::json& row, const fs::path& folder) {
    hcs::ImageSet image_set;
    image_set.image_number = row.at("ImageNumber").get<int>();
    image_set.plate = row.at("Metadata_Plate").get<std::string>();
    image_set.well = row.at("Metadata_Well").get<std::string>();
    image_set.site = "1";
    image_set.metadata = {{"Metadata_Plate", image_set.plate},
                          {"Metadata_Well", image_set.well},
                          {"Metadata_Site", image_set.site}};
    for (const auto& [key, value] : row.items()) {
        if (key.rfind("FileName_", 0) == 0)
            image_set.channel_files[key.substr(9)] = folder / value.get<std::string>();
        if (key.rfind("ObjectsFileName_", 0) == 0)
            image_set.object_files[key.substr(16)] = folder / value.get<std::string>();
    }
    return image_set;
}

struct Tables {
    hcs::FeatureTable cells, images;
};

// Measures with the project's defaults and writes CSV into `output`, then reads it back.
inline Tables run(const hcs::ImageSet& image_set, const std::vector<std::string>& channels,
                  const fs::path& output) {
    hcs::measure::MeasureRun run;
    run.config = hcs::load_config();
    run.settings = hcs::measure::MeasureSettings::from_json(run.config);
    run.settings.channels = channels;
    run.output = output;
    run.format = "csv";
    hcs::measure::measure_and_write(image_set, run);
    return {hcs::read_feature_table(output / "cells" / (image_set.name() + ".csv")),
            hcs::read_feature_table(output / "images" / (image_set.name() + ".csv"))};
}

// CellProfiler holds pixels as float32, so intensity-derived values agree with the exact
// arithmetic of the case READMEs only to float32 precision (c01, c04 READMEs): allow 2^-22 of
// the value's magnitude (at least of 1) for those features.
inline double tolerance_for(const std::string& feature, double value, double tol) {
    const bool from_pixels = feature.find("Intensity") != std::string::npos;
    return from_pixels ? std::max(tol, std::ldexp(1.0, -22) * std::max(std::abs(value), 1.0)) : tol;
}

// Checks one "expected" entry; returns false (without failing) when its family is not built.
inline void check(const Tables& tables, const nlohmann::json& expected) {
    const std::string feature = expected.at("feature");
    const double value = expected.at("value");
    const double tol = tolerance_for(feature, value, expected.at("tol"));
    if (feature == "@rows") {
        EXPECT_EQ(static_cast<double>(tables.cells.rows()), value);
        return;
    }
    const bool image = expected.at("table") == "image";
    const hcs::FeatureTable& table = image ? tables.images : tables.cells;
    const std::size_t column = table.feature_index(feature);
    ASSERT_NE(column, hcs::FeatureTable::npos) << feature << " missing";
    const int row = image ? 0 : expected.at("row").at("ObjectNumber").get<int>() - 1;
    EXPECT_NEAR(table.features(row, column), value, tol) << feature;
}

}  // namespace measure_case
