// hcs-profile: per-cell tables -> well and treatment profiles (CSV for pycytominer, and HDF5).
// Argument parsing only; the work is hcs::profile::run_profiling.
#include <filesystem>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "hcs/core/config.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/core/provenance.hpp"
#include "hcs/core/stage.hpp"
#include "hcs/profile/profile_run.hpp"

namespace {

struct ProfileFlags {
    std::vector<std::string> inputs;
    std::string method, images, image_metadata, plate_map;
};

void add_profile_options(CLI::App& app, hcs::StageOptions& stage, ProfileFlags& flags) {
    app.add_option("--config", stage.config_path, "JSON config; overrides configs/defaults.json")
        ->check(CLI::ExistingFile);
    app.add_option("--input,-i", flags.inputs,
                   "Per-cell or per-well tables: .h5/.csv/.csv.gz files or folders of them, a "
                   "CellProfiler CSV export folder (Image.csv + <Object>.csv), or a CellProfiler "
                   "SQLite file (.sqlite, .sqlite.gz)")
        ->required();
    app.add_option("--output,-o", stage.output, "Output folder for wells.*, treatments.*")
        ->capture_default_str();
    app.add_option("--method", flags.method,
                   "mean, median, mean+std, ks, svm, gmm, factor or proportions "
                   "(default: config profile/method)");
    app.add_option("--images", flags.images, "Per-image CSV (ImageNumber, Metadata_*)");
    app.add_option("--image-metadata", flags.image_metadata,
                   "CSV joined on ImageNumber (profile/input/image_metadata_key)");
    app.add_option("--plate-map", flags.plate_map, "Plate map CSV joined on the well");
    app.add_option("--threads", stage.threads, "Worker threads (0 = all cores)")
        ->check(CLI::Range(0, 4096))
        ->capture_default_str();
    app.add_option("--log-level", stage.log_level, "trace, debug, info, warn or error")
        ->capture_default_str();
    app.set_version_flag("--version", hcs::hcs_version());
}

// Flags win over the config file, which wins over the defaults (DESIGN.md §6).
nlohmann::json effective_config(const hcs::StageOptions& stage, const ProfileFlags& flags) {
    nlohmann::json config = hcs::load_config(stage.config_path);
    nlohmann::json& profile = config["profile"];
    if (!flags.method.empty()) profile["method"] = flags.method;
    if (!flags.images.empty()) profile["input"]["images"] = flags.images;
    if (!flags.image_metadata.empty()) profile["input"]["image_metadata"] = flags.image_metadata;
    if (!flags.plate_map.empty()) profile["input"]["plate_map"] = flags.plate_map;
    return config;
}

// Profiles the input; a column missing from it is reported with the files it came from, since
// the tables were merged before the column was looked for.
hcs::profile::ProfileResult profile_naming_input(hcs::profile::CellInput input,
                                                 const hcs::profile::ProfileOptions& options,
                                                 int threads) {
    const std::vector<std::string> files = input.files;
    try {
        return hcs::profile::run_profiling(std::move(input), options, threads);
    } catch (const hcs::InputError& error) {
        std::string named = files.empty() ? std::string("input") : files.front();
        if (files.size() > 1) named += " and " + std::to_string(files.size() - 1) + " more";
        throw hcs::InputError(named + ": " + error.what());
    }
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "hcs-profile: well and treatment profiles from per-cell measurements.\n"
        "Exit codes: 0 success, 1 bad input (nothing written), 2 usage error.",
        "hcs-profile"};
    hcs::StageOptions stage;
    ProfileFlags flags;
    add_profile_options(app, stage, flags);

    return hcs::run_stage(app, argc, argv, stage, [&] {
        const nlohmann::json config = effective_config(stage, flags);
        const auto options = hcs::profile::ProfileOptions::from_config(config);
        std::vector<std::filesystem::path> inputs(flags.inputs.begin(), flags.inputs.end());

        auto input = hcs::profile::read_cell_input(inputs, options.input);
        hcs::Provenance provenance{"hcs-profile", config, input.files, "as in the input tables"};
        const auto result = profile_naming_input(std::move(input), options, stage.threads);
        hcs::profile::write_profiles(result, stage.output, options.formats,
                                     provenance.to_json().dump());
        spdlog::info("wrote {} wells and {} treatments to {}", result.wells.rows(),
                     result.treatments.rows(), stage.output);
        return hcs::kExitSuccess;
    });
}
