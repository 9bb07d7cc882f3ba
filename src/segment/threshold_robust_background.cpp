// CellProfiler's robust background threshold (image_processing.get_threshold_robust_background):
// trim outliers, then average + deviations * spread; the "Mode" average is centrosome's
// binned_mode and the "MAD" spread centrosome's mad.
#include <algorithm>
#include <cmath>
#include <vector>

#include "hcs/segment/threshold_methods.hpp"

namespace hcs::segment {
namespace {

// numpy.percentile with linear interpolation, on ascending values.
double percentile(const std::vector<double>& sorted, double percent) {
    const double position = percent / 100.0 * static_cast<double>(sorted.size() - 1);
    const std::size_t below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

double median(const std::vector<double>& sorted) {
    return percentile(sorted, 50.0);
}

double mean(const std::vector<double>& values) {
    double sum = 0;
    for (double value : values) sum += value;
    return sum / static_cast<double>(values.size());
}

double standard_deviation(const std::vector<double>& values) {
    const double average = mean(values);
    double sum = 0;
    for (double value : values) sum += (value - average) * (value - average);
    return std::sqrt(sum / static_cast<double>(values.size()));
}

double median_absolute_deviation(const std::vector<double>& sorted) {
    const double centre = median(sorted);
    std::vector<double> deviations(sorted.size());
    for (std::size_t i = 0; i < sorted.size(); ++i) deviations[i] = std::abs(sorted[i] - centre);
    std::sort(deviations.begin(), deviations.end());
    return median(deviations);
}

// centrosome.threshold.binned_mode: ceil(sqrt(n)) bins over the range (the maximum falls in an
// extra bin of its own), the percentile at the centre of the fullest bin.
double binned_mode(const std::vector<double>& sorted) {
    const double minimum = sorted.front(), maximum = sorted.back();
    const double bins = std::ceil(std::sqrt(static_cast<double>(sorted.size())));
    std::vector<std::size_t> counts(static_cast<std::size_t>(bins) + 1, 0);
    for (double value : sorted) {
        const float scaled =
            static_cast<float>((value - minimum) / (maximum - minimum)) * static_cast<float>(bins);
        ++counts[static_cast<std::size_t>(scaled)];
    }
    std::size_t fullest = 0;
    for (std::size_t bin = 1; bin < counts.size(); ++bin) {
        if (counts[bin] > counts[fullest]) fullest = bin;
    }
    return percentile(sorted, 100.0 * (static_cast<double>(fullest) + 0.5) / bins);
}

}  // namespace

double threshold_robust_background(const std::vector<float>& sorted, double lower_fraction,
                                   double upper_fraction, RobustAveraging averaging,
                                   RobustVariance variance, double deviations) {
    const std::size_t count = sorted.size();
    if (count < 3) return 0.0;  // CellProfiler's own answer for fewer than three pixels
    if (sorted.front() == sorted.back()) return sorted.front();

    const auto low_chop = static_cast<std::size_t>(std::nearbyint(count * lower_fraction));
    const auto high_chop = count - static_cast<std::size_t>(std::nearbyint(count * upper_fraction));
    std::vector<double> kept;
    if (low_chop == 0) {
        kept.assign(sorted.begin(), sorted.end());
    } else {
        kept.assign(sorted.begin() + low_chop, sorted.begin() + high_chop);
    }

    double average = 0;
    switch (averaging) {
        case RobustAveraging::Mean:
            average = mean(kept);
            break;
        case RobustAveraging::Median:
            average = median(kept);
            break;
        case RobustAveraging::Mode:
            average = binned_mode(kept);
            break;
    }
    const double spread = variance == RobustVariance::StandardDeviation
                              ? standard_deviation(kept)
                              : median_absolute_deviation(kept);
    return average + spread * deviations;
}

}  // namespace hcs::segment
