// Choosing which feature columns of a profile table take part in an evaluation: dropping
// columns by name (location, object numbers, parent/child links), as profiling pipelines do
// before similarity searches (Ljosa et al. 2013; pycytominer's blocklist).
#pragma once

#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"

namespace hcs {

// How a word in a drop list matches a feature name.
enum class FeatureNameMatch {
    whole_token,  // the word equals one "_"-separated token: Location drops Nuclei_Location_X
    substring,    // the word appears anywhere: Number also drops Cells_AreaShape_EulerNumber
};

FeatureNameMatch parse_feature_name_match(const std::string& text);

// True when `name` matches any of `words` under `match`.
bool feature_name_matches(const std::string& name, const std::vector<std::string>& words,
                          FeatureNameMatch match);

// The table without the feature columns whose names match `words`.
FeatureTable drop_features(const FeatureTable& table, const std::vector<std::string>& words,
                           FeatureNameMatch match);

// The table with only the feature columns at `columns`, in that order.
FeatureTable keep_feature_columns(const FeatureTable& table,
                                  const std::vector<std::size_t>& columns);

// The table without feature columns holding any NaN (pycytominer's drop_na_columns at 0).
FeatureTable drop_features_with_nan(const FeatureTable& table);

}  // namespace hcs
