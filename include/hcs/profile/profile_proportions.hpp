// Class-proportion profiles (Adams et al. 2006, Methods Enzymol 414:440; Ljosa et al. 2013): the
// fraction of a group's cells in each class of a per-cell class column.
#pragma once

#include <string>

#include "hcs/profile/groups.hpp"
#include "hcs/profile/profiles.hpp"

namespace hcs::profile {

// `class_column` is a metadata column (class names) or a feature column (class numbers; NaN
// cells are left out). Profile columns "Proportion_<column>_<class>", classes in sorted order;
// an empty group gives NaN. InputError names a column that is in neither part of the table.
Profiles profile_proportions(const FeatureTable& cells, const RowGroups& groups,
                             const std::string& class_column);

}  // namespace hcs::profile
