// Otsu's threshold (Otsu 1979) on the histogram scikit-image 0.19 builds (numpy.histogram over
// the value range, float32 bin edges): two classes as threshold_otsu, three as
// threshold_multiotsu.
#include <cmath>
#include <utility>
#include <vector>

#include "hcs/segment/threshold_methods.hpp"

namespace hcs::segment {
namespace {

struct Histogram {
    std::vector<double> count;
    std::vector<float> centre;
};

// numpy.histogram with float32 data: edges are linspace(min, max, bins + 1) rounded to float32,
// a value goes to the bin whose edges enclose it, the maximum to the last bin.
Histogram value_histogram(const std::vector<float>& sorted, int bins) {
    const double first = sorted.front();
    const double last = sorted.back();
    std::vector<float> edges(bins + 1);
    for (int i = 0; i <= bins; ++i) {
        edges[i] = static_cast<float>(first + (last - first) * i / bins);
    }
    edges[bins] = static_cast<float>(last);

    Histogram histogram{std::vector<double>(bins, 0.0), std::vector<float>(bins)};
    int bin = 0;
    for (float value : sorted) {  // ascending, so the bin only moves up
        while (bin < bins - 1 && value >= edges[bin + 1]) ++bin;
        histogram.count[bin] += 1;
    }
    for (int i = 0; i < bins; ++i) histogram.centre[i] = (edges[i] + edges[i + 1]) / 2.0f;
    return histogram;
}

}  // namespace

double threshold_otsu(const std::vector<float>& sorted, int bins) {
    if (sorted.empty()) return NAN;
    if (sorted.front() == sorted.back()) return sorted.front();
    const Histogram histogram = value_histogram(sorted, bins);

    // Cumulative weights and means from below (class 1) and from above (class 2).
    std::vector<double> weight_below(bins), mean_below(bins), weight_above(bins), mean_above(bins);
    double weight = 0, moment = 0;
    for (int i = 0; i < bins; ++i) {
        weight += histogram.count[i];
        moment += histogram.count[i] * histogram.centre[i];
        weight_below[i] = weight;
        mean_below[i] = moment / weight;
    }
    weight = 0, moment = 0;
    for (int i = bins - 1; i >= 0; --i) {
        weight += histogram.count[i];
        moment += histogram.count[i] * histogram.centre[i];
        weight_above[i] = weight;
        mean_above[i] = moment / weight;
    }

    // The first bin that maximises the between-class variance (NaN terms never win).
    int best = 0;
    double best_variance = -INFINITY;
    for (int i = 0; i < bins - 1; ++i) {
        const double difference = mean_below[i] - mean_above[i + 1];
        const double variance = weight_below[i] * weight_above[i + 1] * difference * difference;
        if (variance > best_variance) {
            best_variance = variance;
            best = i;
        }
    }
    return histogram.centre[best];
}

std::pair<double, double> threshold_otsu_three_class(const std::vector<float>& sorted, int bins) {
    if (sorted.empty()) return {NAN, NAN};
    if (sorted.front() == sorted.back()) return {sorted.front(), sorted.front()};
    const Histogram histogram = value_histogram(sorted, bins);

    // Zeroth and first moments of the probabilities up to each bin.
    std::vector<double> zeroth(bins + 1, 0.0), first(bins + 1, 0.0);
    const double total = static_cast<double>(sorted.size());
    for (int i = 0; i < bins; ++i) {
        const double probability = static_cast<float>(histogram.count[i] / total);
        zeroth[i + 1] = zeroth[i] + probability;
        first[i + 1] = first[i] + probability * i;
    }
    auto class_term = [&](int from, int to) {  // bins from..to inclusive
        const double weight = zeroth[to + 1] - zeroth[from];
        const double moment = first[to + 1] - first[from];
        return weight > 0 ? moment * moment / weight : 0.0;
    };

    // Exhaustive search of the two split bins (scikit-image keeps the first maximum).
    int best_lower = 0, best_upper = 1;
    double best_variance = -1;
    for (int lower = 0; lower < bins - 2; ++lower) {
        for (int upper = lower + 1; upper < bins - 1; ++upper) {
            const double variance = class_term(0, lower) + class_term(lower + 1, upper) +
                                    class_term(upper + 1, bins - 1);
            if (variance > best_variance) {
                best_variance = variance;
                best_lower = lower;
                best_upper = upper;
            }
        }
    }
    // scikit-image reports the centre of the first bin of the upper class of each split.
    return {histogram.centre[best_lower + 1], histogram.centre[best_upper + 1]};
}

}  // namespace hcs::segment
