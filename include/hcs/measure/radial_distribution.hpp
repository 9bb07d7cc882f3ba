// Radial intensity distribution (CellProfiler MeasureObjectIntensityDistribution): each object
// is cut into rings from its centre (or the centre of a related object, e.g. cells centred on
// their nuclei) to its edge; per ring the fraction of intensity (FracAtD), that fraction over
// the fraction of pixels (MeanFrac) and the variation across 8 wedges (RadialCV).
#pragma once

#include <string>

#include <opencv2/core.hpp>

#include "hcs/measure/object_set.hpp"

namespace hcs::measure {

struct RadialDistributionSettings {
    int bin_count = 4;         // "Number of bins"
    bool scaled = true;        // "Scale the bins?"
    int maximum_radius = 100;  // used only when not scaled
};

// `centers` may be null (objects centred on themselves: the point farthest from the edge);
// otherwise object k is centred on the centre of centers object k (same numbering, as Cells
// and Nuclei). Features "RadialDistribution_{FracAtD,MeanFrac,RadialCV}_<channel>_<i>of<n>".
Measurements measure_radial_distribution(const ObjectSet& objects, const ObjectSet* centers,
                                         const cv::Mat& image, const std::string& channel,
                                         const RadialDistributionSettings& settings);

}  // namespace hcs::measure
