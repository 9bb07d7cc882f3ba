// Every per-cell (or per-well) input hcs-profile accepts, read into one table with its per-image
// metadata: our own FeatureTable files (HDF5, CSV), CellProfiler's spreadsheet export (a folder
// with Image.csv and one CSV per object) and CellProfiler's SQLite export.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"

namespace hcs::profile {

struct InputOptions {
    std::vector<std::string> objects = {"Cells", "Cytoplasm", "Nuclei"};  // first = one row each
    std::string image_table = "Image";         // stem of CellProfiler's per-image CSV
    std::string sqlite_table_prefix = "Per_";  // ExportToDatabase's table prefix
    std::filesystem::path images;              // per-image table for our own cell tables
    std::filesystem::path image_metadata;      // CSV joined on `image_metadata_key`
    std::string image_metadata_key = "ImageNumber";
    std::filesystem::path plate_map;  // CSV joined on the well
    std::string plate_map_well_column = "Well";
    std::string default_plate = "Plate1";  // Metadata_Plate where the input has none
};

struct CellInput {
    FeatureTable cells;   // Metadata_*, ImageNumber, ObjectNumber, features
    FeatureTable images;  // one metadata row per image: ImageNumber and Metadata_*
    std::vector<std::string> files;
    bool per_well = false;  // the input already holds one row per well (Metadata_Object_Count)
};

// Reads and concatenates `inputs` (files or folders). InputError names a file that cannot be read,
// or whose columns differ from the first input's.
CellInput read_cell_input(const std::vector<std::filesystem::path>& inputs,
                          const InputOptions& options);

}  // namespace hcs::profile
