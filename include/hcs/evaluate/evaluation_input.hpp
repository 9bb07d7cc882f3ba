// Reading the profiles an evaluation starts from and bringing their metadata into the names
// the evaluation uses: extra metadata columns, renames, annotation joins, derived columns.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hcs/core/feature_table.hpp"

namespace hcs {

// Reads `path` (CSV, CSV.gz or HDF5 profiles) and applies the "/evaluate/input" section of
// `config`: "metadata_columns" (read as text), "rename" {old: new}, "annotations" (joins, see
// AnnotationJoin; files relative to `data_root` unless absolute or present as given) and
// "derive" [{"source", "pattern", "target"}]. Every file read is appended to `inputs`.
FeatureTable read_evaluation_input(const std::filesystem::path& path, const nlohmann::json& config,
                                   const std::filesystem::path& data_root,
                                   std::vector<std::string>* inputs = nullptr);

}  // namespace hcs
