// What a profiling method returns: one row per group (well or treatment), with its own feature
// names (the input's names for per-feature summaries, component names for GMM and factors).
#pragma once

#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"

namespace hcs::profile {

struct Profiles {
    std::vector<std::string> feature_names;
    FeatureMatrix values;  // groups x feature_names.size()
};

// The group metadata frame (from group_metadata) with the profiles as its features.
FeatureTable attach_profiles(FeatureTable frame, Profiles profiles);

}  // namespace hcs::profile
