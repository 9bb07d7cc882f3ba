// Shared command-line handling and the per-image-set loop of every stage.
#include "hcs/core/stage.hpp"

#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <iostream>
#include <mutex>

#include <H5Cpp.h>
#include <spdlog/spdlog.h>

#include "hcs/core/config.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/core/logging.hpp"
#include "hcs/core/parallel.hpp"
#include "hcs/core/provenance.hpp"

namespace hcs {
namespace {

std::string config_string(const nlohmann::json& config, const char* key) {
    const std::string pointer = std::string("/input/") + key;
    if (!config.contains(nlohmann::json::json_pointer(pointer))) return std::string();
    return config_value<std::string>(config, pointer);
}

std::filesystem::path under_root(const std::string& path, const std::filesystem::path& root) {
    std::filesystem::path resolved(path);
    if (resolved.is_relative() && !root.empty() && !std::filesystem::exists(resolved)) {
        resolved = root / resolved;
    }
    return resolved;
}

}  // namespace

void add_common_options(CLI::App& app, StageOptions& options) {
    app.add_option("--config", options.config_path, "JSON config; overrides configs/defaults.json")
        ->check(CLI::ExistingFile);
    app.add_option("--output,-o", options.output, "Output folder or file")->capture_default_str();
    app.add_option("--threads", options.threads, "Worker threads (0 = all cores)")
        ->check(CLI::Range(0, 4096))
        ->capture_default_str();
    app.add_option("--shard", options.shard, "Take shard K/N of the image sets (1 <= K <= N)")
        ->capture_default_str();
    app.add_flag("--fail-fast", options.fail_fast, "Stop at the first image set that fails");
    app.add_option("--log-level", options.log_level, "trace, debug, info, warn or error")
        ->capture_default_str();
    app.add_option("--data-root", options.data_root,
                   "Folder that relative image paths start from (default $HCS_DATA_ROOT, "
                   "else ../shared/data)");
    app.set_version_flag("--version", "hcs-profiler " + hcs_version());
}

void add_image_set_options(CLI::App& app, StageOptions& options) {
    app.add_option("--manifest,-m", options.manifest,
                   "LoadData-style CSV: FileName_<Channel>, PathName_<Channel>, Metadata_*");
    app.add_option("--input,-i", options.input_folder, "Folder of images to scan with --pattern");
    app.add_option("--pattern", options.pattern,
                   "File-name regex with named groups (?<plate>..)(?<well>..)(?<site>..)"
                   "(?<channel>..)");
    app.add_option("--plate-map", options.plate_map, "Plate map CSV joined on plate and well");
}

void apply_input_flags(const StageOptions& options, nlohmann::json& config) {
    if (!config.contains("input")) config["input"] = nlohmann::json::object();
    nlohmann::json& input = config["input"];
    if (!input.is_object()) throw UsageError("config key /input must be an object");
    // A manifest or folder flag replaces the config's source of image sets, whichever kind it is.
    if (!options.manifest.empty() || !options.input_folder.empty()) {
        input["manifest"] = options.manifest;
        input["folder"] = options.input_folder;
    }
    if (!options.pattern.empty()) input["pattern"] = options.pattern;
    if (!options.plate_map.empty()) input["plate_map"] = options.plate_map;
}

std::vector<ImageSet> load_image_sets(const StageOptions& options, const nlohmann::json& config) {
    nlohmann::json effective = config;
    apply_input_flags(options, effective);
    const std::filesystem::path root = data_root(options.data_root);
    const std::string manifest = config_string(effective, "manifest");
    const std::string folder = config_string(effective, "folder");
    const std::string pattern = config_string(effective, "pattern");
    const std::string plate_map = config_string(effective, "plate_map");

    std::vector<ImageSet> image_sets;
    if (!manifest.empty()) {
        image_sets =
            read_manifest(under_root(manifest, root), ColumnMap::from_json(effective), root);
    } else if (!folder.empty()) {
        if (pattern.empty()) throw UsageError("--input needs --pattern");
        std::map<std::string, std::string> channel_names;
        if (effective.contains("/input/channel_names"_json_pointer)) {
            channel_names =
                config_value<std::map<std::string, std::string>>(effective, "/input/channel_names");
        }
        image_sets = scan_folder(under_root(folder, root), pattern,
                                 config_string(effective, "plate"), channel_names);
    } else {
        throw UsageError("no image sets: give --manifest or --input with --pattern");
    }
    if (!plate_map.empty()) {
        join_plate_map(image_sets, under_root(plate_map, root),
                       config_string(effective, "plate_column"),
                       config_string(effective, "well_column"));
    }
    return take_shard(image_sets, Shard::parse(options.shard));
}

int run_image_sets(const std::vector<ImageSet>& image_sets, int threads, bool fail_fast,
                   const std::function<void(const ImageSet&)>& work) {
    std::mutex failures_mutex;
    std::vector<std::string> failures;
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    const auto start = std::chrono::steady_clock::now();
    const auto record_failure = [&](const std::string& failure) {
        spdlog::error("{}", failure);
        std::lock_guard<std::mutex> lock(failures_mutex);
        failures.push_back(failure);
        if (fail_fast) stop = true;
    };

    parallel_for(image_sets.size(), threads, [&](std::size_t i) {
        if (stop) return;
        const ImageSet& image_set = image_sets[i];
        try {
            work(image_set);
        } catch (const InputError& error) {
            record_failure(image_set.name() + ": " + error.what());
        } catch (const std::filesystem::filesystem_error& error) {
            // an output folder that is a file, a full disk: the set fails, the run goes on
            record_failure(image_set.name() + ": " + error.what());
        }
        spdlog::debug("{}/{} image sets done", ++done, image_sets.size());
    });

    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    spdlog::info("{} image sets in {:.1f} s, {} failed", image_sets.size(), seconds,
                 failures.size());
    std::sort(failures.begin(), failures.end());
    for (const auto& failure : failures) std::cerr << "failed: " << failure << "\n";
    return failures.empty() ? kExitSuccess : kExitInputError;
}

int run_stage(CLI::App& app, int argc, char** argv, const StageOptions& options,
              const std::function<int()>& body) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForVersion& version) {
        return app.exit(version);
    } catch (const CLI::ParseError& error) {
        std::cerr << app.get_name() << ": " << error.what() << "\n";
        return kExitUsageError;
    }
    H5::Exception::dontPrint();
    try {
        set_up_logging(options.log_level);
        return body();
    } catch (const UsageError& error) {
        std::cerr << app.get_name() << ": " << error.what() << "\n";
        return kExitUsageError;
    } catch (const InputError& error) {
        std::cerr << app.get_name() << ": " << error.what() << "\n";
        return kExitInputError;
    } catch (const std::filesystem::filesystem_error& error) {
        std::cerr << app.get_name() << ": " << error.what() << "\n";
        return kExitInputError;
    } catch (const nlohmann::json::exception& error) {
        // a config value of the wrong type that no key-naming check caught first
        std::cerr << app.get_name() << ": config: " << error.what() << "\n";
        return kExitUsageError;
    } catch (const std::exception& error) {
        // the last resort: one line and a failure code rather than an abort
        std::cerr << app.get_name() << ": " << error.what() << "\n";
        return kExitInputError;
    }
}

}  // namespace hcs
