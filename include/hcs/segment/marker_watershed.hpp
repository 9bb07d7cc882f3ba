// Seeded watershed by priority flooding, as scikit-image 0.19 segmentation.watershed floods
// (which CellProfiler uses for declumping and for secondary objects).
#pragma once

#include <opencv2/core.hpp>

namespace hcs::segment {

// Floods `surface` (CV_64F) from `markers` (CV_32S, > 0 = marker label) within `mask` (CV_8U,
// non-zero = may be labelled; empty = everywhere), 8-connected. Pixels are taken lowest value
// first, ties in the order they were reached; a pixel takes the label of the pixel that reached
// it. Returns CV_32S labels (0 outside the mask or unreachable).
cv::Mat marker_watershed(const cv::Mat& surface, const cv::Mat& markers, const cv::Mat& mask);

}  // namespace hcs::segment
