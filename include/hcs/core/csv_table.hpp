// A CSV file as text cells: the header and the rows, parsed with libcsv (RFC 4180 quoting).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hcs {

struct CsvTable {
    std::filesystem::path path;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    // Index of a column; InputError naming the file and column when it is absent.
    std::size_t column(const std::string& name) const;
    std::optional<std::size_t> find_column(const std::string& name) const;
};

// Reads a CSV (optionally .gz or .xz). Every row must have as many cells as the header;
// InputError names the file and line otherwise.
CsvTable read_csv(const std::filesystem::path& path);

// Parses CSV text already in memory; `source` names it in errors.
CsvTable parse_csv(const std::string& text, const std::filesystem::path& source);

// Quotes a cell for writing when it holds a comma, quote or line break.
std::string csv_quote(const std::string& cell);

}  // namespace hcs
