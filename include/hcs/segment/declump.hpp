// Splitting clumps of nuclei as IdentifyPrimaryObjects does (cellprofiler_library
// object_processing.separate_neighboring_objects): seeds from intensity or shape maxima, dividing
// lines by a watershed on intensity or distance, or by propagation.
#pragma once

#include <opencv2/core.hpp>

#include "hcs/segment/identify_primary.hpp"

namespace hcs::segment {

struct DeclumpResult {
    cv::Mat labels;  // CV_32S objects numbered as their seeds (raster order of the seeds)
    cv::Mat seeds;   // CV_32S labelled maxima used as markers
    double maxima_suppression_size = 7;  // the size actually used (after the automatic rules)
};

// Declumps the 8-connected `clumps` (CV_32S) of the CV_32F `image` with the declumping settings
// of `settings` (min diameter, smoothing filter, maxima suppression, low-resolution search).
DeclumpResult separate_neighboring_objects(const cv::Mat& image, const cv::Mat& clumps,
                                           const PrimarySettings& settings);

// CellProfiler's declumping smoothing (object_processing.smooth_image): a Gaussian of sigma
// filter_size / 2.35 cut at filter_size / 2 pixels, corrected for the image edge.
cv::Mat declump_smoothed_image(const cv::Mat& image, double filter_size);

// Exact Euclidean distance of each non-zero pixel of the CV_8U mask to the nearest zero pixel
// (scipy.ndimage.distance_transform_edt: the image edge is not background). CV_64F.
cv::Mat euclidean_distance_map(const cv::Mat& mask);

}  // namespace hcs::segment
