// CellProfiler's "Convex Hull" smoothing (smooth_with_convex_hull): grey erosion by a disk of
// radius 2, centrosome's convex hull transform over 256 levels, grey dilation by the same disk.
#pragma once

#include <opencv2/core.hpp>

namespace hcs::illum {

// centrosome.cpmorphology.grey_erosion / grey_dilation(image, radius) without a mask: the
// image padded with 1 (erosion) or 0 (dilation) and filtered with strel_disk(radius). CV_64F.
cv::Mat grey_erosion_disk(const cv::Mat& image, int radius);
cv::Mat grey_dilation_disk(const cv::Mat& image, int radius);

// centrosome.filter.convex_hull_transform(image, levels): the image cut into `levels` evenly
// spaced levels between its minimum and maximum; each pixel takes the highest level whose
// pixels' convex hull contains it. CV_64F.
cv::Mat convex_hull_transform(const cv::Mat& image, int levels = 256);

// The whole Convex Hull smoothing step, float32 result.
cv::Mat convex_hull_smoothing(const cv::Mat& pixels);

}  // namespace hcs::illum
