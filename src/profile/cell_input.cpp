// Recognising and reading hcs-profile's inputs, then joining plate maps and image metadata onto
// the cells, so every later step sees one table with Metadata_Plate and Metadata_Well.
#include "hcs/profile/cell_input.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include <spdlog/spdlog.h>

#include "hcs/core/csv_table.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/profile/cellprofiler_csv.hpp"
#include "hcs/profile/cellprofiler_sqlite.hpp"
#include "hcs/profile/groups.hpp"
#include "hcs/profile/image_metadata.hpp"

namespace hcs::profile {
namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_sqlite(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    return ends_with(name, ".sqlite") || ends_with(name, ".sqlite.gz") || ends_with(name, ".db") ||
           ends_with(name, ".db.gz");
}

bool is_feature_table(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    return ends_with(name, ".h5") || ends_with(name, ".csv") || ends_with(name, ".csv.gz");
}

// The distinct images of a table of cells: ImageNumber (when present) and Metadata_* columns.
FeatureTable images_of(const FeatureTable& cells) {
    FeatureTable images;
    std::vector<std::size_t> columns;
    for (std::size_t column = 0; column < cells.metadata_names.size(); ++column) {
        const std::string& name = cells.metadata_names[column];
        if (name == "ImageNumber" || name.rfind("Metadata_", 0) == 0) {
            columns.push_back(column);
            images.metadata_names.push_back(name);
        }
    }
    std::set<std::vector<std::string>> seen;
    for (const auto& row : cells.metadata) {
        std::vector<std::string> image;
        for (std::size_t column : columns) image.push_back(row[column]);
        if (seen.insert(image).second) images.metadata.push_back(std::move(image));
    }
    images.features.resize(images.rows(), 0);
    return images;
}

CellInput read_cellprofiler_folder(const std::filesystem::path& folder,
                                   const InputOptions& options) {
    CellInput input;
    const auto image_file = find_table_file(folder, options.image_table);
    input.images = read_cellprofiler_image_csv(image_file);
    input.files.push_back(image_file.string());
    std::vector<ObjectTable> objects;
    for (const auto& object : options.objects) {
        const auto file = find_table_file(folder, object);
        if (file.empty()) {
            throw InputError(folder.string() + ": no " + object + ".csv (.gz, .xz) for object " +
                             object);
        }
        spdlog::info("reading {}", file.string());
        objects.push_back(read_cellprofiler_object_csv(file, object));
        input.files.push_back(file.string());
    }
    input.cells = join_objects(objects);
    return input;
}

CellInput read_sqlite(const std::filesystem::path& file, const InputOptions& options) {
    spdlog::info("reading {}", file.string());
    SqliteExport exported =
        read_cellprofiler_sqlite(file, options.objects, options.sqlite_table_prefix);
    CellInput input;
    input.images = std::move(exported.images);
    input.cells = join_objects(exported.objects);
    input.files.push_back(file.string());
    return input;
}

CellInput read_feature_tables(const std::vector<std::filesystem::path>& files) {
    CellInput input;
    for (const auto& file : files) {
        spdlog::info("reading {}", file.string());
        FeatureTable table = read_feature_table(file);
        input.files.push_back(file.string());
        if (input.files.size() == 1) {
            input.cells = std::move(table);
            continue;
        }
        if (table.feature_names != input.cells.feature_names ||
            table.metadata_names != input.cells.metadata_names) {
            throw InputError(file.string() + ": columns differ from those of " + input.files[0]);
        }
        const Eigen::Index rows = input.cells.features.rows();
        input.cells.features.conservativeResize(rows + table.features.rows(), Eigen::NoChange);
        input.cells.features.bottomRows(table.features.rows()) = table.features;
        input.cells.metadata.insert(input.cells.metadata.end(), table.metadata.begin(),
                                    table.metadata.end());
    }
    input.per_well = input.cells.metadata_index("ObjectNumber") == FeatureTable::npos &&
                     input.cells.metadata_index(kObjectCountColumn) != FeatureTable::npos;
    input.images = images_of(input.cells);
    return input;
}

CellInput read_one_kind(const std::vector<std::filesystem::path>& inputs,
                        const InputOptions& options) {
    std::vector<std::filesystem::path> tables;
    for (const auto& path : inputs) {
        if (!std::filesystem::exists(path)) throw InputError(path.string() + ": not found");
        if (std::filesystem::is_directory(path)) {
            if (!find_table_file(path, options.image_table).empty()) {
                if (inputs.size() > 1) throw UsageError("give one CellProfiler export at a time");
                return read_cellprofiler_folder(path, options);
            }
            std::vector<std::filesystem::path> found;
            for (const auto& entry : std::filesystem::directory_iterator(path)) {
                if (is_feature_table(entry.path())) found.push_back(entry.path());
            }
            std::sort(found.begin(), found.end());
            tables.insert(tables.end(), found.begin(), found.end());
        } else if (is_sqlite(path)) {
            if (inputs.size() > 1) throw UsageError("give one SQLite export at a time");
            return read_sqlite(path, options);
        } else {
            tables.push_back(path);
        }
    }
    if (tables.empty()) {
        std::string named;
        for (const auto& path : inputs) named += (named.empty() ? "" : ", ") + path.string();
        throw InputError(named + ": no per-cell table (.h5, .csv, .csv.gz) found");
    }
    return read_feature_tables(tables);
}

// The same table given twice would count every cell twice.
void refuse_repeated_inputs(const std::vector<std::filesystem::path>& inputs) {
    std::set<std::filesystem::path> seen;
    for (const auto& path : inputs) {
        const auto canonical = std::filesystem::weakly_canonical(path);
        if (!seen.insert(canonical).second) {
            throw UsageError("--input " + path.string() + " is given twice");
        }
    }
}

// A CellProfiler export can hold an infinity where a ratio divided by zero. Profiles treat it as
// a missing value, as they treat NaN, and say how many there were; left in, one infinity would
// turn a whole feature's normalised values into NaN.
void treat_infinities_as_missing(FeatureTable& cells) {
    std::size_t count = 0;
    std::string first_feature;
    for (Eigen::Index column = 0; column < cells.features.cols(); ++column) {
        for (Eigen::Index row = 0; row < cells.features.rows(); ++row) {
            double& value = cells.features(row, column);
            if (!std::isinf(value)) continue;
            value = std::numeric_limits<double>::quiet_NaN();
            if (count++ == 0) first_feature = cells.feature_names[column];
        }
    }
    if (count > 0) {
        spdlog::warn("{} infinite values treated as missing (the first in {})", count,
                     first_feature);
    }
}

}  // namespace

CellInput read_cell_input(const std::vector<std::filesystem::path>& inputs,
                          const InputOptions& options) {
    if (inputs.empty()) throw UsageError("no --input given");
    refuse_repeated_inputs(inputs);
    CellInput input = read_one_kind(inputs, options);
    treat_infinities_as_missing(input.cells);
    if (!options.images.empty()) {
        input.images = read_cellprofiler_image_csv(options.images);
        input.files.push_back(options.images.string());
    }

    if (!options.image_metadata.empty()) {
        join_image_metadata(input.images, read_csv(options.image_metadata),
                            options.image_metadata_key, options.image_metadata_key);
        input.files.push_back(options.image_metadata.string());
    }
    normalise_well_column(input.images);
    if (!options.plate_map.empty()) {
        join_image_metadata(input.images, read_csv(options.plate_map),
                            options.plate_map_well_column, "Metadata_Well");
        input.files.push_back(options.plate_map.string());
    }
    set_default_metadata(input.images, "Metadata_Plate", options.default_plate);
    normalise_well_column(input.images);

    if (input.images.metadata_index("ImageNumber") != FeatureTable::npos &&
        input.cells.metadata_index("ImageNumber") != FeatureTable::npos) {
        attach_image_metadata(input.cells, input.images);
    }
    if (input.cells.metadata_index("Metadata_Plate") == FeatureTable::npos) {
        set_default_metadata(input.cells, "Metadata_Plate", options.default_plate);
    }
    normalise_well_column(input.cells);
    return input;
}

}  // namespace hcs::profile
