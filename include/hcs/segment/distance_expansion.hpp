// Cells as fixed-distance expansions of their nuclei, IdentifySecondaryObjects' "Distance - N"
// (every pixel within N of a nucleus, by Euclidean distance) and "Distance - B" (propagation
// limited to the cell channel's foreground and cut at distance N).
#pragma once

#include <opencv2/core.hpp>

namespace hcs::segment {

// For every pixel, the (row, col) of its nearest non-zero pixel of `seeds`, with ties resolved
// as scipy.ndimage.distance_transform_edt(seeds == 0, return_indices=True) resolves them.
// Returns CV_32SC2 holding (row, col); (-1, -1) everywhere when there is no seed.
cv::Mat nearest_seed_pixels(const cv::Mat& seeds);

// Distance - N: each pixel whose nearest seed pixel lies at Euclidean distance <= `distance`
// takes that seed's label (CV_32S in, CV_32S out).
cv::Mat expand_seeds_by_distance(const cv::Mat& seeds, int distance);

// Distance - B: propagation over `image` within `foreground` with regularization 1.0 (CellProfiler
// fixes it there, whatever the module's setting), pixels farther than `distance` in the
// propagation metric dropped, seed pixels restored.
cv::Mat expand_seeds_within_foreground(const cv::Mat& image, const cv::Mat& seeds,
                                       const cv::Mat& foreground, int distance);

}  // namespace hcs::segment
