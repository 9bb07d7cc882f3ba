// Case c03 (../shared/cases/c03-empty-images), its profile part: two imaged wells without any
// nucleus give well profiles with Metadata_Object_Count 0 and NaN mean and median features.
// Input: the header-only per-cell table the case requires of hcs-measure, and the case's image
// sets as the per-image table. Expected values: case.json (hand).
#include <cmath>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "hcs/profile/profile_run.hpp"

namespace hcs::profile {
namespace {

const std::filesystem::path kCase =
    std::filesystem::path(HCS_SHARED_DIR) / "cases/c03-empty-images";

struct CaseFiles {
    std::filesystem::path folder = std::filesystem::temp_directory_path() / "hcs_case_c03_profile";
    std::filesystem::path cells = folder / "cells.csv";
    std::filesystem::path images = folder / "images.csv";
};

CaseFiles write_inputs(const nlohmann::json& image_sets) {
    CaseFiles files;
    std::filesystem::create_directories(files.folder);
    std::ofstream(files.cells) << "Metadata_Plate,Metadata_Well,ImageNumber,ObjectNumber,"
                                  "Nuclei_AreaShape_Area,Nuclei_Intensity_MeanIntensity_DNA,"
                                  "Nuclei_Intensity_IntegratedIntensity_DNA\n";
    std::ofstream images(files.images);
    images << "ImageNumber,Metadata_Plate,Metadata_Well\n";
    for (const auto& image : image_sets) {
        images << image["ImageNumber"].get<int>() << ","
               << image["Metadata_Plate"].get<std::string>() << ","
               << image["Metadata_Well"].get<std::string>() << "\n";
    }
    return files;
}

FeatureTable wells_by(const std::string& method, const CaseFiles& files) {
    ProfileOptions options;
    options.method = parse_profile_method(method);
    options.input.images = files.images;
    options.aggregate.group_by = {"Metadata_Plate"};
    return run_profiling(read_cell_input({files.cells}, options.input), options).wells;
}

TEST(CaseC03, WellsWithoutCellsHaveCountZeroAndNaNProfiles) {
    std::ifstream stream(kCase / "case.json");
    const nlohmann::json spec = nlohmann::json::parse(stream);
    const CaseFiles files = write_inputs(spec["inputs"]["image_sets"]);
    const std::map<std::string, FeatureTable> by_stat = {{"mean", wells_by("mean", files)},
                                                         {"median", wells_by("median", files)}};
    int checked = 0;
    for (const auto& item : spec["expected"]) {
        if (item["table"] != "wells") continue;
        const FeatureTable& wells = by_stat.at(item.value("stat", "mean"));
        std::size_t row = 0;
        while (row < wells.rows() && wells.metadata[row][1] != item["row"]["Metadata_Well"]) ++row;
        ASSERT_LT(row, wells.rows()) << item["row"].dump();
        const std::string feature = item["feature"];
        if (feature == "Metadata_Object_Count") {
            EXPECT_EQ(wells.metadata[row][wells.metadata_index(feature)], "0");
        } else {
            ASSERT_EQ(item["value"], "NaN");
            EXPECT_TRUE(std::isnan(wells.features(row, wells.feature_index(feature)))) << feature;
        }
        ++checked;
    }
    EXPECT_EQ(checked, 14);
    std::filesystem::remove_all(files.folder);
}

}  // namespace
}  // namespace hcs::profile
