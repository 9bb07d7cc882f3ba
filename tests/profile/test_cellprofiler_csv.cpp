// Tests of reading CellProfiler spreadsheet exports: the BBBC013 plate fixture (row and column
// counts from its README) and a malformed cell.
#include "hcs/profile/cellprofiler_csv.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs::profile {
namespace {

const std::filesystem::path kPlate =
    std::filesystem::path(HCS_SHARED_DIR) / "fixtures/cellprofiler/bbbc013-plate-percell";

TEST(CellProfilerCsv, ReadsFixtureObjectTableWithPrefixedFeatures) {
    const ObjectTable nuclei =
        read_cellprofiler_object_csv(find_table_file(kPlate, "Nuclei"), "Nuclei");
    EXPECT_EQ(nuclei.table.rows(), 9480u);               // README: 9480 rows
    EXPECT_EQ(nuclei.table.feature_names.size(), 280u);  // 282 columns minus the two keys
    EXPECT_EQ(nuclei.table.feature_names[0], "Nuclei_AreaShape_Area");
    EXPECT_DOUBLE_EQ(nuclei.table.features(0, 0), 113);  // first row of Nuclei.csv
}

TEST(CellProfilerCsv, ImageTableKeepsOnlyMetadata) {
    const FeatureTable images = read_cellprofiler_image_csv(find_table_file(kPlate, "Image"));
    EXPECT_EQ(images.rows(), 48u);
    EXPECT_EQ(images.metadata_names[0], "ImageNumber");
    EXPECT_NE(images.metadata_index("Metadata_WellRow"), FeatureTable::npos);
    EXPECT_EQ(images.metadata_index("Count_Nuclei"), FeatureTable::npos);
}

TEST(CellProfilerCsv, TextInAFeatureIsAnInputErrorNamingTheColumn) {
    const auto file = std::filesystem::temp_directory_path() / "hcs_profile_bad_nuclei.csv";
    std::ofstream(file) << "ImageNumber,ObjectNumber,AreaShape_Area\n1,1,large\n";
    try {
        read_cellprofiler_object_csv(file, "Nuclei");
        FAIL() << "no error";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find("AreaShape_Area"), std::string::npos);
        EXPECT_NE(std::string(error.what()).find("large"), std::string::npos);
    }
    std::filesystem::remove(file);
}

}  // namespace
}  // namespace hcs::profile
