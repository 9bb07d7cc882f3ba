// Adding metadata to profiles: joining annotation tables (image index, MOA list) on key
// columns, renaming columns, and deriving a column (the batch) from another by a pattern.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "hcs/core/csv_table.hpp"
#include "hcs/core/feature_table.hpp"

namespace hcs {

// One join: rows of `file` match a profile when every key pair holds equal values (numbers
// compared as numbers, so "0.3" matches "0.300000"); the first matching row supplies the
// added columns. Profiles without a match get empty cells.
struct AnnotationJoin {
    std::string file;
    std::vector<std::pair<std::string, std::string>> keys;     // profile column, file column
    std::vector<std::pair<std::string, std::string>> columns;  // new profile column, file column

    // {"file": ..., "keys": {"Metadata_Plate": "Image_Metadata_Plate_DAPI"}, "columns": {...}}
    static AnnotationJoin from_json(const nlohmann::json& json);
};

// Joins `annotation` (already read) into the table. InputError naming the file and column when
// a key or added column is missing. Returns the number of profile rows that found a match.
std::size_t join_annotation(FeatureTable& table, const CsvTable& annotation,
                            const AnnotationJoin& join);

// Renames metadata columns (old name -> new name); absent old names are ignored.
void rename_metadata(FeatureTable& table, const std::map<std::string, std::string>& names);

// Adds (or replaces) column `target` with the first capture group of `pattern` (ECMAScript)
// searched in column `source`: "Week4_27481" with "^(Week[0-9]+)_" gives "Week4". InputError
// naming the value when it does not match.
void derive_metadata(FeatureTable& table, const std::string& source, const std::string& pattern,
                     const std::string& target);

// A key cell as compared in joins: a number in canonical form, any other text unchanged.
std::string canonical_key(const std::string& cell);

}  // namespace hcs
