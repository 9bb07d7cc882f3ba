// Tests of joining per-object tables; expected rows by hand (and the NF1 export's parent links).
#include "hcs/profile/object_join.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

ObjectTable object(const std::string& name, std::vector<std::vector<std::string>> keys,
                   std::vector<std::string> features, std::vector<double> values) {
    ObjectTable table{name, {}};
    table.table.metadata_names = {"ImageNumber", "ObjectNumber"};
    table.table.metadata = std::move(keys);
    table.table.feature_names = std::move(features);
    table.table.features = Eigen::Map<FeatureMatrix>(values.data(), table.table.metadata.size(),
                                                     table.table.feature_names.size());
    return table;
}

TEST(JoinObjects, FollowsBaseParentLinkThenChildParentLinkThenObjectNumber) {
    // Cells 1 and 2 of image 1 have nuclei 3 and 5 (Cells_Parent_Nuclei); cytoplasm rows name
    // their cell in Cytoplasm_Parent_Cells; image 2's nucleus 3 must not be taken for image 1's.
    const auto cells = object("Cells", {{"1", "1"}, {"1", "2"}},
                              {"Cells_Parent_Nuclei", "Cells_Area"}, {3, 100, 5, 200});
    const auto nuclei =
        object("Nuclei", {{"2", "3"}, {"1", "3"}, {"1", "5"}}, {"Nuclei_Area"}, {-1, 30, 50});
    const auto cytoplasm = object("Cytoplasm", {{"1", "7"}, {"1", "8"}},
                                  {"Cytoplasm_Parent_Cells", "Cytoplasm_Area"}, {2, 20, 9, 90});
    const FeatureTable joined = join_objects({cells, nuclei, cytoplasm});
    ASSERT_EQ(joined.rows(), 2u);
    EXPECT_DOUBLE_EQ(joined.features(0, joined.feature_index("Nuclei_Area")), 30);
    EXPECT_DOUBLE_EQ(joined.features(1, joined.feature_index("Nuclei_Area")), 50);
    EXPECT_DOUBLE_EQ(joined.features(1, joined.feature_index("Cytoplasm_Area")), 20);
    EXPECT_TRUE(std::isnan(joined.features(0, joined.feature_index("Cytoplasm_Area"))));
}

TEST(PrefixedColumn, AddsObjectNameOnce) {
    EXPECT_EQ(prefixed_column("Nuclei", "AreaShape_Area"), "Nuclei_AreaShape_Area");
    EXPECT_EQ(prefixed_column("Nuclei", "Nuclei_AreaShape_Area"), "Nuclei_AreaShape_Area");
}

}  // namespace
}  // namespace hcs::profile
