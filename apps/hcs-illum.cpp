// hcs-illum: one illumination function per channel and plate, as CellProfiler's
// CorrectIlluminationCalculate computes it over all image sets ("All: Across cycles").
#include <filesystem>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "hcs/core/config.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/core/image_set.hpp"
#include "hcs/core/provenance.hpp"
#include "hcs/core/stage.hpp"
#include "hcs/illum/illumination_file.hpp"
#include "hcs/illum/plate_illumination.hpp"

namespace {

struct IllumFlags {
    std::string intensity, smoothing, rescale;
    double filter_size = 0;
    int block_size = 0;
};

void add_illum_options(CLI::App& app, IllumFlags& flags) {
    app.add_option("--intensity", flags.intensity,
                   "Regular (mean image) or Background (block "
                   "minima); config /illum/intensity");
    app.add_option("--smoothing", flags.smoothing,
                   "'Median Filter', 'Gaussian Filter', 'Convex Hull', 'Smooth to Average' or "
                   "'No smoothing'; config /illum/smoothing");
    app.add_option("--filter-size", flags.filter_size,
                   "Smoothing filter size in pixels (sets the method to Manually; default "
                   "Automatic = min(30, longer side / 40))");
    app.add_option("--block-size", flags.block_size, "Background block size in pixels");
    app.add_option("--rescale", flags.rescale, "Yes (robust minimum = 1), No or Median");
}

// Flags override the config's "illum" section.
void apply_flags(const IllumFlags& flags, nlohmann::json& config) {
    nlohmann::json& section = config["illum"];
    if (!flags.intensity.empty()) section["intensity"] = flags.intensity;
    if (!flags.smoothing.empty()) section["smoothing"] = flags.smoothing;
    if (!flags.rescale.empty()) section["rescale"] = flags.rescale;
    if (flags.block_size > 0) section["block_size"] = flags.block_size;
    if (flags.filter_size > 0) {
        section["filter_size"] = flags.filter_size;
        section["filter_size_method"] = "Manually";
    }
}

int run(const hcs::StageOptions& options, const IllumFlags& flags) {
    nlohmann::json config = hcs::load_config(options.config_path);
    hcs::apply_input_flags(options, config);
    apply_flags(flags, config);
    const auto settings = hcs::illum::IlluminationSettings::from_json(config["illum"]);
    const int bit_depth = config.value("/image/camera_bit_depth"_json_pointer, 0);

    // A function needs every image of its plate, so shards take whole plates.
    hcs::StageOptions whole = options;
    whole.shard = "1/1";
    const auto plates = hcs::illum::group_by_plate(hcs::load_image_sets(whole, config));
    const hcs::Shard shard = hcs::Shard::parse(options.shard);

    // Every plate is computed before anything is written: a failure writes nothing.
    std::vector<hcs::illum::PlateIllumination> results;
    int index = 0;
    for (const auto& [plate, image_sets] : plates) {
        if (index++ % shard.count != shard.index - 1) continue;
        spdlog::info("plate {}: {} image sets", plate, image_sets.size());
        results.push_back(hcs::illum::compute_plate_illumination(plate, image_sets, settings,
                                                                 bit_depth, options.threads));
    }
    if (results.empty()) throw hcs::InputError("shard " + options.shard + " holds no plate");

    for (const auto& result : results) {
        hcs::Provenance provenance{"hcs-illum", config, {}, result.intensity_scaling};
        for (const auto& [channel, files] : result.images) {
            provenance.inputs.insert(provenance.inputs.end(), files.begin(), files.end());
        }
        for (const auto& path :
             hcs::illum::write_plate_illumination(options.output, result, provenance.to_json())) {
            spdlog::info("wrote {}", path.string());
        }
    }
    return hcs::kExitSuccess;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "hcs-illum: one illumination function per channel for each plate, from all its image "
        "sets, as CellProfiler's CorrectIlluminationCalculate computes it (Regular or "
        "Background intensity; median, Gaussian or convex-hull smoothing; rescaled so the "
        "robust minimum is 1). Writes <output>/<plate>.h5 and <output>/<plate>_<channel>.tif "
        "(32-bit float). Settings come from the config's \"illum\" section; flags override "
        "them. Turn correction on in other stages with \"illum\": {\"functions\": "
        "{\"<channel>\": \"<output>/<plate>_<channel>.tif\"}}.",
        "hcs-illum"};
    hcs::StageOptions options;
    options.output = "illum";
    IllumFlags flags;
    hcs::add_common_options(app, options);
    hcs::add_image_set_options(app, options);
    add_illum_options(app, flags);
    // A function needs all of its plate, so shards are whole plates and any failure is fatal.
    app.get_option("--shard")->description("Take shard K/N of the plates (whole plates only)");
    app.get_option("--fail-fast")
        ->description("Accepted for symmetry; any unreadable image already stops hcs-illum");
    app.footer(
        "Example (BBBC013, 48 wells, 2 channels):\n"
        "  hcs-illum --config configs/bbbc013-illum.json --output illum\n"
        "  -> illum/BBBC013.h5, illum/BBBC013_DNA.tif, illum/BBBC013_GFP.tif\n"
        "Exit codes: 0 written; 1 bad input (images of different sizes in a plate, no image "
        "sets, unreadable file: nothing written); 2 usage error. Details: docs/illumination.md");
    return hcs::run_stage(app, argc, argv, options, [&] { return run(options, flags); });
}
