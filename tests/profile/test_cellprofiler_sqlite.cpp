// Tests of reading the NF1 CellProfiler SQLite export (../shared/data/nf1-plate1-cellprofiler-
// sqlite): row counts and cells per well as its README states them.
#include "hcs/profile/cellprofiler_sqlite.hpp"

#include <map>

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"
#include "hcs/profile/cell_input.hpp"

namespace hcs::profile {
namespace {

const std::filesystem::path kNf1 =
    std::filesystem::path(HCS_SHARED_DIR) / "data/nf1-plate1-cellprofiler-sqlite";

TEST(CellProfilerSqlite, ReadsGzippedExportTablesWithReadmeRowCounts) {
    const SqliteExport exported =
        read_cellprofiler_sqlite(kNf1 / "all_cellprofiler.sqlite.gz", {"Cells", "Nuclei"});
    EXPECT_EQ(exported.images.rows(), 32u);             // README: Per_Image 32 rows
    EXPECT_EQ(exported.objects[0].table.rows(), 242u);  // Per_Cells
    EXPECT_EQ(exported.objects[1].table.rows(), 433u);  // Per_Nuclei
    EXPECT_NE(exported.images.metadata_index("Metadata_Well"), FeatureTable::npos);
    EXPECT_NE(exported.objects[0].table.feature_index("Cells_Parent_Nuclei"), FeatureTable::npos);
}

TEST(CellProfilerSqlite, CellsPerWellMatchReadmeAfterPlateMapJoin) {
    InputOptions options;
    options.plate_map = kNf1 / "platemap_NF1_CP.csv";
    options.plate_map_well_column = "well_position";
    const CellInput input = read_cell_input({kNf1 / "all_cellprofiler.sqlite.gz"}, options);
    std::map<std::string, int> per_well;
    const std::size_t well = input.cells.metadata_index("Metadata_Well");
    const std::size_t genotype = input.cells.metadata_index("Metadata_genotype");
    for (const auto& row : input.cells.metadata) {
        ++per_well[row[well]];
        EXPECT_EQ(row[genotype], row[well].back() == '6' ? "WT" : "Het");  // plate map: column 6 WT
    }
    // README: C6 25, C7 21, D6 7, D7 29, E6 14, E7 56, F6 23, F7 67.
    EXPECT_EQ(per_well, (std::map<std::string, int>{{"C06", 25},
                                                    {"C07", 21},
                                                    {"D06", 7},
                                                    {"D07", 29},
                                                    {"E06", 14},
                                                    {"E07", 56},
                                                    {"F06", 23},
                                                    {"F07", 67}}));
}

TEST(CellProfilerSqlite, MissingTableIsAnInputError) {
    EXPECT_THROW(read_cellprofiler_sqlite(kNf1 / "all_cellprofiler.sqlite.gz", {"Organelles"}),
                 InputError);
}

}  // namespace
}  // namespace hcs::profile
