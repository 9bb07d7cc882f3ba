// Joining CellProfiler's per-object tables (Cells, Cytoplasm, Nuclei) into one row per cell,
// each column prefixed with its object's name, as CytoTable and pycytominer's SingleCells do.
#pragma once

#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"

namespace hcs::profile {

// One object's table: metadata ImageNumber and ObjectNumber; features named "<object>_...".
struct ObjectTable {
    std::string object;
    FeatureTable table;
};

// Joins every table onto the first (the base object; one output row per base row). Object X is
// matched by, in this order of preference: the base's "<Base>_Parent_<X>" column against X's
// ObjectNumber; X's "<X>_Parent_<Base>" against the base's ObjectNumber; else ObjectNumber with
// ObjectNumber - always within the same ImageNumber. Unmatched cells get NaN for X's features.
FeatureTable join_objects(const std::vector<ObjectTable>& objects);

// Prefixes a CellProfiler column with its object name unless it already carries it.
std::string prefixed_column(const std::string& object, const std::string& column);

}  // namespace hcs::profile
