// What every stage shares on its command line and in its main loop: the common flags, loading
// image sets, running them in parallel with failures collected, and exit codes (DESIGN.md §6).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "hcs/core/image_set.hpp"

namespace hcs {

struct StageOptions {
    std::string config_path;
    std::string manifest;      // LoadData-style CSV
    std::string input_folder;  // folder scan, with `pattern`
    std::string pattern;
    std::string plate_map;
    std::string output = "out";
    std::string data_root;
    std::string shard = "1/1";
    std::string log_level = "info";
    int threads = 0;
    bool fail_fast = false;
};

// Adds --config, --output, --threads, --shard, --fail-fast, --log-level, --data-root.
void add_common_options(CLI::App& app, StageOptions& options);
// Adds --manifest, --input, --pattern, --plate-map for stages that read image sets.
void add_image_set_options(CLI::App& app, StageOptions& options);

// Writes the --manifest, --input, --pattern and --plate-map flags into the config's "input"
// section, so that the effective config stored with every output says where image sets came
// from. A manifest or folder flag replaces both the config's manifest and its folder (the one
// not given becomes ""). UsageError when the config's "input" is not an object.
void apply_input_flags(const StageOptions& options, nlohmann::json& config);

// The image sets the options name, in plate, well, site order, then the shard. The config may
// supply "input": {"manifest", "folder", "pattern", "plate_map", "plate_column", "well_column"}
// with paths relative to the data root; flags win, as apply_input_flags writes them.
std::vector<ImageSet> load_image_sets(const StageOptions& options, const nlohmann::json& config);

// Runs work on every image set in parallel. An InputError fails only its image set (logged as
// one line, listed at the end) unless fail_fast. Returns kExitSuccess or kExitInputError.
int run_image_sets(const std::vector<ImageSet>& image_sets, int threads, bool fail_fast,
                   const std::function<void(const ImageSet&)>& work);

// Parses the command line and runs body, turning exceptions into one stderr line and an exit
// code: UsageError and CLI errors 2, InputError 1. Sets up logging before body runs.
int run_stage(CLI::App& app, int argc, char** argv, const StageOptions& options,
              const std::function<int()>& body);

}  // namespace hcs
