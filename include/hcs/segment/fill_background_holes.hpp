// Filling the background holes of labelled objects as centrosome's
// cpmorphology.fill_labeled_holes(labels, mask=labels == 0) does for IdentifySecondaryObjects: a
// 4-connected background region is a hole when it touches exactly one object and does not reach
// the image edge; it takes that object's label. Object pixels never change.
#pragma once

#include <opencv2/core.hpp>

namespace hcs::segment {

// Returns a copy of `labels` (CV_32S, 0 = background) with its background holes filled.
//
// Unlike fill_labeled_holes (fill_holes.hpp, IdentifyPrimaryObjects' unmasked call), an object
// enclosed by another keeps its label: CellProfiler's cells keep stray seed pixels that lie inside
// another cell, and every cp_internal_labels/*_unfiltered.tif fixture needs this to be matched.
cv::Mat fill_background_holes(const cv::Mat& labels);

}  // namespace hcs::segment
