// The global threshold methods behind compute_threshold, each on the ascending pixel values of
// one image: minimum cross-entropy (scikit-image threshold_li), Otsu two- and three-class
// (threshold_otsu, threshold_multiotsu) and CellProfiler's robust background.
#pragma once

#include <utility>
#include <vector>

namespace hcs::segment {

// Ascending copy of the CV_32F pixels (a radix sort on the float bit patterns: an image holds
// 10^5..10^7 pixels and every method below needs them ordered).
std::vector<float> sorted_pixels(const std::vector<float>& pixels);

// Li and Tam's minimum cross-entropy threshold, iterated as scikit-image 0.19 threshold_li does,
// with CellProfiler's stopping tolerance: half the smallest gap between distinct values, at least
// 0.5/65536.
double threshold_minimum_cross_entropy(const std::vector<float>& sorted);

// Otsu's threshold on a 256-bin histogram spanning the values (scikit-image threshold_otsu): the
// centre of the bin that maximises the between-class variance.
double threshold_otsu(const std::vector<float>& sorted, int bins = 256);

// Three-class Otsu (scikit-image threshold_multiotsu, 128 bins as CellProfiler asks): the lower
// and the upper threshold, bin centres.
std::pair<double, double> threshold_otsu_three_class(const std::vector<float>& sorted,
                                                     int bins = 128);

enum class RobustAveraging { Mean, Median, Mode };
enum class RobustVariance { StandardDeviation, MedianAbsoluteDeviation };

// CellProfiler's robust background: drop round(n * lower) darkest and round(n * upper) brightest
// pixels, then average + deviations * spread of the rest.
double threshold_robust_background(const std::vector<float>& sorted, double lower_fraction,
                                   double upper_fraction, RobustAveraging averaging,
                                   RobustVariance variance, double deviations);

}  // namespace hcs::segment
