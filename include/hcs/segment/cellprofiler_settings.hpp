// Reading IdentifyPrimaryObjects settings from a CellProfiler pipeline's settings listing (the
// settings.json next to each CellProfiler fixture: modules -> settings -> {text, value}).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "hcs/segment/identify_primary.hpp"

namespace hcs::segment {

// The PrimarySettings of the first IdentifyPrimaryObjects module of `pipeline` (whole listing)
// or of that module's own JSON object. InputError when a setting is missing or unknown.
PrimarySettings primary_settings_from_cellprofiler(const nlohmann::json& pipeline);

}  // namespace hcs::segment
