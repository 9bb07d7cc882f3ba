// Per-cell features computed from others before profiling, e.g. the nuclear-to-cytoplasmic
// ratio of a reporter's mean intensity (the BBBC013 FOXO1A-GFP translocation read-out).
#pragma once

#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"

namespace hcs::profile {

struct RatioFeature {
    std::string name;         // e.g. "Cells_Ratio_NucleiCytoplasm_MeanIntensity_GFP"
    std::string numerator;    // e.g. "Nuclei_Intensity_MeanIntensity_GFP"
    std::string denominator;  // e.g. "Cytoplasm_Intensity_MeanIntensity_GFP"
};

// Appends numerator / denominator for every cell: NaN where either is NaN or the denominator is
// 0 (a cytoplasm without signal has no defined ratio). InputError names a missing column.
void add_ratio_features(FeatureTable& cells, const std::vector<RatioFeature>& ratios);

// A per-cell class from one feature and a threshold: 1 above it, 0 at or below, NaN when the
// feature is NaN - a simple classifier whose classes the proportions profile counts (e.g. cells
// whose GFP is more nuclear than cytoplasmic: ratio above 1).
struct ThresholdClass {
    std::string name;
    std::string feature;
    double threshold = 0;
};

// Appends one class column per entry. InputError names a missing feature.
void add_threshold_classes(FeatureTable& cells, const std::vector<ThresholdClass>& classes);

}  // namespace hcs::profile
