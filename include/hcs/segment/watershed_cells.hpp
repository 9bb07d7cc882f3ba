// Cells by marker-controlled watershed, IdentifySecondaryObjects' "Watershed - Gradient" (flooding
// the horizontal Sobel magnitude of the cell channel) and "Watershed - Image" (flooding the
// inverted cell channel), with scikit-image's watershed as the flooding rule.
#pragma once

#include <opencv2/core.hpp>

namespace hcs::segment {

// scikit-image 0.19's watershed(heights, markers, connectivity=3x3 ones, mask): pixels are
// flooded in order of height, equal heights first-come first-served, and a pixel takes its label
// when first reached. `heights` is CV_64F, `markers` CV_32S, `mask` CV_8U (empty = all pixels).
cv::Mat flood_from_markers(const cv::Mat& heights, const cv::Mat& markers,
                           const cv::Mat& mask = cv::Mat());

// |scipy.ndimage.sobel(image)| with its default axis -1: the derivative across columns smoothed
// down rows, edges mirrored, computed in float32 as SciPy does for a float32 image. CV_32F.
cv::Mat horizontal_sobel_magnitude(const cv::Mat& image);

// Watershed - Gradient: flood |Sobel| from `seeds` within foreground-or-seed pixels.
cv::Mat watershed_gradient_cells(const cv::Mat& image, const cv::Mat& seeds,
                                 const cv::Mat& foreground);

// Watershed - Image: flood 1 - image (bright cell bodies first) within foreground-or-seed pixels.
cv::Mat watershed_image_cells(const cv::Mat& image, const cv::Mat& seeds,
                              const cv::Mat& foreground);

}  // namespace hcs::segment
