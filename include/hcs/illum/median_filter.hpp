// CellProfiler's "Median Filter" smoothing of an illumination function: the image quantised to
// uint16, then scikit-image's rank median over a disk (filters.median(..., behavior="rank")).
#pragma once

#include <opencv2/core.hpp>

namespace hcs::illum {

// Half-width of each row of centrosome's strel_disk(radius): for dy in -radius..radius,
// the largest dx with dx*dx + dy*dy <= radius*radius. Index dy + radius.
std::vector<int> disk_half_widths(int radius);

// Rank median of a CV_16U image over a disk of `radius`: at each pixel, the value at index
// floor(n / 2) of the sorted n in-image pixels under the disk (scikit-image's rank median: the
// smallest value whose cumulative count exceeds n / 2; pixels outside the image are not counted).
cv::Mat rank_median_disk(const cv::Mat& image, int radius, int threads = 0);

// The whole Median Filter step of CellProfiler's smooth_plane on a CV_32F image:
// uint16(pixels * 65535) (float32 product, truncated), rank median over strel_disk(radius),
// then back to float32 as median / 65535.
cv::Mat median_filter_smoothing(const cv::Mat& pixels, int radius, int threads = 0);

}  // namespace hcs::illum
