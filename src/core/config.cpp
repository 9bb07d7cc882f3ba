// Loading and merging JSON configurations.
#include "hcs/core/config.hpp"

#include <cstdlib>
#include <fstream>

namespace hcs {

// Defined in the source file CMake generates from configs/defaults.json.
extern const char* const kDefaultConfigJson;

void merge_config(nlohmann::json& base, const nlohmann::json& overlay) {
    if (!overlay.is_object() || !base.is_object()) {
        base = overlay;
        return;
    }
    for (const auto& [key, value] : overlay.items()) {
        if (base.contains(key) && base[key].is_object() && value.is_object()) {
            merge_config(base[key], value);
        } else {
            base[key] = value;
        }
    }
}

nlohmann::json read_config_file(const std::filesystem::path& path) {
    std::ifstream stream(path);
    if (!stream) throw InputError(path.string() + ": cannot open config");
    try {
        return nlohmann::json::parse(stream);
    } catch (const nlohmann::json::parse_error& error) {
        throw InputError(path.string() + ": invalid JSON (" + error.what() + ")");
    }
}

nlohmann::json load_config(const std::filesystem::path& path) {
    nlohmann::json config = nlohmann::json::parse(kDefaultConfigJson);
    if (!path.empty()) merge_config(config, read_config_file(path));
    return config;
}

std::filesystem::path data_root(const std::string& flag) {
    if (!flag.empty()) return flag;
    if (const char* environment = std::getenv("HCS_DATA_ROOT"); environment && *environment) {
        return environment;
    }
    for (const std::filesystem::path& candidate :
         {std::filesystem::path("../shared/data"),
          std::filesystem::path(HCS_SOURCE_DIR) / "../shared/data"}) {
        if (std::filesystem::is_directory(candidate)) {
            return std::filesystem::weakly_canonical(candidate);
        }
    }
    return {};
}

}  // namespace hcs
