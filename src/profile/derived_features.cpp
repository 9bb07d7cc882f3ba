// Ratio features per cell, appended as new columns.
#include "hcs/profile/derived_features.hpp"

#include <cmath>
#include <limits>

#include "hcs/core/errors.hpp"

namespace hcs::profile {
namespace {

std::size_t require_feature(const FeatureTable& cells, const std::string& name) {
    const std::size_t index = cells.feature_index(name);
    if (index == FeatureTable::npos) {
        throw InputError("feature '" + name + "' (for a ratio) is not in the per-cell table");
    }
    return index;
}

}  // namespace

void add_ratio_features(FeatureTable& cells, const std::vector<RatioFeature>& ratios) {
    for (const auto& ratio : ratios) {
        const std::size_t numerator = require_feature(cells, ratio.numerator);
        const std::size_t denominator = require_feature(cells, ratio.denominator);
        const Eigen::Index column = cells.features.cols();
        cells.features.conservativeResize(Eigen::NoChange, column + 1);
        for (std::size_t row = 0; row < cells.rows(); ++row) {
            const double below = cells.features(row, denominator);
            cells.features(row, column) = below == 0 ? std::numeric_limits<double>::quiet_NaN()
                                                     : cells.features(row, numerator) / below;
        }
        cells.feature_names.push_back(ratio.name);
    }
}

void add_threshold_classes(FeatureTable& cells, const std::vector<ThresholdClass>& classes) {
    for (const auto& rule : classes) {
        const std::size_t feature = require_feature(cells, rule.feature);
        const Eigen::Index column = cells.features.cols();
        cells.features.conservativeResize(Eigen::NoChange, column + 1);
        for (std::size_t row = 0; row < cells.rows(); ++row) {
            const double value = cells.features(row, feature);
            cells.features(row, column) =
                std::isnan(value) ? value : (value > rule.threshold ? 1 : 0);
        }
        cells.feature_names.push_back(rule.name);
    }
}

}  // namespace hcs::profile
