// Reading CellProfiler ExportToSpreadsheet tables (CellProfiler's "<Object>.csv" per object and
// "Image.csv" per image set); compressed copies (.gz, .xz) are read as they are.
#include "hcs/profile/cellprofiler_csv.hpp"

#include <limits>

#include "hcs/core/csv_table.hpp"
#include "hcs/core/errors.hpp"

namespace hcs::profile {
namespace {

double parse_cell(const std::string& cell, const CsvTable& csv, std::size_t column) {
    if (cell.empty() || cell == "nan" || cell == "NaN" || cell == "NA" || cell == "None") {
        return std::numeric_limits<double>::quiet_NaN();
    }
    char* end = nullptr;
    const double value = std::strtod(cell.c_str(), &end);
    if (end == cell.c_str() || *end != '\0') {
        throw InputError(csv.path.string() + ": column '" + csv.header[column] + "' holds '" +
                         cell + "', not a number");
    }
    return value;
}

}  // namespace

std::filesystem::path find_table_file(const std::filesystem::path& folder,
                                      const std::string& stem) {
    for (const char* suffix : {".csv", ".csv.gz", ".csv.xz"}) {
        const auto candidate = folder / (stem + suffix);
        if (std::filesystem::exists(candidate)) return candidate;
    }
    return {};
}

ObjectTable read_cellprofiler_object_csv(const std::filesystem::path& file,
                                         const std::string& object) {
    const CsvTable csv = read_csv(file);
    const std::size_t image = csv.column("ImageNumber");
    const std::size_t number = csv.column("ObjectNumber");

    ObjectTable result{object, {}};
    FeatureTable& table = result.table;
    table.metadata_names = {"ImageNumber", "ObjectNumber"};
    std::vector<std::size_t> feature_columns;
    for (std::size_t column = 0; column < csv.header.size(); ++column) {
        if (column == image || column == number) continue;
        feature_columns.push_back(column);
        table.feature_names.push_back(prefixed_column(object, csv.header[column]));
    }

    table.features.resize(csv.rows.size(), feature_columns.size());
    for (std::size_t row = 0; row < csv.rows.size(); ++row) {
        table.metadata.push_back({csv.rows[row][image], csv.rows[row][number]});
        for (std::size_t k = 0; k < feature_columns.size(); ++k) {
            table.features(row, k) =
                parse_cell(csv.rows[row][feature_columns[k]], csv, feature_columns[k]);
        }
    }
    return result;
}

FeatureTable read_cellprofiler_image_csv(const std::filesystem::path& file) {
    const CsvTable csv = read_csv(file);
    std::vector<std::size_t> columns = {csv.column("ImageNumber")};
    FeatureTable images;
    images.metadata_names = {"ImageNumber"};
    for (std::size_t column = 0; column < csv.header.size(); ++column) {
        if (csv.header[column].rfind("Metadata_", 0) != 0) continue;
        columns.push_back(column);
        images.metadata_names.push_back(csv.header[column]);
    }
    for (const auto& row : csv.rows) {
        std::vector<std::string> values;
        for (std::size_t column : columns) values.push_back(row[column]);
        images.metadata.push_back(std::move(values));
    }
    images.features.resize(images.rows(), 0);
    return images;
}

}  // namespace hcs::profile
