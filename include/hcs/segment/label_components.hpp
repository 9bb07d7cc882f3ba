// Connected-component labelling numbered as scipy.ndimage.label numbers it (raster order of each
// component's first pixel), which CellProfiler's object numbers inherit.
#pragma once

#include <opencv2/core.hpp>

namespace hcs::segment {

// Labels the non-zero pixels of a CV_8U mask, 4- or 8-connected. Returns CV_32S; `count` gets the
// number of components when given.
cv::Mat label_components(const cv::Mat& mask, int connectivity, int* count = nullptr);

// Renumbers the labels 1..N in increasing order of their current value, dropping gaps
// (centrosome.cpmorphology.relabel).
cv::Mat relabel_consecutively(const cv::Mat& labels, int* count = nullptr);

}  // namespace hcs::segment
