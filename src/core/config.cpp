// Loading and merging JSON configurations.
#include "hcs/core/config.hpp"

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

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

namespace {

// The keys of `user` that the defaults do not hold, as "/section/key" pointers. An object whose
// default is empty is a free map (channel names, illumination files) and an array is taken
// whole, so neither is looked into.
void find_unknown_keys(const nlohmann::json& user, const nlohmann::json& defaults,
                       const std::string& where, std::vector<std::string>& unknown) {
    if (!user.is_object() || !defaults.is_object() || defaults.empty()) return;
    for (const auto& [key, value] : user.items()) {
        if (!defaults.contains(key)) {
            unknown.push_back(where + "/" + key);
            continue;
        }
        find_unknown_keys(value, defaults.at(key), where + "/" + key, unknown);
    }
}

}  // namespace

nlohmann::json load_config(const std::filesystem::path& path) {
    nlohmann::json config = nlohmann::json::parse(kDefaultConfigJson);
    if (path.empty()) return config;

    const nlohmann::json user = read_config_file(path);
    if (!user.is_object()) throw InputError(path.string() + ": a config must be a JSON object");
    // A misspelt key would otherwise leave its default in force without a word.
    std::vector<std::string> unknown;
    find_unknown_keys(user, config, "", unknown);
    if (!unknown.empty()) {
        throw UsageError(path.string() + ": unknown config key " + unknown.front() +
                         " (configs/defaults.json lists every key)");
    }
    merge_config(config, user);
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
