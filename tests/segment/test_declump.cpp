// Declumping pieces. Expected values: hand-computed distances, the edge correction of
// CellProfiler's smoothing (a constant image stays constant), and two touching disks split.
#include <cmath>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "hcs/segment/declump.hpp"
#include "hcs/segment/label_components.hpp"

using namespace hcs::segment;

TEST(EuclideanDistanceMap, IsTheDistanceToTheNearestBackgroundPixel) {
    cv::Mat mask = cv::Mat::zeros(5, 5, CV_8U);
    mask(cv::Rect(0, 0, 4, 4)).setTo(255);
    const cv::Mat distance = euclidean_distance_map(mask);
    EXPECT_DOUBLE_EQ(distance.at<double>(4, 4), 0.0);
    EXPECT_DOUBLE_EQ(distance.at<double>(3, 3), 1.0);
    EXPECT_DOUBLE_EQ(distance.at<double>(0, 0), 4.0);  // the image edge is not background
    EXPECT_DOUBLE_EQ(distance.at<double>(2, 3), 1.0);
}

TEST(EuclideanDistanceMap, AllForegroundIsMeasuredFromOutsideTheFirstCorner) {
    const cv::Mat distance = euclidean_distance_map(cv::Mat(3, 3, CV_8U, cv::Scalar(255)));
    EXPECT_DOUBLE_EQ(distance.at<double>(0, 0), std::sqrt(2.0));
    EXPECT_DOUBLE_EQ(distance.at<double>(2, 1), std::sqrt(13.0));
}

TEST(DeclumpSmoothedImage, KeepsAConstantImageConstantUpToTheEdge) {
    const cv::Mat image(20, 20, CV_32F, cv::Scalar(0.3f));
    const cv::Mat smoothed = declump_smoothed_image(image, 2.35 * 10 / 3.5);
    EXPECT_NEAR(smoothed.at<float>(0, 0), 0.3f, 1e-6);
    EXPECT_NEAR(smoothed.at<float>(10, 10), 0.3f, 1e-6);
}

TEST(SeparateNeighboringObjects, ShapeSplitsTwoOverlappingDisks) {
    cv::Mat mask = cv::Mat::zeros(40, 60, CV_8U);
    cv::circle(mask, {20, 20}, 10, cv::Scalar(255), cv::FILLED);
    cv::circle(mask, {37, 20}, 10, cv::Scalar(255), cv::FILLED);
    cv::Mat image;
    mask.convertTo(image, CV_32F, 1.0 / 255.0);
    PrimarySettings settings;
    settings.declump = DeclumpMethod::Shape;
    settings.dividing_lines = DividingLines::Shape;
    settings.typical_diameter_min = 15;
    const DeclumpResult result =
        separate_neighboring_objects(image, label_components(mask, 8), settings);
    double objects = 0;
    cv::minMaxLoc(result.labels, nullptr, &objects);
    EXPECT_EQ(objects, 2);
    EXPECT_EQ(result.labels.at<int>(20, 20), 1);  // left disk: first seed in raster order
    EXPECT_EQ(result.labels.at<int>(20, 37), 2);
}
