// A table of objects (cells, wells, treatments): text metadata columns first, then float64
// features, as DESIGN.md lays out the per-cell table and the profiles.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace hcs {

using FeatureMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct FeatureTable {
    std::vector<std::string> metadata_names;         // Metadata_*, ImageNumber, ObjectNumber
    std::vector<std::vector<std::string>> metadata;  // one vector per row
    std::vector<std::string> feature_names;
    FeatureMatrix features;  // rows x feature_names.size()

    std::size_t rows() const { return metadata.size(); }
    // Index of a metadata or feature column, or npos.
    std::size_t metadata_index(const std::string& name) const;
    std::size_t feature_index(const std::string& name) const;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

// Writes CSV (".csv" or ".csv.gz") or HDF5 (".h5") by the file name, atomically. NaN is written
// as an empty CSV cell, which pandas and pycytominer read as NaN.
void write_feature_table(const FeatureTable& table, const std::filesystem::path& path,
                         const std::string& provenance_json = "{}");

// Reads a table written by write_feature_table, or any CSV whose metadata columns are the ones
// named Metadata_*, ImageNumber, ObjectNumber or listed in `extra_metadata`; every other column
// is parsed as a number (empty, "nan" or "NaN" give NaN; other text is an InputError).
FeatureTable read_feature_table(const std::filesystem::path& path,
                                const std::vector<std::string>& extra_metadata = {});

}  // namespace hcs
