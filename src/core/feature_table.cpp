// Per-cell tables and profiles as CSV (plain or gzip) and HDF5, in the layout of DESIGN.md §4.
#include "hcs/core/feature_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>

#include <zlib.h>

#include "hcs/core/atomic_file.hpp"
#include "hcs/core/csv_table.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/core/hdf5_io.hpp"

namespace hcs {
namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Shortest text that reads back as the same double; NaN is an empty cell.
void append_number(std::string& line, double value) {
    if (std::isnan(value)) return;
    char buffer[32];
    const int length = std::snprintf(buffer, sizeof(buffer), "%.17g", value);
    double round_trip = 0;
    for (int digits = 6; digits < 17; ++digits) {
        char shorter[32];
        const int shorter_length = std::snprintf(shorter, sizeof(shorter), "%.*g", digits, value);
        std::sscanf(shorter, "%lf", &round_trip);
        if (round_trip == value) {
            line.append(shorter, shorter_length);
            return;
        }
    }
    line.append(buffer, length);
}

std::string csv_text(const FeatureTable& table) {
    std::string text;
    std::string line;
    for (const auto& name : table.metadata_names) line += csv_quote(name) + ",";
    for (const auto& name : table.feature_names) line += csv_quote(name) + ",";
    if (!line.empty()) line.pop_back();
    text += line + "\n";
    for (std::size_t row = 0; row < table.rows(); ++row) {
        line.clear();
        for (const auto& cell : table.metadata[row]) line += csv_quote(cell) + ",";
        for (Eigen::Index column = 0; column < table.features.cols(); ++column) {
            append_number(line, table.features(row, column));
            line += ",";
        }
        if (!line.empty()) line.pop_back();
        text += line + "\n";
    }
    return text;
}

void write_csv_file(const std::string& text, const std::filesystem::path& path, bool gzip) {
    if (gzip) {
        gzFile file = gzopen(path.c_str(), "wb6");
        if (!file || gzwrite(file, text.data(), static_cast<unsigned>(text.size())) !=
                         static_cast<int>(text.size())) {
            if (file) gzclose(file);
            throw InputError(path.string() + ": cannot write");
        }
        gzclose(file);
        return;
    }
    std::ofstream stream(path, std::ios::binary);
    stream << text;
    if (!stream) throw InputError(path.string() + ": cannot write");
}

void write_hdf5_file(const FeatureTable& table, const std::filesystem::path& path,
                     const std::string& provenance_json) {
    H5::H5File file(path.string(), H5F_ACC_TRUNC);
    H5::Group root = file.openGroup("/");
    hdf5::write_attribute(root, "provenance", provenance_json);
    H5::Group metadata = file.createGroup("/metadata");
    hdf5::write_strings(root, "metadata_names", table.metadata_names);
    for (std::size_t column = 0; column < table.metadata_names.size(); ++column) {
        std::vector<std::string> values;
        values.reserve(table.rows());
        for (const auto& row : table.metadata) values.push_back(row[column]);
        hdf5::write_strings(metadata, table.metadata_names[column], values);
    }
    hdf5::write_strings(root, "feature_names", table.feature_names);
    hdf5::write_matrix(root, "features", table.features.data(), table.rows(),
                       table.feature_names.size());
}

bool is_metadata_name(const std::string& name, const std::vector<std::string>& extra) {
    if (name.rfind("Metadata_", 0) == 0 || name == "ImageNumber" || name == "ObjectNumber") {
        return true;
    }
    return std::find(extra.begin(), extra.end(), name) != extra.end();
}

double parse_number(const std::string& cell, const std::filesystem::path& path,
                    const std::string& column) {
    if (cell.empty() || cell == "nan" || cell == "NaN" || cell == "NA") {
        return std::numeric_limits<double>::quiet_NaN();
    }
    char* end = nullptr;
    const double value = std::strtod(cell.c_str(), &end);
    if (end == cell.c_str() || *end != '\0') {
        throw InputError(path.string() + ": column '" + column + "' holds '" + cell +
                         "', not a number");
    }
    return value;
}

FeatureTable read_csv_table(const std::filesystem::path& path,
                            const std::vector<std::string>& extra) {
    const CsvTable csv = read_csv(path);
    FeatureTable table;
    std::vector<std::size_t> metadata_columns, feature_columns;
    for (std::size_t i = 0; i < csv.header.size(); ++i) {
        if (is_metadata_name(csv.header[i], extra)) {
            metadata_columns.push_back(i);
            table.metadata_names.push_back(csv.header[i]);
        } else {
            feature_columns.push_back(i);
            table.feature_names.push_back(csv.header[i]);
        }
    }
    table.features.resize(csv.rows.size(), feature_columns.size());
    for (std::size_t row = 0; row < csv.rows.size(); ++row) {
        std::vector<std::string> metadata;
        for (std::size_t i : metadata_columns) metadata.push_back(csv.rows[row][i]);
        table.metadata.push_back(std::move(metadata));
        for (std::size_t j = 0; j < feature_columns.size(); ++j) {
            table.features(row, j) = parse_number(csv.rows[row][feature_columns[j]], path,
                                                  csv.header[feature_columns[j]]);
        }
    }
    return table;
}

FeatureTable read_hdf5_table(const std::filesystem::path& path) {
    H5::H5File file(path.string(), H5F_ACC_RDONLY);
    H5::Group root = file.openGroup("/");
    FeatureTable table;
    table.metadata_names = hdf5::read_strings(root, "metadata_names");
    table.feature_names = hdf5::read_strings(root, "feature_names");
    H5::Group metadata = file.openGroup("/metadata");
    std::vector<std::vector<std::string>> columns;
    for (const auto& name : table.metadata_names) {
        columns.push_back(hdf5::read_strings(metadata, name));
    }
    std::size_t rows = 0, feature_count = 0;
    std::vector<double> values = hdf5::read_matrix(root, "features", rows, feature_count);
    table.features = Eigen::Map<FeatureMatrix>(values.data(), rows, feature_count);
    table.metadata.assign(rows, std::vector<std::string>(columns.size()));
    for (std::size_t column = 0; column < columns.size(); ++column) {
        for (std::size_t row = 0; row < rows && row < columns[column].size(); ++row) {
            table.metadata[row][column] = columns[column][row];
        }
    }
    return table;
}

}  // namespace

std::size_t FeatureTable::metadata_index(const std::string& name) const {
    auto found = std::find(metadata_names.begin(), metadata_names.end(), name);
    return found == metadata_names.end() ? npos : found - metadata_names.begin();
}

std::size_t FeatureTable::feature_index(const std::string& name) const {
    auto found = std::find(feature_names.begin(), feature_names.end(), name);
    return found == feature_names.end() ? npos : found - feature_names.begin();
}

void write_feature_table(const FeatureTable& table, const std::filesystem::path& path,
                         const std::string& provenance_json) {
    const std::string name = path.filename().string();
    write_atomically(path, [&](const std::filesystem::path& temporary) {
        if (ends_with(name, ".h5") || ends_with(name, ".hdf5")) {
            write_hdf5_file(table, temporary, provenance_json);
        } else {
            write_csv_file(csv_text(table), temporary, ends_with(name, ".gz"));
        }
    });
}

FeatureTable read_feature_table(const std::filesystem::path& path,
                                const std::vector<std::string>& extra_metadata) {
    if (!std::filesystem::exists(path)) throw InputError(path.string() + ": file not found");
    const std::string name = path.filename().string();
    if (ends_with(name, ".h5") || ends_with(name, ".hdf5")) {
        try {
            return read_hdf5_table(path);
        } catch (const H5::Exception& error) {
            throw InputError(path.string() + ": not a feature table (" + error.getDetailMsg() +
                             ")");
        }
    }
    return read_csv_table(path, extra_metadata);
}

}  // namespace hcs
