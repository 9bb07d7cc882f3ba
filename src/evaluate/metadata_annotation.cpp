// Joins annotation CSVs onto profiles by key columns, renames metadata and derives a batch
// column from the plate name (BBBC021: the WeekN prefix, Ljosa et al. 2013).
#include "hcs/evaluate/metadata_annotation.hpp"

#include <cstdio>
#include <cstdlib>
#include <regex>

#include "hcs/core/errors.hpp"
#include "hcs/profile/image_metadata.hpp"

namespace hcs {
namespace {

std::vector<std::pair<std::string, std::string>> pairs_of(const nlohmann::json& json,
                                                          const char* key) {
    std::vector<std::pair<std::string, std::string>> pairs;
    if (!json.contains(key)) return pairs;
    for (const auto& [name, value] : json.at(key).items()) {
        pairs.emplace_back(name, value.get<std::string>());
    }
    return pairs;
}

}  // namespace

AnnotationJoin AnnotationJoin::from_json(const nlohmann::json& json) {
    AnnotationJoin join;
    try {
        join.file = json.at("file").get<std::string>();
        join.keys = pairs_of(json, "keys");
        join.columns = pairs_of(json, "columns");
    } catch (const nlohmann::json::exception& error) {
        throw UsageError("annotation join " + json.dump() + ": " + error.what());
    }
    if (join.keys.empty()) throw UsageError("annotation join of " + join.file + " has no keys");
    return join;
}

std::string canonical_key(const std::string& cell) {
    if (cell.empty()) return cell;
    char* end = nullptr;
    const double value = std::strtod(cell.c_str(), &end);
    if (*end != '\0') return cell;
    char text[32];
    std::snprintf(text, sizeof(text), "%.12g", value);
    return text;
}

std::size_t join_annotation(FeatureTable& table, const CsvTable& annotation,
                            const AnnotationJoin& join) {
    std::vector<std::size_t> profile_keys, file_keys, file_columns, profile_columns;
    for (const auto& [profile_column, file_column] : join.keys) {
        profile_keys.push_back(table.metadata_index(profile_column));
        if (profile_keys.back() == FeatureTable::npos) {
            throw InputError("profiles have no column " + profile_column + " to join " +
                             annotation.path.string() + " on");
        }
        file_keys.push_back(annotation.column(file_column));
    }
    for (const auto& [profile_column, file_column] : join.columns) {
        file_columns.push_back(annotation.column(file_column));
        profile_columns.push_back(profile::add_metadata_column(table, profile_column));
    }

    std::map<std::vector<std::string>, std::size_t> first_row;
    for (std::size_t row = 0; row < annotation.rows.size(); ++row) {
        std::vector<std::string> key;
        for (std::size_t column : file_keys)
            key.push_back(canonical_key(annotation.rows[row][column]));
        first_row.emplace(std::move(key), row);
    }

    std::size_t matched = 0;
    for (auto& metadata : table.metadata) {
        std::vector<std::string> key;
        for (std::size_t column : profile_keys) key.push_back(canonical_key(metadata[column]));
        const auto found = first_row.find(key);
        if (found == first_row.end()) continue;
        ++matched;
        for (std::size_t i = 0; i < file_columns.size(); ++i) {
            metadata[profile_columns[i]] = annotation.rows[found->second][file_columns[i]];
        }
    }
    return matched;
}

void rename_metadata(FeatureTable& table, const std::map<std::string, std::string>& names) {
    for (auto& name : table.metadata_names) {
        const auto found = names.find(name);
        if (found != names.end()) name = found->second;
    }
}

void derive_metadata(FeatureTable& table, const std::string& source, const std::string& pattern,
                     const std::string& target) {
    const std::size_t from = table.metadata_index(source);
    if (from == FeatureTable::npos) throw InputError("profiles have no column " + source);
    std::regex expression;
    try {
        expression = std::regex(pattern);
    } catch (const std::regex_error&) {
        throw UsageError("pattern '" + pattern + "' for " + target + " is not a valid regex");
    }
    const std::size_t to = profile::add_metadata_column(table, target);
    for (auto& row : table.metadata) {
        std::smatch match;
        if (!std::regex_search(row[from], match, expression) || match.size() < 2) {
            throw InputError("column " + source + " value '" + row[from] +
                             "' does not match pattern " + pattern);
        }
        row[to] = match[1].str();
    }
}

}  // namespace hcs
