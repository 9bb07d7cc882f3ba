// NaN-skipping mean, standard deviation, median, MAD and percentile of one feature's values.
// Medians and percentiles use nth_element (linear time), not a full sort.
#include "hcs/profile/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hcs::profile {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

std::size_t drop_nan(std::vector<double>& values) {
    values.erase(std::remove_if(values.begin(), values.end(),
                                [](double value) { return std::isnan(value); }),
                 values.end());
    return values.size();
}

double mean_of(const std::vector<double>& values) {
    double sum = 0;
    std::size_t count = 0;
    for (double value : values) {
        if (std::isnan(value)) continue;
        sum += value;
        ++count;
    }
    return count == 0 ? kNaN : sum / static_cast<double>(count);
}

double standard_deviation_of(const std::vector<double>& values, bool sample) {
    const double mean = mean_of(values);
    double squares = 0;
    std::size_t count = 0;
    for (double value : values) {
        if (std::isnan(value)) continue;
        squares += (value - mean) * (value - mean);
        ++count;
    }
    const double divisor = static_cast<double>(count) - (sample ? 1.0 : 0.0);
    return divisor <= 0 ? kNaN : std::sqrt(squares / divisor);
}

double percentile_of(std::vector<double>& values, double q) {
    const std::size_t count = drop_nan(values);
    if (count == 0) return kNaN;

    const double position = q / 100.0 * static_cast<double>(count - 1);
    const std::size_t below = static_cast<std::size_t>(std::floor(position));
    const double fraction = position - static_cast<double>(below);
    std::nth_element(values.begin(), values.begin() + below, values.end());
    const double lower = values[below];
    if (fraction == 0 || below + 1 >= count) return lower;

    // The next order statistic is the smallest value above position `below`.
    const double upper = *std::min_element(values.begin() + below + 1, values.end());
    return lower + fraction * (upper - lower);
}

double median_of(std::vector<double>& values) {
    return percentile_of(values, 50.0);
}

double mad_of(std::vector<double>& values) {
    const double median = median_of(values);
    if (std::isnan(median)) return kNaN;
    for (double& value : values) value = std::abs(value - median);
    return median_of(values);
}

}  // namespace hcs::profile
