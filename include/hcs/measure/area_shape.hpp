// Per-object size and shape features (CellProfiler MeasureObjectSizeShape, 2-D): the
// scikit-image regionprops it reports, centrosome's radii and Feret diameters, and Zernike
// moments 0..9.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "hcs/measure/object_set.hpp"

namespace hcs::measure {

struct AreaShapeSettings {
    bool zernike = true;    // "Calculate the Zernike features?"
    bool advanced = false;  // "Calculate the advanced features?" (moments, inertia tensor)
};

// "AreaShape_<Feature>" for every object, in CellProfiler's column order (alphabetical as its
// exporter writes them). Objects without pixels get NaN throughout.
Measurements measure_area_shape(const ObjectSet& objects, const AreaShapeSettings& settings);

// skimage.measure.perimeter(mask, 4) of a CV_8U crop: boundary pixels (4-connected erosion)
// weighted 1, sqrt 2 or (1 + sqrt 2) / 2 by the configuration of their boundary neighbours.
double perimeter_4(const cv::Mat& mask);

// The "advanced" features of one object's CV_8U crop, named without the AreaShape_ prefix:
// SpatialMoment_p_q and CentralMoment_p_q (p = 0..2, q = 0..3), NormalizedMoment_p_q
// (p, q = 0..3; NaN for p + q < 2), HuMoment_0..6, InertiaTensor_i_j,
// InertiaTensorEigenvalues_0/1; p is the power of the row, q of the column (scikit-image).
std::vector<std::pair<std::string, double>> advanced_shape_features(const cv::Mat& mask);

// Euler number of a CV_8U crop with 8-connected foreground (skimage regionprops), from Gray's
// bit-quad counts: (Q1 - Q3 - 2 QD) / 4.
int euler_number_8(const cv::Mat& mask);

}  // namespace hcs::measure
