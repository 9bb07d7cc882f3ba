// Joining plate maps and image tables into per-image metadata and spreading it over the cells.
#include "hcs/profile/image_metadata.hpp"

#include <map>

#include "hcs/core/errors.hpp"
#include "hcs/core/image_set.hpp"
#include "hcs/profile/groups.hpp"

namespace hcs::profile {
namespace {

// A well written any way ("c6", "C06") compares as its normal form; other keys as they are.
std::string comparable(const std::string& value) {
    try {
        return normalise_well(value);
    } catch (const InputError&) {
        return value;
    }
}

}  // namespace

std::size_t add_metadata_column(FeatureTable& table, const std::string& name) {
    std::size_t index = table.metadata_index(name);
    if (index != FeatureTable::npos) return index;
    table.metadata_names.push_back(name);
    for (auto& row : table.metadata) row.emplace_back();
    return table.metadata_names.size() - 1;
}

void join_image_metadata(FeatureTable& images, const CsvTable& table, const std::string& table_key,
                         const std::string& image_key) {
    const std::size_t key = table.column(table_key);
    const std::size_t image_column = require_metadata(images, image_key, "join key");
    std::map<std::string, std::size_t> row_of_key;
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        row_of_key.emplace(comparable(table.rows[row][key]), row);
    }

    for (std::size_t column = 0; column < table.header.size(); ++column) {
        const std::string& header = table.header[column];
        const std::string name = header.rfind("Metadata_", 0) == 0 ? header : "Metadata_" + header;
        const std::size_t target = add_metadata_column(images, name);
        for (auto& image : images.metadata) {
            const auto found = row_of_key.find(comparable(image[image_column]));
            if (found == row_of_key.end()) continue;
            const std::string& value = table.rows[found->second][column];
            if (!value.empty()) image[target] = value;
        }
    }
}

void set_default_metadata(FeatureTable& images, const std::string& name, const std::string& value) {
    const std::size_t column = add_metadata_column(images, name);
    for (auto& image : images.metadata) {
        if (image[column].empty()) image[column] = value;
    }
}

void normalise_well_column(FeatureTable& table, const std::string& column) {
    const std::size_t index = table.metadata_index(column);
    if (index == FeatureTable::npos) return;
    for (auto& row : table.metadata) {
        if (!row[index].empty()) row[index] = comparable(row[index]);
    }
}

void attach_image_metadata(FeatureTable& cells, const FeatureTable& images) {
    const std::size_t image_of_image = require_metadata(images, "ImageNumber", "images");
    const std::size_t image_of_cell = require_metadata(cells, "ImageNumber", "cells");
    std::vector<std::size_t> copied;
    std::vector<std::string> names;
    for (std::size_t column = 0; column < images.metadata_names.size(); ++column) {
        const std::string& name = images.metadata_names[column];
        if (name.rfind("Metadata_", 0) == 0 && cells.metadata_index(name) == FeatureTable::npos) {
            copied.push_back(column);
            names.push_back(name);
        }
    }
    std::map<std::string, std::size_t> row_of_image;
    for (std::size_t row = 0; row < images.rows(); ++row) {
        row_of_image.emplace(images.metadata[row][image_of_image], row);
    }

    for (auto& cell : cells.metadata) {
        const auto found = row_of_image.find(cell[image_of_cell]);
        if (found == row_of_image.end()) {
            throw InputError("ImageNumber " + cell[image_of_cell] + " of a cell has no image row");
        }
        std::vector<std::string> values;
        for (std::size_t column : copied) values.push_back(images.metadata[found->second][column]);
        cell.insert(cell.begin(), values.begin(), values.end());
    }
    cells.metadata_names.insert(cells.metadata_names.begin(), names.begin(), names.end());
}

}  // namespace hcs::profile
