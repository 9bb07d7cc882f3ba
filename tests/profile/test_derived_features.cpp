// Tests of the nuclear/cytoplasmic GFP ratio read-out (BBBC013 FOXO1A translocation): a tiny
// synthetic well computed by hand, and one real well (A01) of the CellProfiler fixture
// recomputed here independently from the raw Nuclei and Cytoplasm CSVs.
#include "hcs/profile/derived_features.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <gtest/gtest.h>

#include "hcs/core/csv_table.hpp"
#include "hcs/profile/profile_run.hpp"

namespace hcs::profile {
namespace {

const std::filesystem::path kPlate =
    std::filesystem::path(HCS_SHARED_DIR) / "fixtures/cellprofiler/bbbc013-plate-percell";
const RatioFeature kGfpRatio{"Cells_Ratio_NucleiCytoplasm_MeanIntensity_GFP",
                             "Nuclei_Intensity_MeanIntensity_GFP",
                             "Cytoplasm_Intensity_MeanIntensity_GFP"};

TEST(RatioFeature, DividesPerCellAndGivesNaNForZeroDenominator) {
    FeatureTable cells;
    cells.feature_names = {kGfpRatio.numerator, kGfpRatio.denominator};
    cells.metadata = {{}, {}};
    cells.features.resize(2, 2);
    cells.features << 0.5, 0.25, 0.3, 0.0;
    add_ratio_features(cells, {kGfpRatio});
    EXPECT_DOUBLE_EQ(cells.features(0, 2), 2.0);
    EXPECT_TRUE(std::isnan(cells.features(1, 2)));
}

TEST(ThresholdClass, OneAboveZeroAtOrBelowNaNForNaN) {
    FeatureTable cells;
    cells.feature_names = {"Cells_Ratio"};
    cells.metadata = {{}, {}, {}};
    cells.features.resize(3, 1);
    cells.features << 1.5, 1.0, std::numeric_limits<double>::quiet_NaN();
    add_threshold_classes(cells, {{"Cells_Class_Nuclear", "Cells_Ratio", 1.0}});
    EXPECT_EQ(cells.features(0, 1), 1);
    EXPECT_EQ(cells.features(1, 1), 0);
    EXPECT_TRUE(std::isnan(cells.features(2, 1)));
}

TEST(RatioReadout, SyntheticWellMedianByHand) {
    // Ratios 0.5/0.25 = 2, 0.3/0.6 = 0.5, 0.4/0.4 = 1, and 0.2/0 (NaN, skipped): median 1.
    CellInput input;
    input.cells.metadata_names = {"Metadata_Plate", "Metadata_Well", "Metadata_ControlType"};
    input.cells.feature_names = {kGfpRatio.numerator, kGfpRatio.denominator};
    for (int cell = 0; cell < 4; ++cell) input.cells.metadata.push_back({"P1", "A01", "negative"});
    input.cells.features.resize(4, 2);
    input.cells.features << 0.5, 0.25, 0.3, 0.6, 0.4, 0.4, 0.2, 0.0;
    ProfileOptions options;
    options.ratios = {kGfpRatio};
    options.readouts = {kGfpRatio.name};
    options.aggregate.group_by = {"Metadata_Plate"};
    const FeatureTable readouts = run_profiling(input, options).readouts;
    ASSERT_EQ(readouts.rows(), 1u);
    EXPECT_DOUBLE_EQ(readouts.features(0, 0), 1.0);
}

// Median of nuclear / cytoplasmic mean GFP over the cells of ImageNumber 1 (well A01), from the
// two CSVs joined by ObjectNumber here, with a plain sort.
double fixture_well_a01_median_ratio() {
    const CsvTable nuclei = read_csv(kPlate / "Nuclei.csv.xz");
    const CsvTable cytoplasm = read_csv(kPlate / "Cytoplasm.csv.xz");
    std::map<std::string, double> cytoplasm_gfp;
    for (const auto& row : cytoplasm.rows) {
        if (row[cytoplasm.column("ImageNumber")] != "1") continue;
        cytoplasm_gfp[row[cytoplasm.column("ObjectNumber")]] =
            std::stod(row[cytoplasm.column("Intensity_MeanIntensity_GFP")]);
    }
    std::vector<double> ratios;
    for (const auto& row : nuclei.rows) {
        if (row[nuclei.column("ImageNumber")] != "1") continue;
        ratios.push_back(std::stod(row[nuclei.column("Intensity_MeanIntensity_GFP")]) /
                         cytoplasm_gfp.at(row[nuclei.column("ObjectNumber")]));
    }
    std::sort(ratios.begin(), ratios.end());
    const std::size_t n = ratios.size();  // 333 cells: the middle one
    return n % 2 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
}

TEST(RatioReadout, FixtureWellA01MatchesIndependentRecomputation) {
    ProfileOptions options = ProfileOptions::from_config(
        nlohmann::json::parse(R"({"profile": {"input": {"objects": ["Nuclei", "Cytoplasm"],
            "default_plate": "BBBC013"}, "normalise": {"method": "none"},
            "aggregate": {"group_by": ["Metadata_Compound"]}}})"));
    options.input.image_metadata = kPlate / "wells.csv";
    options.ratios = {kGfpRatio};
    options.readouts = {kGfpRatio.name};
    const FeatureTable readouts =
        run_profiling(read_cell_input({kPlate}, options.input), options).readouts;

    ASSERT_EQ(readouts.rows(), 48u);
    ASSERT_EQ(readouts.metadata[0][1], "A01");
    EXPECT_EQ(readouts.metadata[0][readouts.metadata_index("Metadata_Object_Count")], "333");
    EXPECT_NEAR(readouts.features(0, 0), fixture_well_a01_median_ratio(), 1e-12);
}

}  // namespace
}  // namespace hcs::profile
