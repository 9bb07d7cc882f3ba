// CellProfiler's ExportToSpreadsheet output: one CSV per object (Nuclei.csv, Cells.csv, ...)
// with ImageNumber, ObjectNumber and unprefixed features, and Image.csv with the metadata.
#pragma once

#include <filesystem>
#include <string>

#include "hcs/core/feature_table.hpp"
#include "hcs/profile/object_join.hpp"

namespace hcs::profile {

// <folder>/<stem>.csv, .csv.gz or .csv.xz, whichever exists; empty path when none does.
std::filesystem::path find_table_file(const std::filesystem::path& folder, const std::string& stem);

// One object's table with every feature prefixed "<object>_". InputError names the file, column
// and value of a cell that is not a number.
ObjectTable read_cellprofiler_object_csv(const std::filesystem::path& file,
                                         const std::string& object);

// Image.csv's ImageNumber and Metadata_* columns (metadata only, no features).
FeatureTable read_cellprofiler_image_csv(const std::filesystem::path& file);

}  // namespace hcs::profile
