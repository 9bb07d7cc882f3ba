// Sorting doubles by their bits: a least-significant-digit radix sort, about three times faster
// than std::sort on the few thousand values of one well's feature, which the KS profile sorts
// once per well and feature.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hcs::profile {

// Sorts values[0, count) ascending. The values must not be NaN (-0.0 sorts before +0.0, which
// compare equal anyway). `scratch` is reused between calls to avoid allocations.
void radix_sort(double* values, std::size_t count, std::vector<std::uint64_t>& scratch);

}  // namespace hcs::profile
