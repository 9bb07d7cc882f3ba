// Maps CellProfiler 5 IdentifyPrimaryObjects settings (setting text -> value, as CellProfiler
// lists them) onto PrimarySettings, so that parity runs use exactly CellProfiler's settings.
#include <map>
#include <string>
#include <tuple>

#include "hcs/core/errors.hpp"
#include "hcs/segment/cellprofiler_settings.hpp"

namespace hcs::segment {
namespace {

using SettingValues = std::map<std::string, std::string>;

// The first value of each setting text ("Thresholding method" appears twice; the first is the
// global method).
SettingValues module_settings(const nlohmann::json& pipeline) {
    const nlohmann::json* module = &pipeline;
    if (pipeline.contains("modules")) {
        module = nullptr;
        for (const auto& candidate : pipeline.at("modules")) {
            if (candidate.value("module_name", "") == "IdentifyPrimaryObjects") {
                module = &candidate;
                break;
            }
        }
        if (!module) throw InputError("pipeline settings hold no IdentifyPrimaryObjects module");
    }
    SettingValues values;
    for (const auto& setting : module->at("settings")) {
        values.emplace(setting.at("text").get<std::string>(),
                       setting.at("value").get<std::string>());
    }
    return values;
}

const std::string& value_of(const SettingValues& values, const std::string& text) {
    const auto found = values.find(text);
    if (found == values.end())
        throw InputError("IdentifyPrimaryObjects setting '" + text + "' missing");
    return found->second;
}

bool yes(const SettingValues& values, const std::string& text) {
    return value_of(values, text) == "Yes";
}

double number(const SettingValues& values, const std::string& text) {
    const std::string& value = value_of(values, text);
    try {
        return std::stod(value);
    } catch (const std::exception&) {
        throw InputError("IdentifyPrimaryObjects setting '" + text + "' = '" + value +
                         "' is not a number");
    }
}

// "a,b" -> (a, b)
std::pair<double, double> number_pair(const SettingValues& values, const std::string& text) {
    const std::string& value = value_of(values, text);
    const auto comma = value.find(',');
    if (comma == std::string::npos) {
        throw InputError("IdentifyPrimaryObjects setting '" + text + "' = '" + value +
                         "' is not a pair 'a,b'");
    }
    return {std::stod(value.substr(0, comma)), std::stod(value.substr(comma + 1))};
}

ThresholdSettings threshold_settings(const SettingValues& values) {
    ThresholdSettings threshold;
    if (value_of(values, "Threshold strategy") != "Global") {
        throw InputError("threshold strategy '" + value_of(values, "Threshold strategy") +
                         "' is not supported (only Global)");
    }
    const std::string& method = value_of(values, "Thresholding method");
    if (method == "Minimum Cross-Entropy")
        threshold.method = ThresholdMethod::MinimumCrossEntropy;
    else if (method == "Otsu")
        threshold.method = ThresholdMethod::Otsu;
    else if (method == "Robust Background")
        threshold.method = ThresholdMethod::RobustBackground;
    else if (method == "Manual")
        threshold.method = ThresholdMethod::Manual;
    else
        throw InputError("thresholding method '" + method + "' is not supported");

    threshold.otsu_classes =
        value_of(values, "Two-class or three-class thresholding?") == "Three classes"
            ? OtsuClasses::Three
            : OtsuClasses::Two;
    threshold.middle_class =
        value_of(values,
                 "Assign pixels in the middle intensity class to the foreground or the "
                 "background?") == "Background"
            ? ThreeClassMiddle::Background
            : ThreeClassMiddle::Foreground;
    threshold.smoothing_scale = number(values, "Threshold smoothing scale");
    threshold.correction_factor = number(values, "Threshold correction factor");
    std::tie(threshold.lower_bound, threshold.upper_bound) =
        number_pair(values, "Lower and upper bounds on threshold");
    threshold.manual_threshold = number(values, "Manual threshold");
    threshold.log_transform = yes(values, "Log transform before thresholding?");
    threshold.robust_lower_outlier_fraction = number(values, "Lower outlier fraction");
    threshold.robust_upper_outlier_fraction = number(values, "Upper outlier fraction");
    threshold.robust_averaging = value_of(values, "Averaging method");
    threshold.robust_variance = value_of(values, "Variance method");
    threshold.robust_deviations = number(values, "# of deviations");
    return threshold;
}

DeclumpMethod declump_method(const std::string& value) {
    if (value == "Intensity") return DeclumpMethod::Intensity;
    if (value == "Shape") return DeclumpMethod::Shape;
    if (value == "None") return DeclumpMethod::None;
    throw InputError("declumping method '" + value + "' is not Intensity, Shape or None");
}

DividingLines dividing_lines(const std::string& value) {
    if (value == "Intensity") return DividingLines::Intensity;
    if (value == "Shape") return DividingLines::Shape;
    if (value == "Propagate") return DividingLines::Propagate;
    if (value == "None") return DividingLines::None;
    throw InputError("dividing lines method '" + value +
                     "' is not Intensity, Shape, Propagate "
                     "or None");
}

FillHoles fill_holes(const std::string& value) {
    if (value == "After both thresholding and declumping")
        return FillHoles::AfterThresholdAndDeclumping;
    if (value == "After declumping only") return FillHoles::AfterDeclumping;
    if (value == "Never" || value == "No") return FillHoles::Never;
    if (value == "Yes") return FillHoles::AfterThresholdAndDeclumping;
    throw InputError("fill holes setting '" + value + "' is not recognised");
}

}  // namespace

PrimarySettings primary_settings_from_cellprofiler(const nlohmann::json& pipeline) {
    const SettingValues values = module_settings(pipeline);
    PrimarySettings settings;
    const auto diameters =
        number_pair(values, "Typical diameter of objects, in pixel units (Min,Max)");
    settings.typical_diameter_min = static_cast<int>(diameters.first);
    settings.typical_diameter_max = static_cast<int>(diameters.second);
    settings.discard_outside_diameter = yes(values, "Discard objects outside the diameter range?");
    settings.discard_border_objects =
        yes(values, "Discard objects touching the border of the image?");
    settings.declump = declump_method(value_of(values, "Method to distinguish clumped objects"));
    settings.dividing_lines =
        dividing_lines(value_of(values, "Method to draw dividing lines between clumped objects"));
    settings.smoothing_filter_size = number(values, "Size of smoothing filter");
    settings.maxima_suppression_size =
        number(values, "Suppress local maxima that are closer than this minimum allowed distance");
    settings.low_resolution_maxima =
        yes(values, "Speed up by using lower-resolution image to find local maxima?");
    settings.fill_holes = fill_holes(value_of(values, "Fill holes in identified objects?"));
    settings.automatic_smoothing =
        yes(values, "Automatically calculate size of smoothing filter for declumping?");
    settings.automatic_maxima_suppression =
        yes(values, "Automatically calculate minimum allowed distance between local maxima?");
    settings.use_advanced_settings = yes(values, "Use advanced settings?");
    settings.threshold = threshold_settings(values);
    return settings;
}

}  // namespace hcs::segment
