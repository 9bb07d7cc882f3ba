// Linear smoothing of an illumination function with CellProfiler's edge correction
// (centrosome.smooth.smooth_with_function_and_mask): the filtered image divided by the filtered
// all-ones mask, so the zeros beyond the image border do not darken the edges.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace hcs::illum {

// scipy.ndimage's Gaussian kernel: radius int(4 sigma + 0.5), weights exp(-x^2 / (2 sigma^2))
// normalised to sum 1.
std::vector<double> gaussian_kernel(double sigma);

// scipy.ndimage.gaussian_filter(image, sigma, mode="constant", cval=0) of a CV_32F or CV_64F
// image; rows then columns, each pass rounded to the input's type as scipy does.
cv::Mat gaussian_filter_constant(const cv::Mat& image, double sigma);

// The "Gaussian Filter" smoothing: float32 result of the edge-corrected filter.
cv::Mat gaussian_smoothing(const cv::Mat& pixels, double sigma);

// centrosome.smooth.circular_gaussian_kernel(sd, radius): a Gaussian of `sd` on the disk of
// `radius`, normalised to sum 1; (2 radius + 1) square, CV_64F.
cv::Mat circular_gaussian_kernel(double sd, int radius);

// "Dilate objects in the final averaged image": edge-corrected convolution with
// circular_gaussian_kernel(radius, 3 radius), float32 result.
cv::Mat dilate_objects(const cv::Mat& pixels, int radius);

}  // namespace hcs::illum
