// Joining a group metadata frame and the profile values computed for its groups.
#include "hcs/profile/profiles.hpp"

#include <cassert>

namespace hcs::profile {

FeatureTable attach_profiles(FeatureTable frame, Profiles profiles) {
    assert(static_cast<std::size_t>(profiles.values.rows()) == frame.rows());
    frame.feature_names = std::move(profiles.feature_names);
    frame.features = std::move(profiles.values);
    return frame;
}

}  // namespace hcs::profile
