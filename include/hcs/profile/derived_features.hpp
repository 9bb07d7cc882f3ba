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

}  // namespace hcs::profile
