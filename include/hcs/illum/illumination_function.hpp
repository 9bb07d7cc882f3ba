// From an averaged image to an illumination function, as CellProfiler's
// CorrectIlluminationCalculate finishes it: optional dilation, smoothing, rescaling.
#pragma once

#include <opencv2/core.hpp>

#include "hcs/illum/illumination_settings.hpp"

namespace hcs::illum {

// CellProfiler's robust minimum for "Rescale: Yes" is the 2nd percentile of positive pixels.
constexpr double kRobustFraction = 0.02;

// "Rescale the illumination function?" on a CV_32F image. Yes: the value at index
// int(0.02 n) of the n sorted positive pixels is the robust minimum; lower pixels are raised to
// it and every pixel is divided by it, so the minimum is 1. Median: divide by the value at index
// int(n / 2). No: unchanged. An image without positive pixels is returned unchanged.
cv::Mat rescale_illumination(const cv::Mat& pixels, RescaleOption option);

// The smoothing step alone (float32 in, float32 out), with CellProfiler's filter size: the
// Gaussian's sigma is size / 2.35; the median's disk radius max(1, int(sigma + 0.5)).
cv::Mat smooth_illumination(const cv::Mat& pixels, const IlluminationSettings& settings,
                            int threads = 0);

// Dilation (if set), smoothing, rescaling of an averaged CV_32F image, each step's result kept
// in float32 as CellProfiler's Image class keeps it.
cv::Mat illumination_function(const cv::Mat& average, const IlluminationSettings& settings,
                              int threads = 0);

}  // namespace hcs::illum
