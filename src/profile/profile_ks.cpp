// Signed two-sample Kolmogorov-Smirnov statistic per well and feature against the plate's
// control cells (Perlman et al. 2004; the sign convention of scipy.stats.ks_2samp's
// statistic_sign). Each well's slice is sorted once; the sorted controls are searched forward
// from the previous position, so one well costs O(n log n + n log m).
#include "hcs/profile/profile_ks.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "hcs/profile/column_layout.hpp"
#include "hcs/profile/radix_sort.hpp"
#include "hcs/profile/statistics.hpp"

namespace hcs::profile {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Sorts a slice with NaN moved to its end; returns the count of values that are not NaN.
std::size_t sort_without_nan(double* begin, double* end, std::vector<std::uint64_t>& scratch) {
    double* finite_end =
        std::partition(begin, end, [](double value) { return !std::isnan(value); });
    radix_sort(begin, static_cast<std::size_t>(finite_end - begin), scratch);
    return static_cast<std::size_t>(finite_end - begin);
}

// First position in [first, last) whose value is not `before` x, searched by doubling steps
// from `first`: consecutive treated values sit close together in the sorted reference, so this
// costs O(log gap) instead of O(log m).
template <typename Before>
const double* gallop(const double* first, const double* last, double x, Before before) {
    std::size_t step = 1;
    while (first + step < last && before(first[step], x)) {
        first += step;
        step <<= 1;
    }
    if (first < last && !before(*first, x)) return first;
    return std::partition_point(first, std::min(first + step, last),
                                [&](double value) { return before(value, x); });
}

}  // namespace

double signed_ks_sorted(const double* treated, std::size_t treated_count, const double* reference,
                        std::size_t reference_count) {
    if (treated_count == 0 || reference_count == 0) return kNaN;
    const double per_treated = 1.0 / static_cast<double>(treated_count);
    const double per_reference = 1.0 / static_cast<double>(reference_count);
    const double* reference_end = reference + reference_count;

    // The extremes lie at the treated values: F_reference - F_treated peaks just below one,
    // F_treated - F_reference at one (both CDFs are step functions).
    double d_plus = 0, d_minus = 0;
    const double* below = reference;
    const double* at_or_below = reference;  // first reference value above x
    std::size_t i = 0;
    while (i < treated_count) {
        const double x = treated[i];
        std::size_t last = i;
        while (last < treated_count && treated[last] == x) ++last;
        below = gallop(below, reference_end, x, std::less<double>());
        at_or_below = gallop(below, reference_end, x, std::less_equal<double>());

        d_plus = std::max(d_plus, (below - reference) * per_reference - i * per_treated);
        d_minus = std::max(d_minus, last * per_treated - (at_or_below - reference) * per_reference);
        i = last;
    }
    if (d_plus > d_minus) return d_plus;
    return d_minus == 0 ? 0.0 : -d_minus;
}

double signed_ks(std::vector<double> treated, std::vector<double> reference) {
    std::vector<std::uint64_t> scratch;
    const std::size_t n =
        sort_without_nan(treated.data(), treated.data() + treated.size(), scratch);
    const std::size_t m =
        sort_without_nan(reference.data(), reference.data() + reference.size(), scratch);
    return signed_ks_sorted(treated.data(), n, reference.data(), m);
}

Profiles profile_ks(const FeatureTable& cells, const RowGroups& groups,
                    const ReferenceSets& reference, int threads) {
    // Groups first, then the reference sets, in one layout: each column is extracted once.
    std::vector<std::vector<std::size_t>> row_sets = groups.members;
    row_sets.insert(row_sets.end(), reference.sets.begin(), reference.sets.end());
    const ColumnLayout layout = layout_of(row_sets);

    Profiles profiles{cells.feature_names, FeatureMatrix(groups.size(), cells.features.cols())};
    for_each_column(cells.features, layout, threads, [&](std::size_t column, auto& values) {
        std::vector<std::size_t> counts(layout.sets());
        std::vector<std::uint64_t> scratch;
        for (std::size_t s = 0; s < layout.sets(); ++s) {
            counts[s] = sort_without_nan(values.data() + layout.offsets[s],
                                         values.data() + layout.offsets[s + 1], scratch);
        }
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (counts[g] == 0) {  // an empty well has no reference set to look up
                profiles.values(g, column) = kNaN;
                continue;
            }
            const std::size_t set = groups.size() + reference.set_of_group[g];
            profiles.values(g, column) =
                signed_ks_sorted(values.data() + layout.offsets[g], counts[g],
                                 values.data() + layout.offsets[set], counts[set]);
        }
    });
    return profiles;
}

}  // namespace hcs::profile
