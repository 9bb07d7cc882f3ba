// Tests of feature selection; each kept or dropped feature is decided by hand from the data.
#include "hcs/profile/feature_selection.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// 30 rows: Good varies freely; Twin = 2 * Good + 1 (|r| = 1); Constant; Missing has 2 NaN
// (6.7% > 5%); Rare is 0 except one 1 (2nd / 1st count = 1 / 29 < 0.05); Blocked is listed.
FeatureTable table_for_selection() {
    FeatureTable table;
    table.feature_names = {"Good", "Twin", "Constant", "Missing", "Rare", "Blocked_Area"};
    table.features.resize(30, 6);
    for (int row = 0; row < 30; ++row) {
        const double good = std::sin(row * 1.3) * 10;
        table.features.row(row) << good, 2 * good + 1, 5, (row < 2 ? kNaN : std::cos(row * 0.7)),
            (row == 3 ? 1 : 0), std::cos(row * 2.1);
        table.metadata.push_back({});
    }
    return table;
}

TEST(SelectFeatures, DropsMissingConstantRareBlockedAndOneOfACorrelatedPair) {
    FeatureSelectionOptions options;
    options.blocklist = {"Blocked_*"};
    const auto kept = select_features(table_for_selection(), options);
    // Good and Twin have the same |r| to every feature but each other; one of them survives.
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_TRUE(kept[0] == "Good" || kept[0] == "Twin");
}

TEST(SelectFeatures, OnlyRequestedOperationsRun) {
    FeatureSelectionOptions options;
    options.operations = {"missing"};
    const auto kept = select_features(table_for_selection(), options);
    EXPECT_EQ(kept.size(), 5u);  // only Missing goes
    EXPECT_EQ(std::count(kept.begin(), kept.end(), "Missing"), 0);
}

TEST(KeepFeatures, ReordersColumns) {
    const FeatureTable kept = keep_features(table_for_selection(), {"Twin", "Good"});
    EXPECT_DOUBLE_EQ(kept.features(1, 0), 2 * kept.features(1, 1) + 1);
}

}  // namespace
}  // namespace hcs::profile
