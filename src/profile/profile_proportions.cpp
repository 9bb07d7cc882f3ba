// Adams et al. 2006's profile: the share of each group's classified cells in every class.
#include "hcs/profile/profile_proportions.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <sstream>

#include "hcs/core/errors.hpp"

namespace hcs::profile {
namespace {

// The class of every row as text ("" = unclassified).
std::vector<std::string> class_labels(const FeatureTable& cells, const std::string& column) {
    std::vector<std::string> labels(cells.rows());
    const std::size_t metadata = cells.metadata_index(column);
    const std::size_t feature = cells.feature_index(column);
    if (metadata == FeatureTable::npos && feature == FeatureTable::npos) {
        throw InputError("class column '" + column + "' is not in the per-cell table");
    }
    for (std::size_t row = 0; row < cells.rows(); ++row) {
        if (metadata != FeatureTable::npos) {
            labels[row] = cells.metadata[row][metadata];
            continue;
        }
        const double value = cells.features(row, feature);
        if (std::isnan(value)) continue;
        std::ostringstream text;
        text << value;
        labels[row] = text.str();
    }
    return labels;
}

}  // namespace

Profiles profile_proportions(const FeatureTable& cells, const RowGroups& groups,
                             const std::string& class_column) {
    const std::vector<std::string> labels = class_labels(cells, class_column);
    std::map<std::string, std::size_t> class_index;
    for (const auto& label : labels) {
        if (!label.empty()) class_index.emplace(label, 0);
    }
    Profiles profiles;
    for (auto& [label, index] : class_index) {
        index = profiles.feature_names.size();
        profiles.feature_names.push_back("Proportion_" + class_column + "_" + label);
    }

    profiles.values.setZero(groups.size(), class_index.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        std::size_t classified = 0;
        for (std::size_t row : groups.members[g]) {
            if (labels[row].empty()) continue;
            profiles.values(g, class_index.at(labels[row])) += 1;
            ++classified;
        }
        if (classified == 0) {
            profiles.values.row(g).setConstant(std::numeric_limits<double>::quiet_NaN());
        } else {
            profiles.values.row(g) /= static_cast<double>(classified);
        }
    }
    return profiles;
}

}  // namespace hcs::profile
