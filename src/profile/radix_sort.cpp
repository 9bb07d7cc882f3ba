// LSD radix sort of IEEE-754 doubles (8 passes of 8 bits over order-preserving integer keys;
// a pass whose digit is the same for every value is skipped). Small inputs use std::sort.
#include "hcs/profile/radix_sort.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace hcs::profile {
namespace {

constexpr std::size_t kSmallestForRadix = 128;  // below this, std::sort wins (measured)
constexpr int kPasses = 8;
constexpr int kBuckets = 256;
constexpr std::uint64_t kSignBit = 0x8000000000000000ull;

// Unsigned order of the key = numeric order of the double: negatives have every bit flipped,
// non-negatives only the sign bit.
std::uint64_t key_of(double value) {
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof(bits));
    return (bits & kSignBit) ? ~bits : (bits | kSignBit);
}

double value_of(std::uint64_t key) {
    const std::uint64_t bits = (key & kSignBit) ? (key & ~kSignBit) : ~key;
    double value;
    std::memcpy(&value, &bits, sizeof(value));
    return value;
}

}  // namespace

void radix_sort(double* values, std::size_t count, std::vector<std::uint64_t>& scratch) {
    if (count < kSmallestForRadix) {
        std::sort(values, values + count);
        return;
    }
    scratch.resize(2 * count);
    std::uint64_t* source = scratch.data();
    std::uint64_t* target = scratch.data() + count;

    std::array<std::array<std::uint32_t, kBuckets>, kPasses> histograms{};
    for (std::size_t i = 0; i < count; ++i) {
        source[i] = key_of(values[i]);
        for (int pass = 0; pass < kPasses; ++pass)
            ++histograms[pass][(source[i] >> (8 * pass)) & 255];
    }

    for (int pass = 0; pass < kPasses; ++pass) {
        auto& histogram = histograms[pass];
        if (histogram[(source[0] >> (8 * pass)) & 255] == count) continue;
        std::uint32_t offset = 0;
        for (auto& bucket : histogram) {
            const std::uint32_t size = bucket;
            bucket = offset;
            offset += size;
        }
        for (std::size_t i = 0; i < count; ++i) {
            target[histogram[(source[i] >> (8 * pass)) & 255]++] = source[i];
        }
        std::swap(source, target);
    }
    for (std::size_t i = 0; i < count; ++i) values[i] = value_of(source[i]);
}

}  // namespace hcs::profile
