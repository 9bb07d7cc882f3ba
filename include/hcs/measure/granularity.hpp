// Granular spectrum (CellProfiler MeasureGranularity): subsample, remove the background with a
// grey opening (tophat), then erode + reconstruct repeatedly and record the fraction of the
// image's (or each object's) mean intensity removed at each step.
#pragma once

#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "hcs/measure/object_set.hpp"

namespace hcs::measure {

struct GranularitySettings {
    double subsample_size = 0.25;     // "Subsampling factor for granularity measurements"
    double image_sample_size = 0.25;  // "Subsampling factor for background reduction"
    int element_size = 10;            // "Radius of structuring element" (background tophat)
    int spectrum_length = 16;         // "Range of the granular spectrum"
};

struct GranularityResult {
    // Image figures "Granularity_<k>_<channel>", k = 1..spectrum_length.
    std::vector<std::pair<std::string, double>> image;
    // Per-object features for each object set given, in the order given.
    std::vector<Measurements> objects;
};

// Computes the image spectrum and, in the same pass, the spectrum within every object set
// (CellProfiler measures all object sets on the same reconstructed images).
GranularityResult measure_granularity(const cv::Mat& image, const std::string& channel,
                                      const std::vector<const ObjectSet*>& object_sets,
                                      const GranularitySettings& settings);

}  // namespace hcs::measure
