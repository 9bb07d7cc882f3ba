// Reading the "segment" section of a config into the settings of IdentifyPrimaryObjects,
// IdentifySecondaryObjects and IdentifyTertiaryObjects. Method names are spelled as CellProfiler 5
// spells the setting values ("Minimum Cross-Entropy", "Watershed - Gradient"), compared
// without regard to case, so a pipeline's settings can be copied over as they read.
#include "hcs/segment/segment_settings.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>
#include <vector>

#include "hcs/core/errors.hpp"

namespace hcs::segment {
namespace {

using Json = nlohmann::json;

std::string lower_case(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// A typo in a key would otherwise be ignored silently and the default used.
void reject_unknown_keys(const Json& section, const std::set<std::string>& known,
                         const std::string& where) {
    if (!section.is_object()) throw UsageError("config key " + where + " must be an object");
    for (const auto& item : section.items()) {
        if (!known.count(item.key())) {
            throw UsageError("unknown config key " + where + "/" + item.key());
        }
    }
}

// Sets `target` from section[key] when present; UsageError naming the key on a wrong type.
template <typename T>
void take(const Json& section, const char* key, T& target, const std::string& where) {
    if (!section.contains(key)) return;
    try {
        target = section.at(key).get<T>();
    } catch (const Json::exception&) {
        throw UsageError("config key " + where + "/" + key +
                         " has the wrong type: " + section.at(key).dump());
    }
}

// Maps section[key], a CellProfiler setting value, to its enum through `names`.
template <typename Enum>
void take_choice(const Json& section, const char* key, Enum& target,
                 const std::vector<std::pair<const char*, Enum>>& names, const std::string& where) {
    std::string value;
    take(section, key, value, where);
    if (value.empty()) return;
    for (const auto& [name, choice] : names) {
        if (lower_case(name) == lower_case(value)) {
            target = choice;
            return;
        }
    }
    std::string expected;
    for (const auto& entry : names)
        expected += (expected.empty() ? "'" : ", '") + std::string(entry.first) + "'";
    throw UsageError("config key " + where + "/" + key + " = '" + value + "' is not one of " +
                     expected);
}

const Json& section_at(const Json& config, const char* pointer) {
    static const Json empty = Json::object();
    const Json::json_pointer where(pointer);
    return config.contains(where) ? config.at(where) : empty;
}

void check_threshold_values(const ThresholdSettings& threshold, const std::string& where) {
    if (threshold.smoothing_scale < 0 || threshold.correction_factor <= 0 ||
        threshold.lower_bound > threshold.upper_bound) {
        throw UsageError("config section " + where +
                         " needs smoothing_scale >= 0, correction_factor > 0 and "
                         "lower_bound <= upper_bound");
    }
}

PrimarySettings read_primary_settings(const Json& section, const std::string& where) {
    reject_unknown_keys(
        section,
        {"typical_diameter_min", "typical_diameter_max", "discard_outside_diameter",
         "discard_border_objects", "declump", "dividing_lines", "use_advanced_settings",
         "automatic_smoothing", "smoothing_filter_size", "automatic_maxima_suppression",
         "maxima_suppression_size", "low_resolution_maxima", "fill_holes", "threshold"},
        where);
    PrimarySettings settings;
    take(section, "typical_diameter_min", settings.typical_diameter_min, where);
    take(section, "typical_diameter_max", settings.typical_diameter_max, where);
    take(section, "discard_outside_diameter", settings.discard_outside_diameter, where);
    take(section, "discard_border_objects", settings.discard_border_objects, where);
    take_choice(section, "declump", settings.declump,
                {{"Intensity", DeclumpMethod::Intensity},
                 {"Shape", DeclumpMethod::Shape},
                 {"None", DeclumpMethod::None}},
                where);
    take_choice(section, "dividing_lines", settings.dividing_lines,
                {{"Intensity", DividingLines::Intensity},
                 {"Shape", DividingLines::Shape},
                 {"Propagate", DividingLines::Propagate},
                 {"None", DividingLines::None}},
                where);
    take(section, "use_advanced_settings", settings.use_advanced_settings, where);
    take(section, "automatic_smoothing", settings.automatic_smoothing, where);
    take(section, "smoothing_filter_size", settings.smoothing_filter_size, where);
    take(section, "automatic_maxima_suppression", settings.automatic_maxima_suppression, where);
    take(section, "maxima_suppression_size", settings.maxima_suppression_size, where);
    take(section, "low_resolution_maxima", settings.low_resolution_maxima, where);
    take_choice(section, "fill_holes", settings.fill_holes,
                {{"After both thresholding and declumping", FillHoles::AfterThresholdAndDeclumping},
                 {"After declumping only", FillHoles::AfterDeclumping},
                 {"Never", FillHoles::Never}},
                where);
    if (section.contains("threshold")) {
        settings.threshold = read_threshold_settings(section.at("threshold"), settings.threshold,
                                                     where + "/threshold");
    }
    if (settings.typical_diameter_min < 0 ||
        settings.typical_diameter_max < settings.typical_diameter_min) {
        throw UsageError("config keys " + where + "/typical_diameter_min and _max must satisfy " +
                         "0 <= min <= max");
    }
    return settings;
}

SecondarySettings read_secondary_settings(const Json& section, const std::string& where) {
    reject_unknown_keys(section,
                        {"method", "threshold", "regularization", "distance_to_dilate",
                         "fill_holes", "discard_border_cells"},
                        where);
    SecondarySettings settings;
    // CellProfiler's IdentifySecondaryObjects sets its threshold smoothing scale to 0.
    settings.threshold.smoothing_scale = 0.0;
    take_choice(section, "method", settings.method,
                {{"Propagation", SecondaryMethod::Propagation},
                 {"Watershed - Gradient", SecondaryMethod::WatershedGradient},
                 {"Watershed - Image", SecondaryMethod::WatershedImage},
                 {"Distance - N", SecondaryMethod::DistanceN},
                 {"Distance - B", SecondaryMethod::DistanceB}},
                where);
    take(section, "regularization", settings.regularization, where);
    take(section, "distance_to_dilate", settings.distance_to_dilate, where);
    take(section, "fill_holes", settings.fill_holes, where);
    take(section, "discard_border_cells", settings.discard_border_cells, where);
    if (section.contains("threshold")) {
        settings.threshold = read_threshold_settings(section.at("threshold"), settings.threshold,
                                                     where + "/threshold");
    }
    if (settings.regularization < 0 || settings.distance_to_dilate < 0) {
        throw UsageError("config keys " + where +
                         "/regularization and distance_to_dilate must be >= 0");
    }
    return settings;
}

}  // namespace

ThresholdSettings read_threshold_settings(const Json& section, const ThresholdSettings& base,
                                          const std::string& where) {
    reject_unknown_keys(
        section,
        {"strategy", "method", "otsu_classes", "middle_class", "smoothing_scale",
         "correction_factor", "lower_bound", "upper_bound", "manual_threshold",
         "robust_lower_outlier_fraction", "robust_upper_outlier_fraction", "robust_averaging",
         "robust_variance", "robust_deviations", "log_transform"},
        where);
    std::string strategy = "Global";
    take(section, "strategy", strategy, where);
    if (lower_case(strategy) != "global") {
        throw UsageError("config key " + where + "/strategy = '" + strategy +
                         "': only 'Global' thresholds are implemented");
    }
    ThresholdSettings settings = base;
    take_choice(section, "method", settings.method,
                {{"Minimum Cross-Entropy", ThresholdMethod::MinimumCrossEntropy},
                 {"Otsu", ThresholdMethod::Otsu},
                 {"Robust Background", ThresholdMethod::RobustBackground},
                 {"Manual", ThresholdMethod::Manual}},
                where);
    take_choice(section, "otsu_classes", settings.otsu_classes,
                {{"Two classes", OtsuClasses::Two}, {"Three classes", OtsuClasses::Three}}, where);
    take_choice(section, "middle_class", settings.middle_class,
                {{"Foreground", ThreeClassMiddle::Foreground},
                 {"Background", ThreeClassMiddle::Background}},
                where);
    take(section, "smoothing_scale", settings.smoothing_scale, where);
    take(section, "correction_factor", settings.correction_factor, where);
    take(section, "lower_bound", settings.lower_bound, where);
    take(section, "upper_bound", settings.upper_bound, where);
    take(section, "manual_threshold", settings.manual_threshold, where);
    take(section, "robust_lower_outlier_fraction", settings.robust_lower_outlier_fraction, where);
    take(section, "robust_upper_outlier_fraction", settings.robust_upper_outlier_fraction, where);
    take(section, "robust_averaging", settings.robust_averaging, where);
    take(section, "robust_variance", settings.robust_variance, where);
    take(section, "robust_deviations", settings.robust_deviations, where);
    take(section, "log_transform", settings.log_transform, where);
    check_threshold_values(settings, where);
    return settings;
}

SegmentSettings read_segment_settings(const Json& config) {
    SegmentSettings settings;
    const Json& image = section_at(config, "/image");
    take(section_at(config, "/image/channels"), "nuclei", settings.nuclei_channel,
         "/image/channels");
    take(section_at(config, "/image/channels"), "cells", settings.cells_channel, "/image/channels");
    take(image, "camera_bit_depth", settings.camera_bit_depth, "/image");
    if (settings.camera_bit_depth < 0 || settings.camera_bit_depth > 32) {
        throw UsageError("config key /image/camera_bit_depth must be 0 (from the file) or 1..32");
    }

    const Json& segment = section_at(config, "/segment");
    reject_unknown_keys(segment, {"nuclei", "cells", "cytoplasm"}, "/segment");
    settings.nuclei =
        read_primary_settings(section_at(config, "/segment/nuclei"), "/segment/nuclei");
    settings.cells =
        read_secondary_settings(section_at(config, "/segment/cells"), "/segment/cells");
    const Json& cytoplasm = section_at(config, "/segment/cytoplasm");
    reject_unknown_keys(cytoplasm, {"shrink_nuclei"}, "/segment/cytoplasm");
    take(cytoplasm, "shrink_nuclei", settings.shrink_nuclei_for_cytoplasm, "/segment/cytoplasm");

    std::map<std::string, std::string> functions;
    take(section_at(config, "/illum"), "functions", functions, "/illum");
    for (const auto& [channel, path] : functions) settings.illumination_functions[channel] = path;
    return settings;
}

}  // namespace hcs::segment
