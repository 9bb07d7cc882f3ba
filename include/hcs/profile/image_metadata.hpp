// Per-image metadata (plate, well, compound, ...) joined from extra tables (a plate map on the
// well, an image table on ImageNumber) and copied onto the cells of each image.
#pragma once

#include <string>

#include "hcs/core/csv_table.hpp"
#include "hcs/core/feature_table.hpp"

namespace hcs::profile {

// Adds the columns of `table` to `images` (one metadata row per image) where table[table_key]
// equals images[image_key]; wells are compared after normalisation ("C6" = "C06"). Columns
// become Metadata_<name> unless already prefixed; a joined value replaces an empty one or adds a
// column. Images without a match keep empty values. InputError names a missing key column.
void join_image_metadata(FeatureTable& images, const CsvTable& table, const std::string& table_key,
                         const std::string& image_key);

// Index of metadata column `name`, added with empty values when the table lacks it.
std::size_t add_metadata_column(FeatureTable& table, const std::string& name);

// Adds Metadata_<name> = value to every image that lacks the column or has it empty.
void set_default_metadata(FeatureTable& images, const std::string& name, const std::string& value);

// Writes wells as A01 in a Metadata_Well column, when there is one.
void normalise_well_column(FeatureTable& table, const std::string& column = "Metadata_Well");

// Copies each image's Metadata_* values onto its cells (matched by ImageNumber), ahead of the
// cells' own metadata. InputError names a cell's ImageNumber that has no image.
void attach_image_metadata(FeatureTable& cells, const FeatureTable& images);

}  // namespace hcs::profile
