// numpy's float32 summation (pairwise within buffer-sized blocks), after numpy's
// loops_utils.h pairwise_sum and its 8192-element reduction buffer.
#include "hcs/measure/numpy_sum.hpp"

#include <algorithm>

namespace hcs::measure {
namespace {

constexpr std::size_t kNumpyBufferSize = 8192;  // numpy's default ufunc buffer size
constexpr std::size_t kPairwiseBlock = 128;     // PW_BLOCKSIZE in numpy's loops_utils.h

float pairwise_sum(const float* values, std::size_t n) {
    if (n < 8) {
        float sum = 0.0f;
        for (std::size_t k = 0; k < n; ++k) sum += values[k];
        return sum;
    }
    if (n <= kPairwiseBlock) {
        float r[8];
        for (int j = 0; j < 8; ++j) r[j] = values[j];
        std::size_t k = 8;
        for (; k < n - (n % 8); k += 8)
            for (int j = 0; j < 8; ++j) r[j] += values[k + j];
        float sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; k < n; ++k) sum += values[k];
        return sum;
    }
    std::size_t half = n / 2;
    half -= half % 8;
    return pairwise_sum(values, half) + pairwise_sum(values + half, n - half);
}

}  // namespace

float numpy_float32_sum(const float* values, std::size_t count) {
    float sum = 0.0f;
    for (std::size_t start = 0; start < count; start += kNumpyBufferSize)
        sum += pairwise_sum(values + start, std::min(kNumpyBufferSize, count - start));
    return sum;
}

float numpy_float32_mean(const float* values, std::size_t count) {
    return numpy_float32_sum(values, count) / static_cast<float>(count);
}

}  // namespace hcs::measure
