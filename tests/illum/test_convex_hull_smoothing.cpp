// Tests of the convex hull smoothing against hand-worked cases of centrosome's definition.
#include "hcs/illum/convex_hull_smoothing.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

namespace hcs::illum {
namespace {

// The definition without shortcuts: for every level, the hull of all pixels at or above it,
// filled (the same rasterisation as the module), highest level wins.
cv::Mat hull_transform_by_definition(const cv::Mat& image, int levels) {
    double minimum = 0, maximum = 0;
    cv::minMaxLoc(image, &minimum, &maximum);
    cv::Mat level(image.size(), CV_32S), result = cv::Mat::zeros(image.size(), CV_32S);
    for (int y = 0; y < image.rows; ++y) {
        for (int x = 0; x < image.cols; ++x) {
            level.at<int>(y, x) = static_cast<int>((image.at<double>(y, x) - minimum) *
                                                   (levels - 1) / (maximum - minimum));
        }
    }
    for (int k = 1; k < levels; ++k) {
        std::vector<cv::Point> points, hull;
        for (int y = 0; y < image.rows; ++y) {
            for (int x = 0; x < image.cols; ++x) {
                if (level.at<int>(y, x) >= k) points.emplace_back(x, y);
            }
        }
        if (points.empty()) break;
        cv::convexHull(points, hull);
        if (hull.size() == 1) {
            result.at<int>(hull[0]) = k;
        } else if (hull.size() == 2) {
            cv::line(result, hull[0], hull[1], k, 1, cv::LINE_8);
        } else {
            cv::fillConvexPoly(result, hull, k, cv::LINE_8);
        }
    }
    cv::Mat values(image.size(), CV_64F);
    for (int y = 0; y < image.rows; ++y) {
        for (int x = 0; x < image.cols; ++x) {
            values.at<double>(y, x) =
                minimum + result.at<int>(y, x) * (maximum - minimum) / (levels - 1);
        }
    }
    return values;
}

TEST(ConvexHullTransform, AgreesWithHullsOfAllPixelsPerLevelOnARandomImage) {
    // Only the edge pixels of each level are kept as hull candidates; that must not change the
    // hulls (a pixel whose 8 neighbours are all at least as high is never a hull vertex).
    cv::Mat image(23, 31, CV_64F);
    cv::randu(image, 0.0, 1.0);
    cv::GaussianBlur(image, image, cv::Size(5, 5), 1.5);
    EXPECT_EQ(cv::norm(convex_hull_transform(image, 32), hull_transform_by_definition(image, 32),
                       cv::NORM_INF),
              0.0);
}

TEST(ConvexHullTransform, FillsTheHullBetweenTwoBrightPixels) {
    // Two pixels at the maximum on one row: the segment between them is their hull, so the
    // pixels in between rise to the maximum; the others stay at the minimum 0.
    cv::Mat image = cv::Mat::zeros(7, 9, CV_64F);
    image.at<double>(3, 2) = 1;
    image.at<double>(3, 6) = 1;
    const cv::Mat transformed = convex_hull_transform(image);
    for (int x = 2; x <= 6; ++x) EXPECT_EQ(transformed.at<double>(3, x), 1.0) << x;
    EXPECT_EQ(transformed.at<double>(2, 4), 0.0);
    EXPECT_EQ(transformed.at<double>(3, 1), 0.0);
}

TEST(ConvexHullTransform, RaisesAValleyToTheLevelOfItsRim) {
    // A square ring at 0.5 around a dark centre, one pixel at 1 setting the scale 0..1: the
    // ring's level is int(0.5 * 255) = 127, value 127 / 255, and the centre, inside the ring's
    // hull, takes it.
    cv::Mat image = cv::Mat::zeros(9, 9, CV_64F);
    cv::rectangle(image, cv::Rect(2, 2, 5, 5), cv::Scalar(0.5), 1);
    image.at<double>(0, 0) = 1;
    const cv::Mat transformed = convex_hull_transform(image);
    EXPECT_DOUBLE_EQ(transformed.at<double>(4, 4), 127.0 / 255.0);
    EXPECT_DOUBLE_EQ(transformed.at<double>(0, 0), 1.0);
}

TEST(ConvexHullTransform, LeavesAConstantImageAlone) {
    const cv::Mat image(5, 5, CV_64F, cv::Scalar(0.3));
    EXPECT_EQ(cv::norm(convex_hull_transform(image), image, cv::NORM_INF), 0.0);
}

TEST(GreyErosionDisk, PadsWithOneSoTheBorderKeepsItsOwnMinimum) {
    // centrosome pads with 1 for erosion: an image of 0.5 stays 0.5 at the corner.
    const cv::Mat image(6, 6, CV_32F, cv::Scalar(0.5f));
    EXPECT_EQ(grey_erosion_disk(image, 2).at<double>(0, 0), 0.5);
    // Pads with 0 for dilation: an image of -0.5 would become 0 at the border; 0.5 stays.
    EXPECT_EQ(grey_dilation_disk(image, 2).at<double>(0, 0), 0.5);
}

TEST(ConvexHullSmoothing, RemovesADarkSpotInsideABrightField) {
    // Erosion, hull, dilation: a one-pixel dark spot inside a flat field is filled.
    cv::Mat pixels(21, 21, CV_32F, cv::Scalar(0.8f));
    pixels.at<float>(10, 10) = 0.1f;
    const cv::Mat smoothed = convex_hull_smoothing(pixels);
    EXPECT_NEAR(smoothed.at<float>(10, 10), 0.8f, 1e-6);
}

}  // namespace
}  // namespace hcs::illum
