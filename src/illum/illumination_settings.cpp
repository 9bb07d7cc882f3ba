// Reading and writing the illumination settings with CellProfiler's names for each choice
// (cellprofiler_library.opts.correctilluminationcalculate).
#include "hcs/illum/illumination_settings.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "hcs/core/errors.hpp"

namespace hcs::illum {
namespace {

// CellProfiler's automatic filter size: an image's longer side over 40, at most 30 pixels.
constexpr double kAutomaticSizeDivisor = 40.0;
constexpr double kAutomaticSizeLimit = 30.0;
// Object size: a Gaussian's full width at half maximum is 2.35 sigma; CellProfiler takes the
// object diameter as 3.5 sigma.
constexpr double kFullWidthPerSigma = 2.35;
constexpr double kDiameterPerSigma = 3.5;

template <typename Choice>
using Names = std::vector<std::pair<Choice, std::string>>;

const Names<IntensityChoice> kIntensityNames = {{IntensityChoice::kRegular, "Regular"},
                                                {IntensityChoice::kBackground, "Background"}};
const Names<SmoothingMethod> kSmoothingNames = {
    {SmoothingMethod::kNone, "No smoothing"},
    {SmoothingMethod::kMedianFilter, "Median Filter"},
    {SmoothingMethod::kGaussianFilter, "Gaussian Filter"},
    {SmoothingMethod::kConvexHull, "Convex Hull"},
    {SmoothingMethod::kToAverage, "Smooth to Average"}};
const Names<FilterSizeMethod> kFilterSizeNames = {{FilterSizeMethod::kAutomatic, "Automatic"},
                                                  {FilterSizeMethod::kObjectSize, "Object size"},
                                                  {FilterSizeMethod::kManually, "Manually"}};
const Names<RescaleOption> kRescaleNames = {
    {RescaleOption::kYes, "Yes"}, {RescaleOption::kNo, "No"}, {RescaleOption::kMedian, "Median"}};

template <typename Choice>
std::string name_of(const Names<Choice>& names, Choice choice) {
    for (const auto& [value, name] : names) {
        if (value == choice) return name;
    }
    return "?";
}

template <typename Choice>
void read_choice(const nlohmann::json& section, const char* key, const Names<Choice>& names,
                 Choice& target) {
    if (!section.contains(key)) return;
    const std::string text = section.at(key).get<std::string>();
    for (const auto& [value, name] : names) {
        if (name == text) {
            target = value;
            return;
        }
    }
    std::string known;
    for (const auto& entry : names) known += (known.empty() ? "'" : ", '") + entry.second + "'";
    throw UsageError("config key /illum/" + std::string(key) + " is '" + text +
                     "'; expected one of " + known);
}

template <typename Number>
void read_number(const nlohmann::json& section, const char* key, Number& target) {
    if (!section.contains(key)) return;
    if (!section.at(key).is_number()) {
        throw UsageError("config key /illum/" + std::string(key) + " must be a number, not " +
                         section.at(key).dump());
    }
    target = section.at(key).get<Number>();
}

}  // namespace

IlluminationSettings IlluminationSettings::from_json(const nlohmann::json& section) {
    IlluminationSettings settings;
    if (section.is_null()) return settings;
    try {
        read_choice(section, "intensity", kIntensityNames, settings.intensity);
        read_choice(section, "smoothing", kSmoothingNames, settings.smoothing);
        read_choice(section, "filter_size_method", kFilterSizeNames, settings.filter_size_method);
        read_choice(section, "rescale", kRescaleNames, settings.rescale);
        if (section.contains("dilate_objects")) {
            settings.dilate_objects = section.at("dilate_objects").get<bool>();
        }
    } catch (const nlohmann::json::exception& error) {
        throw UsageError("config section /illum has a value of the wrong type: " +
                         std::string(error.what()));
    }
    read_number(section, "block_size", settings.block_size);
    read_number(section, "dilation_radius", settings.dilation_radius);
    read_number(section, "object_width", settings.object_width);
    read_number(section, "filter_size", settings.filter_size);

    if (settings.block_size < 1) throw UsageError("config key /illum/block_size must be >= 1");
    if (settings.dilation_radius < 0) {
        throw UsageError("config key /illum/dilation_radius must be >= 0");
    }
    if (settings.filter_size <= 0 || settings.object_width <= 0) {
        throw UsageError("config keys /illum/filter_size and /illum/object_width must be > 0");
    }
    return settings;
}

nlohmann::json IlluminationSettings::to_json() const {
    return {{"intensity", name_of(kIntensityNames, intensity)},
            {"block_size", block_size},
            {"dilate_objects", dilate_objects},
            {"dilation_radius", dilation_radius},
            {"smoothing", name_of(kSmoothingNames, smoothing)},
            {"filter_size_method", name_of(kFilterSizeNames, filter_size_method)},
            {"object_width", object_width},
            {"filter_size", filter_size},
            {"rescale", name_of(kRescaleNames, rescale)}};
}

double smoothing_filter_size(const IlluminationSettings& settings, int rows, int cols) {
    switch (settings.filter_size_method) {
        case FilterSizeMethod::kManually:
            return settings.filter_size;
        case FilterSizeMethod::kObjectSize:
            return settings.object_width * kFullWidthPerSigma / kDiameterPerSigma;
        case FilterSizeMethod::kAutomatic:
            break;
    }
    return std::min(kAutomaticSizeLimit, std::max(rows, cols) / kAutomaticSizeDivisor);
}

}  // namespace hcs::illum
