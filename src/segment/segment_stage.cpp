// The per-plate loop of hcs-segment: one segmentation file per image set, written only when the
// image set succeeded, with one info line per image set (name, nuclei, cells, seconds).
#include "hcs/segment/segment_stage.hpp"

#include <chrono>
#include <system_error>

#include <H5Cpp.h>
#include <spdlog/spdlog.h>

#include "hcs/core/config.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/segment/segment_image_set.hpp"

namespace hcs::segment {
namespace {

// The manifest the image sets come from, empty for a folder scan (config with the flags applied).
std::filesystem::path manifest_of(const nlohmann::json& config) {
    if (config.contains("/input/manifest"_json_pointer)) {
        return config.at("/input/manifest"_json_pointer).get<std::string>();
    }
    return {};
}

void remove_quietly(const std::vector<std::filesystem::path>& paths) {
    std::error_code ignored;
    for (const auto& path : paths) std::filesystem::remove(path, ignored);
}

// Exports first, the segmentation file last: a file that exists means the image set is done, so a
// failure part-way removes the exports already written.
void write_outputs(const Segmentation& segmentation, const cv::Mat& nuclei_image,
                   const std::filesystem::path& folder, const std::string& name,
                   const SegmentOutputs& outputs) {
    std::vector<std::filesystem::path> written;
    try {
        if (outputs.export_tiff) written = write_label_tiffs(segmentation, folder, name);
        if (outputs.outlines) {
            written.push_back(folder / (name + "_outlines.png"));
            write_outlines_png(nuclei_image, segmentation, written.back());
        }
        write_segmentation_file(segmentation, folder / segmentation_file_name(name));
    } catch (...) {
        remove_quietly(written);
        throw;
    }
}

void segment_one(const ImageSet& image_set, const SegmentSettings& settings,
                 const IlluminationFunctions& illumination, const nlohmann::json& config,
                 const std::filesystem::path& folder, const SegmentOutputs& outputs) {
    const auto start = std::chrono::steady_clock::now();
    Segmentation segmentation;
    std::map<std::string, ChannelImage> channels;
    try {
        channels = read_channels(image_set, settings);
        segmentation = segment_channels(image_set, channels, settings, illumination, config);
    } catch (const cv::Exception& error) {
        // An OpenCV failure inside the algorithms fails this image set only, named.
        throw InputError("segmentation failed: " + std::string(error.what()));
    }
    write_outputs(segmentation, channels.at(settings.nuclei_channel).pixels, folder,
                  image_set.name(), outputs);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    spdlog::info("{}: {} nuclei, {} cells, {:.2f} s", image_set.name(),
                 segmentation.image_figures.at("Count_Nuclei"),
                 segmentation.image_figures.at("Count_Cells"), seconds);
}

}  // namespace

int run_segment_stage(const StageOptions& options, const SegmentOutputs& outputs) {
    nlohmann::json config = load_config(options.config_path);
    apply_input_flags(options, config);
    const SegmentSettings settings = read_segment_settings(config);
    const std::vector<ImageSet> image_sets = load_image_sets(options, config);
    if (image_sets.empty())
        throw InputError("no image sets to segment (shard " + options.shard + ")");
    check_channels_present(image_sets, settings, config, manifest_of(config));
    // One set of functions per plate: a path may name its plate ("illum/{plate}_DNA.tif").
    std::map<std::string, IlluminationFunctions> illumination;
    for (const auto& image_set : image_sets) {
        if (!illumination.count(image_set.plate)) {
            illumination[image_set.plate] = read_illumination_functions(settings, image_set.plate);
        }
    }

    const std::filesystem::path folder = options.output;
    spdlog::info("segmenting {} image sets into {}", image_sets.size(), folder.string());
    return run_image_sets(image_sets, options.threads, options.fail_fast,
                          [&](const ImageSet& image_set) {
                              segment_one(image_set, settings, illumination.at(image_set.plate),
                                          config, folder, outputs);
                          });
}

}  // namespace hcs::segment
