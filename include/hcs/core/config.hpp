// Configuration: configs/defaults.json, overlaid by a data set's config, overlaid by flags. The
// effective configuration is written into every output.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "hcs/core/errors.hpp"

namespace hcs {

// Merges `overlay` into `base` key by key (objects recursively; anything else replaced).
void merge_config(nlohmann::json& base, const nlohmann::json& overlay);

// Reads a JSON config; InputError naming the file on a parse error.
nlohmann::json read_config_file(const std::filesystem::path& path);

// The project's defaults (compiled in from configs/defaults.json) overlaid by `path` if given.
nlohmann::json load_config(const std::filesystem::path& path = {});

// Value at a "/"-separated pointer such as "/segment/nuclei/threshold_method"; UsageError naming
// the key when it is missing or of the wrong type.
template <typename T>
T config_value(const nlohmann::json& config, const std::string& pointer) {
    const nlohmann::json::json_pointer where(pointer);
    if (!config.contains(where)) throw UsageError("missing config key " + pointer);
    try {
        return config.at(where).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw UsageError("config key " + pointer +
                         " has the wrong type: " + config.at(where).dump());
    }
}

// The data root: `flag` if set, else $HCS_DATA_ROOT, else ../shared/data beside the current
// folder or beside the source tree, whichever exists. Empty when none is found.
std::filesystem::path data_root(const std::string& flag = "");

}  // namespace hcs
