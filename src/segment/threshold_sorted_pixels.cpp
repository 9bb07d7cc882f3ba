// Ascending order of an image's pixels by a two-pass radix sort on the float bit patterns, the
// common first step of every global threshold method (threshold_methods.hpp).
#include <cstdint>
#include <cstring>
#include <vector>

#include "hcs/segment/threshold_methods.hpp"

namespace hcs::segment {
namespace {

// Maps a float to an unsigned key with the same order (negative values reversed and below).
std::uint32_t order_key(float value) {
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);
}

float value_of_key(std::uint32_t key) {
    const std::uint32_t bits = (key & 0x80000000u) ? (key & 0x7fffffffu) : ~key;
    float value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

// One counting-sort pass on 16 bits of the keys.
void radix_pass(const std::vector<std::uint32_t>& in, std::vector<std::uint32_t>& out, int shift) {
    std::vector<std::size_t> start(65537, 0);
    for (std::uint32_t key : in) ++start[((key >> shift) & 0xffffu) + 1];
    for (std::size_t bucket = 1; bucket < start.size(); ++bucket)
        start[bucket] += start[bucket - 1];
    for (std::uint32_t key : in) out[start[(key >> shift) & 0xffffu]++] = key;
}

}  // namespace

std::vector<float> sorted_pixels(const std::vector<float>& pixels) {
    std::vector<std::uint32_t> keys(pixels.size());
    for (std::size_t i = 0; i < pixels.size(); ++i) keys[i] = order_key(pixels[i]);

    std::vector<std::uint32_t> buffer(keys.size());
    radix_pass(keys, buffer, 0);
    radix_pass(buffer, keys, 16);

    std::vector<float> sorted(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) sorted[i] = value_of_key(keys[i]);
    return sorted;
}

}  // namespace hcs::segment
