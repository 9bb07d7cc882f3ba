// What every output records about how it was made: version, effective configuration, input
// files and intensity scaling (DESIGN.md §4).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hcs {

struct Provenance {
    std::string stage;                // "hcs-segment", ...
    nlohmann::json config;            // effective configuration
    std::vector<std::string> inputs;  // input files
    std::string intensity_scaling;    // "raw/255 (8-bit)", ...

    nlohmann::json to_json() const;
};

std::string hcs_version();

}  // namespace hcs
