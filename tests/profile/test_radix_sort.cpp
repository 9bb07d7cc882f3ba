// Tests of the radix sort against std::sort (the definition of sorted order) on values that
// exercise signs, zeros, infinities, denormals and ties.
#include "hcs/profile/radix_sort.hpp"

#include <algorithm>
#include <limits>
#include <random>

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

TEST(RadixSort, MatchesStdSortOnMixedValues) {
    std::mt19937_64 generator(4);
    std::normal_distribution<double> normal(0, 1000);
    std::vector<double> values(5000);
    for (auto& value : values) value = normal(generator);
    values[10] = 0.0;
    values[11] = -0.0;
    values[12] = std::numeric_limits<double>::infinity();
    values[13] = -std::numeric_limits<double>::infinity();
    values[14] = std::numeric_limits<double>::denorm_min();
    values[15] = values[16] = 3.5;  // a tie
    std::vector<double> expected = values;
    std::sort(expected.begin(), expected.end());
    std::vector<std::uint64_t> scratch;
    radix_sort(values.data(), values.size(), scratch);
    EXPECT_EQ(values, expected);  // -0.0 == 0.0, so their order does not matter here
}

TEST(RadixSort, SmallAndConstantInputs) {
    std::vector<std::uint64_t> scratch;
    std::vector<double> small = {3, 1, 2};
    radix_sort(small.data(), small.size(), scratch);
    EXPECT_EQ(small, (std::vector<double>{1, 2, 3}));
    std::vector<double> constant(300, 7.25);  // every pass skipped
    radix_sort(constant.data(), constant.size(), scratch);
    EXPECT_EQ(constant, std::vector<double>(300, 7.25));
}

}  // namespace
}  // namespace hcs::profile
