// Per-object size and shape features (CellProfiler MeasureObjectSizeShape, 2-D): the
// scikit-image regionprops it reports, centrosome's radii and Feret diameters, and Zernike
// moments 0..9.
#pragma once

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

// Euler number of a CV_8U crop with 8-connected foreground (skimage regionprops), from Gray's
// bit-quad counts: (Q1 - Q3 - 2 QD) / 4.
int euler_number_8(const cv::Mat& mask);

}  // namespace hcs::measure
