// Hole filling of labelled objects as centrosome.cpmorphology.fill_labeled_holes, which
// IdentifyPrimaryObjects runs after thresholding (holes smaller than Dmax^2) and after
// declumping (all holes).
#pragma once

#include <opencv2/core.hpp>

namespace hcs::segment {

// Fills every background region (4-connected) that does not reach the image edge and touches a
// single object with that object's label; an object enclosed by one other object takes its
// label too. With size_limit > 0 a region (background or object) of size_limit pixels or more is
// never filled. `labels`: CV_32S labels, or CV_8U (non-zero = one object). Returns CV_32S.
cv::Mat fill_labeled_holes(const cv::Mat& labels, long size_limit = 0);

}  // namespace hcs::segment
