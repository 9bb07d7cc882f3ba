// numpy's default argsort (introsort, not stable) reproduced, for the places where CellProfiler's
// result depends on how it orders equal values (scipy.ndimage.maximum_position).
#pragma once

#include <cstdint>
#include <vector>

namespace hcs::measure {

// The permutation numpy 1.24's np.argsort(values) (kind 'quicksort') returns for float64 data
// without NaN: median-of-3 quicksort, insertion sort below 17 elements, heapsort past the
// depth limit.
std::vector<std::int64_t> numpy_argsort(const std::vector<double>& values);

}  // namespace hcs::measure
