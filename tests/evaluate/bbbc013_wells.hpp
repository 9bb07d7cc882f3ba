// Test helper (not a test): BBBC013 well profiles computed from CellProfiler's per-cell tables
// (fixtures/cellprofiler/bbbc013-plate-percell): per cell the ratio of nuclear to cytoplasmic
// mean GFP intensity, per well the median over its cells, with the plate map's metadata.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "hcs/core/csv_table.hpp"
#include "hcs/core/feature_table.hpp"

namespace hcs::testing {

inline const std::string kGfpRatio = "Median_Intensity_NucleusCytoplasmRatio_GFP";

inline double median_of(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
}

// One row per well (48), metadata Metadata_Plate, Metadata_Well, Metadata_Compound,
// Metadata_Concentration, Metadata_ControlType; one feature, kGfpRatio.
inline FeatureTable bbbc013_gfp_ratio_wells() {
    const std::filesystem::path fixture =
        std::filesystem::path(HCS_SHARED_DIR) / "fixtures/cellprofiler/bbbc013-plate-percell";
    const CsvTable nuclei = read_csv(fixture / "Nuclei.csv.xz");
    const CsvTable cytoplasm = read_csv(fixture / "Cytoplasm.csv.xz");
    const CsvTable wells = read_csv(fixture / "wells.csv");

    // Rows of the two object tables correspond one to one (fixture README).
    const std::size_t image = nuclei.column("ImageNumber");
    const std::size_t nuclear_gfp = nuclei.column("Intensity_MeanIntensity_GFP");
    const std::size_t cytoplasmic_gfp = cytoplasm.column("Intensity_MeanIntensity_GFP");
    std::map<std::string, std::vector<double>> ratios;
    for (std::size_t row = 0; row < nuclei.rows.size(); ++row) {
        ratios[nuclei.rows[row][image]].push_back(
            std::strtod(nuclei.rows[row][nuclear_gfp].c_str(), nullptr) /
            std::strtod(cytoplasm.rows[row][cytoplasmic_gfp].c_str(), nullptr));
    }

    FeatureTable table;
    table.metadata_names = {"Metadata_Plate", "Metadata_Well", "Metadata_Compound",
                            "Metadata_Concentration", "Metadata_ControlType"};
    table.feature_names = {kGfpRatio};
    table.features.resize(static_cast<Eigen::Index>(wells.rows.size()), 1);
    for (std::size_t row = 0; row < wells.rows.size(); ++row) {
        const auto& well = wells.rows[row];
        table.metadata.push_back(
            {"BBBC013", well[wells.column("Well")], well[wells.column("Compound")],
             well[wells.column("Concentration")], well[wells.column("ControlType")]});
        table.features(static_cast<Eigen::Index>(row), 0) =
            median_of(ratios.at(well[wells.column("ImageNumber")]));
    }
    return table;
}

}  // namespace hcs::testing
