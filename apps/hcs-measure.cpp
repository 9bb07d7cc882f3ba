// hcs-measure: CellProfiler's per-object measurements for every image set, one row per cell.
// Command line only; the work is in hcs::measure (measure_stage.hpp).

#include <string>
#include <vector>

#include <spdlog/fmt/ranges.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "hcs/core/config.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/core/stage.hpp"
#include "hcs/measure/measure_stage.hpp"

namespace {

// Says once which channels are measured: with no measure/channels in the config every channel
// of the image set is, and a misspelt manifest column would otherwise drop one unnoticed.
void log_channels(const hcs::measure::MeasureSettings& settings,
                  const std::vector<hcs::ImageSet>& image_sets) {
    std::vector<std::string> names = settings.channels;
    if (names.empty() && !image_sets.empty()) {
        for (const auto& [channel, file] : image_sets.front().channel_files)
            names.push_back(channel);
    }
    spdlog::info("measuring channels {} ({})", fmt::join(names, ", "),
                 settings.channels.empty()
                     ? "all of the image set; set measure/channels to require "
                       "them"
                     : "measure/channels");
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "hcs-measure: measure nuclei, cells and cytoplasm as CellProfiler does; one row per "
        "cell",
        "hcs-measure"};
    hcs::StageOptions options;
    hcs::add_common_options(app, options);
    hcs::add_image_set_options(app, options);
    std::string segmentation = "seg", format;
    app.add_option("--labels", segmentation,
                   "Folder of hcs-segment's <plate>_<well>_<site>.h5 files (when the manifest "
                   "names no ObjectsFileName_* columns)")
        ->capture_default_str();
    app.add_option("--format", format, "Output format: h5, csv or csv.gz (default: config)");

    return hcs::run_stage(app, argc, argv, options, [&]() {
        nlohmann::json config = hcs::load_config(options.config_path);
        hcs::apply_input_flags(options, config);
        hcs::measure::MeasureRun run;
        run.config = config;
        run.output = options.output;
        run.segmentation = segmentation;
        run.format =
            format.empty() ? hcs::config_value<std::string>(config, "/measure/format") : format;
        if (run.format != "h5" && run.format != "csv" && run.format != "csv.gz") {
            throw hcs::UsageError("--format must be h5, csv or csv.gz, not " + run.format);
        }
        run.camera_bit_depth = hcs::config_value<int>(config, "/image/camera_bit_depth");
        run.settings = hcs::measure::MeasureSettings::from_json(config);
        const auto image_sets = hcs::load_image_sets(options, config);
        log_channels(run.settings, image_sets);
        return hcs::run_image_sets(image_sets, options.threads, options.fail_fast,
                                   [&](const hcs::ImageSet& image_set) {
                                       hcs::measure::measure_and_write(image_set, run);
                                   });
    });
}
