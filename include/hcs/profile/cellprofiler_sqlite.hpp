// CellProfiler's ExportToDatabase SQLite output (single-table-per-object layout): Per_Image with
// Image_Metadata_* columns and Per_<Object> tables whose columns carry the object prefix.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"
#include "hcs/profile/object_join.hpp"

namespace hcs::profile {

struct SqliteExport {
    FeatureTable images;               // ImageNumber and Metadata_* (the "Image_" prefix dropped)
    std::vector<ObjectTable> objects;  // in the order asked for
};

// Reads the named objects' tables ("Cells" -> table Per_Cells, object number column
// Cells_Number_Object_Number). A gzip-compressed file (.gz) is decompressed into memory.
// InputError names the file and the table or column that is missing.
SqliteExport read_cellprofiler_sqlite(const std::filesystem::path& file,
                                      const std::vector<std::string>& objects,
                                      const std::string& table_prefix = "Per_");

}  // namespace hcs::profile
