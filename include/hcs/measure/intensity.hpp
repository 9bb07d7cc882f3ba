// Per-object intensity statistics and intensity-weighted locations, as CellProfiler's
// MeasureObjectIntensity computes them (its quantile and MAD conventions included).
#pragma once

#include <string>

#include <opencv2/core.hpp>

#include "hcs/measure/object_set.hpp"

namespace hcs::measure {

// The 15 "Intensity_<Feature>_<channel>" features and the 6
// "Location_{CenterMassIntensity,MaxIntensity}_{X,Y,Z}_<channel>" features of every object,
// from a CV_32F image of the labels' size. Objects without pixels get NaN throughout.
Measurements measure_intensity(const ObjectSet& objects, const cv::Mat& image,
                               const std::string& channel);

// CellProfiler's quantile of values sorted ascending: q = n * fraction, i = floor(q), then
// sorted[i] interpolated towards sorted[i + 1] by q - i; sorted[i] alone when i >= n - 1.
double cellprofiler_quantile(const std::vector<double>& sorted, double fraction);

}  // namespace hcs::measure
