// Tests of blocked column extraction: every column's values arrive in layout order.
#include "hcs/profile/column_layout.hpp"

#include <mutex>

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

TEST(ForEachColumn, DeliversEachColumnInSetOrder) {
    // 20 columns (more than one block of 16), value = 100 * row + column.
    FeatureMatrix features(4, 20);
    for (int row = 0; row < 4; ++row) {
        for (int column = 0; column < 20; ++column) features(row, column) = 100 * row + column;
    }
    const ColumnLayout layout = layout_of({{3, 1}, {0}});
    EXPECT_EQ(layout.offsets, (std::vector<std::size_t>{0, 2, 3}));
    std::mutex guard;
    std::vector<int> seen(20, 0);
    for_each_column(features, layout, 2, [&](std::size_t column, std::vector<double>& values) {
        std::lock_guard<std::mutex> lock(guard);
        EXPECT_EQ(values, (std::vector<double>{300.0 + column, 100.0 + column, 0.0 + column}));
        ++seen[column];
    });
    EXPECT_EQ(seen, std::vector<int>(20, 1));
}

}  // namespace
}  // namespace hcs::profile
