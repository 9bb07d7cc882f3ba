// numpy's summation of float32 arrays, reproduced so that figures CellProfiler computes in
// float32 (means and sums over whole images) round exactly as they do in CellProfiler.
#pragma once

#include <cstddef>

namespace hcs::measure {

// np.sum of a contiguous float32 array: the reduction takes blocks of numpy's buffer size
// (8192 elements), sums each pairwise (8 accumulators, blocks of 128) in float32 and adds the
// block sums in order to a float32 total starting at 0.
float numpy_float32_sum(const float* values, std::size_t count);

// np.mean of a contiguous float32 array: the float32 sum divided by the count in float32.
float numpy_float32_mean(const float* values, std::size_t count);

}  // namespace hcs::measure
