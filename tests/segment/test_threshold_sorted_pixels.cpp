// The radix sort behind every threshold method. Expected values: the same values in ascending
// order, as std::sort gives them.
#include <algorithm>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "hcs/segment/threshold_methods.hpp"

TEST(SortedPixels, OrdersNegativeZeroAndPositiveValuesAsStdSort) {
    std::mt19937 generator(3);
    std::uniform_real_distribution<float> value(-2.0f, 2.0f);
    std::vector<float> pixels(1000);
    for (float& pixel : pixels) pixel = value(generator);
    pixels.push_back(0.0f);
    std::vector<float> expected = pixels;
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(hcs::segment::sorted_pixels(pixels), expected);
}
