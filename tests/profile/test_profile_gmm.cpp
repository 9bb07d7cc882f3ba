// Tests of the GMM profile: wells drawn from two separated cell populations get profiles that
// sum to 1 and put their mass on different components.
#include "hcs/profile/profile_gmm.hpp"

#include <random>

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

TEST(ProfileGmm, SeparatedPopulationsGetDisjointMemberships) {
    FeatureTable cells;
    cells.metadata_names = {"Metadata_Plate", "Metadata_Well"};
    cells.feature_names = {"Cells_A", "Cells_B", "Cells_C"};
    std::mt19937_64 generator(9);
    std::normal_distribution<double> noise(0, 0.2);
    cells.features.resize(600, 3);
    for (int row = 0; row < 600; ++row) {
        const bool first = row < 300;
        cells.metadata.push_back({"P1", first ? "A01" : "A02"});
        cells.features.row(row) << (first ? -4 : 4) + noise(generator), noise(generator),
            noise(generator);
    }
    const RowGroups wells = group_rows(cells, {"Metadata_Plate", "Metadata_Well"});
    GmmOptions options;
    options.components = 4;
    options.min_pca_components = 2;
    const Profiles gmm = profile_gmm(cells, wells, std::vector<char>(600, 0), options);
    ASSERT_EQ(gmm.feature_names.size(), 4u);
    EXPECT_EQ(gmm.feature_names[0], "GMM_Component_01");
    EXPECT_NEAR(gmm.values.row(0).sum(), 1.0, 1e-9);
    EXPECT_NEAR(gmm.values.row(1).sum(), 1.0, 1e-9);
    EXPECT_NEAR(gmm.values.row(0).dot(gmm.values.row(1)), 0.0, 1e-3);
}

}  // namespace
}  // namespace hcs::profile
