// AreaShape features of small shapes whose values follow by hand from scikit-image's and
// centrosome's definitions (the arithmetic is in each test's comment).

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "hcs/measure/area_shape.hpp"

namespace {

using namespace hcs::measure;

std::map<std::string, double> features_of_object_1(const cv::Mat& labels) {
    const ObjectSet objects = ObjectSet::from_labels("Nuclei", labels);
    std::map<std::string, double> features;
    for (const auto& [name, values] : measure_area_shape(objects, {})) features[name] = values[0];
    return features;
}

TEST(AreaShape, ThreeByThreeSquareMatchesHandValues) {
    cv::Mat labels = cv::Mat::zeros(7, 8, CV_32S);
    labels(cv::Rect(2, 3, 3, 3)).setTo(1);  // columns 2-4, rows 3-5
    auto f = features_of_object_1(labels);
    EXPECT_EQ(f["AreaShape_Area"], 9);
    EXPECT_EQ(f["AreaShape_BoundingBoxMinimum_X"], 2);
    EXPECT_EQ(f["AreaShape_BoundingBoxMaximum_X"], 5);  // exclusive, as regionprops
    EXPECT_DOUBLE_EQ(f["AreaShape_Center_X"], 3);
    EXPECT_DOUBLE_EQ(f["AreaShape_Center_Y"], 4);
    // 8 boundary pixels, each with skimage weight 1 (codes 5 and 25).
    EXPECT_DOUBLE_EQ(f["AreaShape_Perimeter"], 8);
    EXPECT_EQ(f["AreaShape_ConvexArea"], 9);
    EXPECT_DOUBLE_EQ(f["AreaShape_Solidity"], 1);
    EXPECT_EQ(f["AreaShape_EulerNumber"], 1);
    // Variance of rows and of columns 6/9: both axes 4 sqrt(2/3), eccentricity 0.
    EXPECT_NEAR(f["AreaShape_MajorAxisLength"], 4 * std::sqrt(2.0 / 3), 1e-12);
    EXPECT_NEAR(f["AreaShape_MinorAxisLength"], 4 * std::sqrt(2.0 / 3), 1e-12);
    EXPECT_NEAR(f["AreaShape_Eccentricity"], 0, 1e-12);
    EXPECT_NEAR(f["AreaShape_EquivalentDiameter"], std::sqrt(36 / M_PI), 1e-12);
    // Hull of pixel centres: a 2x2 square, diagonal 2 sqrt 2, width 2.
    EXPECT_NEAR(f["AreaShape_MaxFeretDiameter"], 2 * std::sqrt(2.0), 1e-12);
    EXPECT_NEAR(f["AreaShape_MinFeretDiameter"], 2, 1e-12);
    // Distance to background: 1 on the ring of 8, 2 at the centre.
    EXPECT_DOUBLE_EQ(f["AreaShape_MaximumRadius"], 2);
    EXPECT_DOUBLE_EQ(f["AreaShape_MeanRadius"], 10.0 / 9);
    EXPECT_DOUBLE_EQ(f["AreaShape_MedianRadius"], 1);
}

TEST(AreaShape, RingHasEulerNumberZero) {
    cv::Mat labels = cv::Mat::zeros(5, 5, CV_32S);
    labels(cv::Rect(1, 1, 3, 3)).setTo(1);
    labels.at<int>(2, 2) = 0;  // one hole: 1 object - 1 hole
    EXPECT_EQ(features_of_object_1(labels)["AreaShape_EulerNumber"], 0);
}

TEST(AreaShape, SinglePixelHasPerimeterZeroAsScikitImage) {
    // skimage's weight table gives code 1 (an isolated boundary pixel) the weight 0.
    cv::Mat mask = cv::Mat::zeros(1, 1, CV_8U);
    mask.at<uchar>(0, 0) = 1;
    EXPECT_EQ(perimeter_4(mask), 0);
}

TEST(AreaShape, PlusShapeZernikeMomentsMatchHandValues) {
    // Pixel centres (0,0), (+-1,0), (0,+-1): enclosing circle radius 1 at the centre, so the
    // arms sit at r = 1. Z00 = 5 / pi; Z11 = |sum (y + i x)| / pi = 0;
    // Z20: R = 2 r^2 - 1 = -1 at the centre, +1 on each arm: |3| / pi.
    cv::Mat labels = cv::Mat::zeros(5, 5, CV_32S);
    labels(cv::Rect(1, 2, 3, 1)).setTo(1);
    labels(cv::Rect(2, 1, 1, 3)).setTo(1);
    auto f = features_of_object_1(labels);
    EXPECT_NEAR(f["AreaShape_Zernike_0_0"], 5 / M_PI, 1e-12);
    EXPECT_NEAR(f["AreaShape_Zernike_1_1"], 0, 1e-12);
    EXPECT_NEAR(f["AreaShape_Zernike_2_0"], 3 / M_PI, 1e-12);
}

}  // namespace
