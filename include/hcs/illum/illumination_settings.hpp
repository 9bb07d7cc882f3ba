// The settings of one illumination function, named and valued as CellProfiler's
// CorrectIlluminationCalculate names them, read from the "illum" section of a config.
#pragma once

#include <nlohmann/json.hpp>

namespace hcs::illum {

// "Select how the illumination function is calculated".
enum class IntensityChoice { kRegular, kBackground };

// "Smoothing method". Fit Polynomial and Splines are not implemented (UsageError).
enum class SmoothingMethod { kNone, kMedianFilter, kGaussianFilter, kConvexHull, kToAverage };

// "Method to calculate smoothing filter size".
enum class FilterSizeMethod { kAutomatic, kObjectSize, kManually };

// "Rescale the illumination function?".
enum class RescaleOption { kYes, kNo, kMedian };

struct IlluminationSettings {
    IntensityChoice intensity = IntensityChoice::kRegular;
    int block_size = 60;          // Background only: side of the blocks whose minimum is taken
    bool dilate_objects = false;  // Regular only: Gaussian dilation of the averaged image
    int dilation_radius = 1;
    SmoothingMethod smoothing = SmoothingMethod::kMedianFilter;
    FilterSizeMethod filter_size_method = FilterSizeMethod::kAutomatic;
    double object_width = 10;  // "Approximate object diameter"
    double filter_size = 10;   // "Smoothing filter size" (Manually)
    RescaleOption rescale = RescaleOption::kYes;

    // Reads the "illum" section (keys as in configs/defaults.json); UsageError naming the key
    // and value for a choice CellProfiler does not have or this module does not implement.
    static IlluminationSettings from_json(const nlohmann::json& section);
    // The settings with CellProfiler's setting names as values, recorded in every output.
    nlohmann::json to_json() const;
};

// CellProfiler's smoothing filter size (cellprofiler_library get_smoothing_filter_size):
// Automatic: min(30, max(rows, cols) / 40); Object size: diameter * 2.35 / 3.5; Manually: as set.
double smoothing_filter_size(const IlluminationSettings& settings, int rows, int cols);

}  // namespace hcs::illum
