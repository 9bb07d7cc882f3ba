// Seeds for declumping as CellProfiler's get_maxima finds them: pixels not exceeded by any pixel
// of the same object within a disk, optionally on a lower-resolution copy, one point per blob.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace hcs::segment {

// Offsets (row, column) of centrosome.cpmorphology.strel_disk(radius): x^2 + y^2 <= radius^2.
std::vector<cv::Point> disk_offsets(double radius);

// centrosome.cpmorphology.is_local_maximum: CV_8U mask of labelled pixels that no pixel of the
// same label within the disk exceeds. `image` CV_64F, `labels` CV_32S.
cv::Mat local_maxima(const cv::Mat& image, const cv::Mat& labels, double disk_radius);

// scipy.ndimage.map_coordinates(order=3, mode="constant") on the grid (row_coordinates x
// column_coordinates): cubic B-spline interpolation; positions outside the image give 0.
cv::Mat cubic_spline_resample(const cv::Mat& image, const std::vector<double>& row_coordinates,
                              const std::vector<double>& column_coordinates);

// The declumping maxima (CellProfiler's get_maxima + binary_shrink): CV_8U with one point per
// blob of maxima. resize_factor < 1 searches a resampled copy, as "speed up by using
// lower-resolution image to find local maxima" does.
cv::Mat declump_maxima(const cv::Mat& image, const cv::Mat& labels, double disk_radius,
                       double resize_factor);

}  // namespace hcs::segment
