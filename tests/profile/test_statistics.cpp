// Tests of the NaN-skipping summary statistics; expected values are hand arithmetic.
#include "hcs/profile/statistics.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(Median, EvenCountIsMeanOfTheTwoMiddleValues) {
    std::vector<double> values = {4, 1, kNaN, 3, 2};  // 1 2 3 4 -> (2 + 3) / 2
    EXPECT_DOUBLE_EQ(median_of(values), 2.5);
}

TEST(Percentile, InterpolatesLinearlyBetweenOrderStatistics) {
    // numpy.percentile([10, 20, 30, 40, 50], 10) = 10 + 0.4 * 10 = 14 (position 0.1 * 4 = 0.4)
    std::vector<double> values = {50, 10, 40, 20, 30};
    EXPECT_DOUBLE_EQ(percentile_of(values, 10), 14.0);
    std::vector<double> again = {50, 10, 40, 20, 30};
    EXPECT_DOUBLE_EQ(percentile_of(again, 99), 49.6);  // 40 + 0.96 * 10
}

TEST(Mad, IsMedianOfAbsoluteDeviations) {
    std::vector<double> values = {1, 2, 3, 4, 100};  // median 3; deviations 2 1 0 1 97 -> 1
    EXPECT_DOUBLE_EQ(mad_of(values), 1.0);
}

TEST(StandardDeviation, DivisorNOrNMinusOne) {
    const std::vector<double> values = {2, 4, 4, 4, 5, 5, 7, 9};  // mean 5, squares sum 32
    EXPECT_DOUBLE_EQ(standard_deviation_of(values, false), 2.0);
    EXPECT_DOUBLE_EQ(standard_deviation_of(values, true), std::sqrt(32.0 / 7.0));
}

TEST(Statistics, AllNaNGivesNaN) {
    std::vector<double> values = {kNaN, kNaN};
    EXPECT_TRUE(std::isnan(mean_of(values)));
    EXPECT_TRUE(std::isnan(median_of(values)));
    std::vector<double> empty;
    EXPECT_TRUE(std::isnan(standard_deviation_of(empty, true)));
}

}  // namespace
}  // namespace hcs::profile
