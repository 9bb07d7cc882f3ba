// Minimum cross-entropy threshold (Li and Tam 1998), iterated as scikit-image 0.19 threshold_li
// does, with the tolerance CellProfiler 5 passes (image_processing.get_global_threshold).
#include <algorithm>
#include <cmath>
#include <vector>

#include "hcs/segment/threshold_methods.hpp"

namespace hcs::segment {
namespace {

// CellProfiler's floor on the tolerance: half a grey level of a 16-bit image.
constexpr double kMinimumTolerance = 0.5 / 65536.0;

struct DistinctValues {
    std::vector<double> value;        // shifted so that the smallest is 0 (float32 arithmetic)
    std::vector<double> count_below;  // prefix sums: pixels with index < i
    std::vector<double> sum_below;    // prefix sums of value * count
};

DistinctValues distinct_values(const std::vector<float>& sorted) {
    DistinctValues distinct;
    const float minimum = sorted.front();
    distinct.count_below.push_back(0);
    distinct.sum_below.push_back(0);
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t end = i;
        while (end < sorted.size() && sorted[end] == sorted[i]) ++end;
        const double shifted = static_cast<float>(sorted[i] - minimum);
        const double count = static_cast<double>(end - i);
        distinct.value.push_back(shifted);
        distinct.count_below.push_back(distinct.count_below.back() + count);
        distinct.sum_below.push_back(distinct.sum_below.back() + count * shifted);
        i = end;
    }
    return distinct;
}

double smallest_gap(const std::vector<double>& values) {
    double gap = INFINITY;
    for (std::size_t i = 1; i < values.size(); ++i) gap = std::min(gap, values[i] - values[i - 1]);
    return gap;
}

}  // namespace

double threshold_minimum_cross_entropy(const std::vector<float>& sorted) {
    if (sorted.empty()) return NAN;
    if (sorted.front() == sorted.back()) return sorted.front();

    const DistinctValues distinct = distinct_values(sorted);
    const double tolerance = std::max(smallest_gap(distinct.value) / 2.0, kMinimumTolerance);
    const std::size_t levels = distinct.value.size();
    const double total_count = distinct.count_below[levels];
    const double total_sum = distinct.sum_below[levels];

    double next = total_sum / total_count;
    double current = -2.0 * tolerance;
    while (std::abs(next - current) > tolerance) {
        current = next;
        // Foreground is strictly above the current threshold.
        const std::size_t split = static_cast<std::size_t>(
            std::upper_bound(distinct.value.begin(), distinct.value.end(), current) -
            distinct.value.begin());
        const double back_count = distinct.count_below[split];
        const double back_mean = distinct.sum_below[split] / back_count;
        const double fore_mean =
            (total_sum - distinct.sum_below[split]) / (total_count - back_count);
        if (back_mean == 0) break;
        next = (back_mean - fore_mean) / (std::log(back_mean) - std::log(fore_mean));
    }
    return next + sorted.front();
}

}  // namespace hcs::segment
