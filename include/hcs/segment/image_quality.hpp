// Image-quality figures of one channel as CellProfiler 5's MeasureImageQuality names and computes
// them: saturation (PercentMaximal, PercentMinimal) and blur (FocusScore, the normalised variance
// of Sun et al. 2004; PowerLogLogSlope, the slope of the radial power spectrum in log-log axes).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <opencv2/core.hpp>

namespace hcs::segment {

// Percentage of pixels equal to the image's own maximum (not to 1), as MeasureImageQuality.
double percent_maximal(const cv::Mat& image);
// Percentage of pixels equal to the image's own minimum.
double percent_minimal(const cv::Mat& image);
// Normalised variance: sum((x - mean)^2) / (N * mean); 0 when the mean is 0, as CellProfiler.
double focus_score(const cv::Mat& image);
// Least-squares slope of log(power) against log(radius) over the radial power spectrum at radii
// 2 .. min(height, width) / 8 (centrosome's rps); 0 for a flat image, as CellProfiler.
double power_log_log_slope(const cv::Mat& image);

// The four figures named ImageQuality_<Feature>_<channel>, for a CV_32F image in 0..1.
std::vector<std::pair<std::string, double>> image_quality_figures(const cv::Mat& image,
                                                                  const std::string& channel);

}  // namespace hcs::segment
