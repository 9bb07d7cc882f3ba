// Tests of seeded sampling: sizes, distinctness and reproducibility (by definition).
#include "hcs/profile/cell_sampling.hpp"

#include <cmath>
#include <limits>
#include <set>

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

TEST(SampleRows, DrawsDistinctSortedRowsReproducibly) {
    std::vector<std::size_t> rows(100);
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = 10 * i;
    auto first = seeded_generator(42, 3);
    auto second = seeded_generator(42, 3);
    const auto sample = sample_rows(rows, 20, first);
    EXPECT_EQ(sample, sample_rows(rows, 20, second));
    EXPECT_EQ(std::set<std::size_t>(sample.begin(), sample.end()).size(), 20u);
    EXPECT_TRUE(std::is_sorted(sample.begin(), sample.end()));
    auto other = seeded_generator(43, 3);
    EXPECT_NE(sample, sample_rows(rows, 20, other));
}

TEST(SampleRows, AskingForAllOrMoreReturnsEveryRow) {
    auto generator = seeded_generator(1, 0);
    EXPECT_EQ(sample_rows({5, 7}, 3, generator), (std::vector<std::size_t>{5, 7}));
}

TEST(GatherRows, ReadsNaNAsZero) {
    FeatureMatrix features(2, 2);
    features << 1, std::numeric_limits<double>::quiet_NaN(), 3, 4;
    const Eigen::MatrixXd gathered = gather_rows(features, {1, 0});
    EXPECT_EQ(gathered(0, 0), 3);
    EXPECT_EQ(gathered(1, 1), 0);
}

}  // namespace
}  // namespace hcs::profile
