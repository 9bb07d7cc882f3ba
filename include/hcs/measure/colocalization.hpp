// Colocalisation of two channels (CellProfiler MeasureColocalization): Pearson correlation,
// Manders M1/M2, rank-weighted colocalisation (RWC), overlap coefficient with K1/K2, and
// optionally Costes' automatic-threshold Manders, on the whole image and within each object.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <opencv2/core.hpp>

#include "hcs/measure/object_set.hpp"

namespace hcs::measure {

enum class CostesMethod { Faster, Fast, Accurate };

struct ColocalizationSettings {
    double threshold_percent = 15.0;  // "threshold as percentage of maximum intensity"
    bool correlation = true;          // Correlation (and Slope for images)
    bool manders = true;
    bool rwc = true;
    bool overlap = true;  // Overlap, K
    bool costes = true;
    CostesMethod costes_method = CostesMethod::Faster;
    double scale_first = 255.0;  // intensity scale of each channel (Costes' step 1/scale)
    double scale_second = 255.0;
};

// Costes' automatic thresholds of a channel pair, found on the whole image (CellProfiler
// applies the image's thresholds within every object).
struct CostesThresholds {
    double first = 0, second = 0;
};
CostesThresholds costes_thresholds(const cv::Mat& first, const cv::Mat& second,
                                   const ColocalizationSettings& settings);

// Per-object features "Correlation_<Metric>_<first>_<second>" (and _<second>_<first> for the
// asymmetric ones), as CellProfiler names them. `costes` may hold the pair's thresholds,
// computed once for several object sets; when null they are computed here.
Measurements measure_colocalization(const ObjectSet& objects, const cv::Mat& first,
                                    const cv::Mat& second, const std::string& first_name,
                                    const std::string& second_name,
                                    const ColocalizationSettings& settings,
                                    const CostesThresholds* costes = nullptr);

// Whole-image figures with the same names, plus Correlation_Slope_<first>_<second>.
std::vector<std::pair<std::string, double>> measure_image_colocalization(
    const cv::Mat& first, const cv::Mat& second, const std::string& first_name,
    const std::string& second_name, const ColocalizationSettings& settings,
    const CostesThresholds* costes = nullptr);

}  // namespace hcs::measure
