// Per-object tables -> per-cell rows: base object rows, with each other object's features found
// through CellProfiler's parent links (Cytoplasm_Parent_Cells, Cells_Parent_Nuclei) or the shared
// object number (DESIGN.md: a nucleus, its cell and its cytoplasm share one number).
#include "hcs/profile/object_join.hpp"

#include <cmath>
#include <limits>
#include <map>

#include "hcs/core/errors.hpp"

namespace hcs::profile {
namespace {

using Key = std::pair<long long, long long>;  // ImageNumber, object number

long long integer_of(const std::string& text) {
    return std::llround(std::strtod(text.c_str(), nullptr));
}

long long key_value(const FeatureTable& table, std::size_t row, std::size_t metadata_column,
                    std::size_t feature_column) {
    if (metadata_column != FeatureTable::npos)
        return integer_of(table.metadata[row][metadata_column]);
    const double value = table.features(row, feature_column);
    return std::isnan(value) ? -1 : std::llround(value);
}

// Row of `other` matching each base row, or -1.
std::vector<long long> match_rows(const ObjectTable& base, const ObjectTable& other) {
    const FeatureTable& b = base.table;
    const FeatureTable& x = other.table;
    const std::size_t b_image = b.metadata_index("ImageNumber");
    const std::size_t x_image = x.metadata_index("ImageNumber");
    std::size_t b_key_meta = b.metadata_index("ObjectNumber"), b_key_feature = FeatureTable::npos;
    std::size_t x_key_meta = x.metadata_index("ObjectNumber"), x_key_feature = FeatureTable::npos;

    const std::size_t base_parent = b.feature_index(base.object + "_Parent_" + other.object);
    const std::size_t other_parent = x.feature_index(other.object + "_Parent_" + base.object);
    if (base_parent != FeatureTable::npos) {
        b_key_meta = FeatureTable::npos;
        b_key_feature = base_parent;
    } else if (other_parent != FeatureTable::npos) {
        x_key_meta = FeatureTable::npos;
        x_key_feature = other_parent;
    }

    std::map<Key, long long> other_rows;
    for (std::size_t row = 0; row < x.rows(); ++row) {
        const Key key{integer_of(x.metadata[row][x_image]),
                      key_value(x, row, x_key_meta, x_key_feature)};
        other_rows.emplace(key, static_cast<long long>(row));
    }
    std::vector<long long> matches(b.rows(), -1);
    for (std::size_t row = 0; row < b.rows(); ++row) {
        const Key key{integer_of(b.metadata[row][b_image]),
                      key_value(b, row, b_key_meta, b_key_feature)};
        const auto found = other_rows.find(key);
        if (found != other_rows.end()) matches[row] = found->second;
    }
    return matches;
}

}  // namespace

std::string prefixed_column(const std::string& object, const std::string& column) {
    if (column.rfind(object + "_", 0) == 0) return column;
    return object + "_" + column;
}

FeatureTable join_objects(const std::vector<ObjectTable>& objects) {
    if (objects.empty()) throw UsageError("no objects to join");
    FeatureTable joined = objects.front().table;
    for (std::size_t o = 1; o < objects.size(); ++o) {
        const std::vector<long long> matches = match_rows(objects.front(), objects[o]);
        const FeatureTable& other = objects[o].table;
        const Eigen::Index first = joined.features.cols();
        joined.features.conservativeResize(Eigen::NoChange, first + other.features.cols());
        joined.features.rightCols(other.features.cols())
            .setConstant(std::numeric_limits<double>::quiet_NaN());
        for (std::size_t row = 0; row < joined.rows(); ++row) {
            if (matches[row] < 0) continue;
            joined.features.row(row).segment(first, other.features.cols()) =
                other.features.row(matches[row]);
        }
        joined.feature_names.insert(joined.feature_names.end(), other.feature_names.begin(),
                                    other.feature_names.end());
    }
    return joined;
}

}  // namespace hcs::profile
