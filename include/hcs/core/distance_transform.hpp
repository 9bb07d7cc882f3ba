// The exact Euclidean distance transform that segmentation and measurement share, computed as
// scipy.ndimage.distance_transform_edt computes it, so that ties and roundings agree with
// CellProfiler's.
#pragma once

#include <opencv2/core.hpp>

namespace hcs {

// Squared Euclidean distance of every non-zero pixel of a CV_8U mask to the nearest zero pixel
// (CV_64F; 0 on zero pixels). The image edge is not background: a mask without any zero pixel
// gives +infinity everywhere. Felzenszwalb and Huttenlocher's two passes, columns then rows,
// so every value is an exact integer.
cv::Mat squared_distance_transform(const cv::Mat& mask);

}  // namespace hcs
