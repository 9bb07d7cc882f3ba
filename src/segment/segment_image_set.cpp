// One image set through IdentifyPrimaryObjects, IdentifySecondaryObjects and
// IdentifyTertiaryObjects (CellProfiler 5), with CorrectIlluminationApply's division as an
// optional first step and MeasureImageQuality's saturation and blur figures on the raw channels.
#include "hcs/segment/segment_image_set.hpp"

#include <cmath>
#include <limits>
#include <utility>

#include <spdlog/spdlog.h>

#include "hcs/core/errors.hpp"
#include "hcs/core/image_reader.hpp"
#include "hcs/core/provenance.hpp"
#include "hcs/illum/apply_illumination.hpp"
#include "hcs/illum/illumination_file.hpp"
#include "hcs/segment/identify_primary.hpp"
#include "hcs/segment/identify_secondary.hpp"
#include "hcs/segment/image_quality.hpp"

namespace hcs::segment {
namespace {

std::string size_text(const cv::Mat& image) {
    return std::to_string(image.cols) + " x " + std::to_string(image.rows);
}

// hcs-illum's reader, plus the check that division by the function is defined everywhere.
cv::Mat read_function(const std::filesystem::path& path, const std::string& channel) {
    cv::Mat function = illum::read_illumination_function(path, channel);
    double minimum = 0, maximum = 0;
    cv::minMaxLoc(function, &minimum, &maximum);
    if (!(minimum > 0) || !std::isfinite(maximum)) {
        throw InputError(path.string() + ": illumination function has a value <= 0 or not finite");
    }
    return function;
}

// One rule when every channel shares it ("raw/255 (8-bit)"), else "DNA: ...; GFP: ...".
std::string intensity_scaling_rule(const std::map<std::string, ChannelImage>& channels) {
    std::string common = channels.empty() ? "" : channels.begin()->second.scaling.rule;
    std::string each;
    for (const auto& [name, channel] : channels) {
        if (channel.scaling.rule != common) common.clear();
        each += (each.empty() ? "" : "; ") + name + ": " + channel.scaling.rule;
    }
    return common.empty() ? each : common;
}

nlohmann::json make_provenance(const std::map<std::string, ChannelImage>& channels,
                               const IlluminationFunctions& illumination,
                               const nlohmann::json& config) {
    Provenance provenance;
    provenance.stage = "hcs-segment";
    provenance.config = config;
    for (const auto& [name, channel] : channels) provenance.inputs.push_back(channel.path.string());
    provenance.intensity_scaling = intensity_scaling_rule(channels);
    nlohmann::json record = provenance.to_json();
    nlohmann::json correction = nlohmann::json::object();
    for (const auto& [name, function] : illumination) {
        if (!channels.count(name)) continue;
        correction[name] = {{"function", function.path.string()},
                            {"rule", "divide by the function, clip to 0..1"}};
        record["inputs"].push_back(function.path.string());
    }
    record["illumination_correction"] = correction.empty() ? nlohmann::json("none") : correction;
    return record;
}

double largest_label(const cv::Mat& labels) {
    double minimum = 0, maximum = 0;
    cv::minMaxLoc(labels, &minimum, &maximum);
    return maximum;
}

// Distance - N and Distance - B grow cells without a threshold: CellProfiler records none.
bool cells_are_thresholded(const SecondarySettings& settings) {
    return settings.method != SecondaryMethod::DistanceN;
}

const ChannelImage& channel_named(const std::map<std::string, ChannelImage>& channels,
                                  const std::string& name, const ImageSet& image_set) {
    const auto found = channels.find(name);
    if (found == channels.end()) {
        throw InputError(image_set.name() + ": no image for channel '" + name + "'");
    }
    return found->second;
}

}  // namespace

IlluminationFunctions read_illumination_functions(const SegmentSettings& settings,
                                                  const std::string& plate) {
    IlluminationFunctions functions;
    for (const auto& [channel, configured] : settings.illumination_functions) {
        std::string path = configured.string();
        const auto placeholder = path.find("{plate}");
        if (placeholder != std::string::npos) path.replace(placeholder, 7, plate);
        functions[channel] = {path, read_function(path, channel)};
    }
    return functions;
}

void correct_illumination(ChannelImage& channel, const IlluminationFunction& function) {
    illum::apply_illumination(channel, function.function, function.path.string());
}

std::map<std::string, ChannelImage> read_channels(const ImageSet& image_set,
                                                  const SegmentSettings& settings) {
    for (const std::string& needed : {settings.nuclei_channel, settings.cells_channel}) {
        if (!image_set.channel_files.count(needed)) {
            throw InputError(image_set.name() + ": no image for channel '" + needed + "'");
        }
    }
    std::map<std::string, ChannelImage> channels;
    const ChannelImage* first = nullptr;
    for (const auto& [name, path] : image_set.channel_files) {
        ChannelImage channel = read_image(path, settings.camera_bit_depth);
        if (first && channel.pixels.size() != first->pixels.size()) {
            throw InputError(path.string() + " is " + size_text(channel.pixels) + " but " +
                             first->path.string() + " is " + size_text(first->pixels));
        }
        first = &(channels[name] = std::move(channel));
    }
    return channels;
}

void check_channels_present(const std::vector<ImageSet>& image_sets,
                            const SegmentSettings& settings, const nlohmann::json& config,
                            const std::filesystem::path& manifest) {
    for (const auto& [role, channel] : {std::pair{"nuclei", settings.nuclei_channel},
                                        std::pair{"cells", settings.cells_channel}}) {
        bool present = false;
        for (const auto& image_set : image_sets) present |= image_set.channel_files.count(channel);
        if (present) continue;
        const std::string named_by =
            std::string(" (the ") + role + " channel, config /image/channels/" + role + ")";
        if (manifest.empty()) {
            throw InputError("no image file of channel '" + channel + "'" + named_by);
        }
        std::string column = ColumnMap::from_json(config).file_name;
        const auto placeholder = column.find("{channel}");
        if (placeholder != std::string::npos) column.replace(placeholder, 9, channel);
        throw InputError(manifest.string() + ": no column " + column + named_by);
    }
}

Segmentation segment_channels(const ImageSet& image_set,
                              const std::map<std::string, ChannelImage>& channels,
                              const SegmentSettings& settings,
                              const IlluminationFunctions& illumination,
                              const nlohmann::json& config) {
    Segmentation segmentation;
    segmentation.image_number = image_set.image_number;
    segmentation.metadata = image_set.metadata;
    for (const auto& [name, channel] : channels) {
        for (const auto& [figure, value] : image_quality_figures(channel.pixels, name)) {
            segmentation.image_figures[figure] = value;
        }
    }

    // Copies, so that the raw channels stay as read; correction divides the copy in place.
    auto corrected = [&](const std::string& name) {
        ChannelImage channel = channel_named(channels, name, image_set);
        if (illumination.count(name)) {
            channel.pixels = channel.pixels.clone();
            correct_illumination(channel, illumination.at(name));
        }
        return channel;
    };
    const ChannelImage nuclei_image = corrected(settings.nuclei_channel);
    const ChannelImage cells_image = corrected(settings.cells_channel);

    const PrimaryResult nuclei = identify_primary(nuclei_image.pixels, settings.nuclei);
    const SecondaryResult cells = identify_secondary(cells_image.pixels, nuclei, settings.cells);
    segmentation.nuclei = nuclei.labels;
    segmentation.cells = cells.labels;
    segmentation.nuclei_unfiltered = nuclei.small_removed_labels;
    segmentation.cells_unfiltered = cells.unfiltered_labels;
    segmentation.cytoplasm =
        identify_cytoplasm(cells.labels, nuclei.labels, settings.shrink_nuclei_for_cytoplasm);

    auto& figures = segmentation.image_figures;
    figures["Count_Nuclei"] = nuclei.count;
    figures["Count_Cells"] = largest_label(segmentation.cells);
    figures["Count_Cytoplasm"] = largest_label(segmentation.cytoplasm);
    figures["Threshold_FinalThreshold_Nuclei"] = nuclei.threshold.final_threshold;
    figures["Threshold_OrigThreshold_Nuclei"] = nuclei.threshold.original_threshold;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const bool thresholded = cells_are_thresholded(settings.cells);
    figures["Threshold_FinalThreshold_Cells"] = thresholded ? cells.threshold.final_threshold : nan;
    figures["Threshold_OrigThreshold_Cells"] =
        thresholded ? cells.threshold.original_threshold : nan;
    segmentation.provenance = make_provenance(channels, illumination, config);
    return segmentation;
}

Segmentation segment_image_set(const ImageSet& image_set, const SegmentSettings& settings,
                               const IlluminationFunctions& illumination,
                               const nlohmann::json& config) {
    const auto channels = read_channels(image_set, settings);
    return segment_channels(image_set, channels, settings, illumination, config);
}

}  // namespace hcs::segment
