// The advanced AreaShape features (area_shape_moments.cpp) of a 2x3 rectangle, by hand from
// scikit-image's definitions of spatial, central and normalised moments and the inertia tensor.

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "hcs/measure/area_shape.hpp"

namespace {

TEST(AreaShapeMoments, AdvancedMomentsOfATwoByThreeRectangle) {
    // Rows 0-1, columns 0-2 of the crop: M00 = 6, M10 = sum rows = 3, M01 = sum columns = 6;
    // centre (0.5, 1); mu20 = 6 * 0.25 = 1.5, mu02 = 2 * (1 + 0 + 1) = 4, mu11 = 0;
    // nu20 = 1.5 / 6^2, nu02 = 4 / 6^2; Hu0 = nu20 + nu02; inertia tensor [[4/6, 0], [0, 1.5/6]].
    cv::Mat mask = cv::Mat::ones(2, 3, CV_8U);
    std::map<std::string, double> f;
    for (const auto& [name, value] : hcs::measure::advanced_shape_features(mask)) f[name] = value;
    EXPECT_DOUBLE_EQ(f["SpatialMoment_0_0"], 6);
    EXPECT_DOUBLE_EQ(f["SpatialMoment_1_0"], 3);
    EXPECT_DOUBLE_EQ(f["SpatialMoment_0_1"], 6);
    EXPECT_DOUBLE_EQ(f["CentralMoment_2_0"], 1.5);
    EXPECT_DOUBLE_EQ(f["CentralMoment_0_2"], 4);
    EXPECT_DOUBLE_EQ(f["CentralMoment_1_1"], 0);
    EXPECT_TRUE(std::isnan(f["NormalizedMoment_0_1"]));
    EXPECT_DOUBLE_EQ(f["NormalizedMoment_2_0"], 1.5 / 36);
    EXPECT_DOUBLE_EQ(f["HuMoment_0"], 5.5 / 36);
    EXPECT_DOUBLE_EQ(f["InertiaTensor_0_0"], 4.0 / 6);
    EXPECT_DOUBLE_EQ(f["InertiaTensor_1_1"], 1.5 / 6);
    EXPECT_DOUBLE_EQ(f["InertiaTensorEigenvalues_0"], 4.0 / 6);
    EXPECT_DOUBLE_EQ(f["InertiaTensorEigenvalues_1"], 1.5 / 6);
}

}  // namespace
