// Image-level quality figures (CellProfiler MeasureImageQuality): blur (focus score, local
// focus score, Haralick correlation, power log-log slope), saturation (percent maximal and
// minimal), intensity summary, and an automatic threshold.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <opencv2/core.hpp>

namespace hcs::measure {

struct ImageQualitySettings {
    bool blur = true;
    std::vector<int> blur_scales{20};  // "Spatial scale for blur measurements"
    bool saturation = true;
    bool intensity = true;
    bool threshold = true;   // Otsu two-class, weighted variance (CellProfiler default)
    double scaling = 255.0;  // reported as ImageQuality_Scaling_<channel>
    bool include_scaling = true;
};

// Figures "ImageQuality_<Feature>_<channel>[_<scale>]" in CellProfiler's names.
std::vector<std::pair<std::string, double>> measure_image_quality(
    const cv::Mat& image, const std::string& channel, const ImageQualitySettings& settings);

}  // namespace hcs::measure
