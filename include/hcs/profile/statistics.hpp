// Summary statistics of one feature's values that skip NaN (a value that could not be measured),
// with the quantile convention of numpy's default (linear interpolation between order statistics).
#pragma once

#include <vector>

namespace hcs::profile {

// Each returns NaN when no finite value is left. `values` may be reordered.
double mean_of(const std::vector<double>& values);
// Standard deviation with divisor n (ddof 0, as scikit-learn's StandardScaler used by pycytominer)
// or n - 1 (`sample` = true; NaN for fewer than two values).
double standard_deviation_of(const std::vector<double>& values, bool sample);
// Median; for an even count the mean of the two middle values.
double median_of(std::vector<double>& values);
// Median absolute deviation from the median, unscaled.
double mad_of(std::vector<double>& values);
// The q-th percentile (0..100), numpy's "linear" rule: position q/100 * (n - 1).
double percentile_of(std::vector<double>& values, double q);

// Removes NaN values in place and returns how many are left.
std::size_t drop_nan(std::vector<double>& values);

}  // namespace hcs::profile
