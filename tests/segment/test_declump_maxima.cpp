// Declumping maxima. Expected values: hand counts of centrosome's strel_disk, hand-drawn peaks,
// and the interpolation property of cubic splines (integer positions give the pixels back).
#include <gtest/gtest.h>

#include "hcs/segment/declump_maxima.hpp"

using namespace hcs::segment;

TEST(DiskOffsets, CountsThePixelsOfCentrosomesDisk) {
    EXPECT_EQ(disk_offsets(1.0).size(), 5u);  // the centre and its four neighbours
    EXPECT_EQ(disk_offsets(1.5).size(), 9u);  // the 3x3 square (corners at sqrt 2 <= 1.5)
    EXPECT_EQ(disk_offsets(2.0).size(), 13u);
}

TEST(LocalMaxima, OnlyPeaksHigherThanTheirObjectWithinTheDisk) {
    cv::Mat image = cv::Mat::zeros(1, 9, CV_64F);
    image.at<double>(0, 2) = 5;
    image.at<double>(0, 4) = 4;  // within 2 pixels of the higher peak
    image.at<double>(0, 7) = 3;
    cv::Mat labels = cv::Mat::ones(1, 9, CV_32S);
    labels.at<int>(0, 6) = 2;
    labels.at<int>(0, 7) = 2;
    labels.at<int>(0, 8) = 2;
    const cv::Mat maxima = local_maxima(image, labels, 2.0);
    EXPECT_EQ(maxima.at<unsigned char>(0, 2), 255);
    EXPECT_EQ(maxima.at<unsigned char>(0, 4), 0);
    EXPECT_EQ(maxima.at<unsigned char>(0, 7), 255);  // its own object
    EXPECT_EQ(cv::countNonZero(maxima), 2);
}

TEST(CubicSplineResample, ReturnsThePixelsAtIntegerPositions) {
    cv::Mat image(6, 7, CV_64F);
    cv::randu(image, 0.0, 1.0);
    const std::vector<double> rows = {0, 1, 2, 3, 4, 5}, columns = {0, 1, 2, 3, 4, 5, 6};
    const cv::Mat resampled = cubic_spline_resample(image, rows, columns);
    EXPECT_LT(cv::norm(resampled - image, cv::NORM_INF), 1e-9);
}

TEST(DeclumpMaxima, OnePointPerPlateau) {
    cv::Mat image = cv::Mat::zeros(5, 5, CV_64F);
    image(cv::Rect(1, 1, 3, 3)).setTo(1.0);
    const cv::Mat labels = cv::Mat::ones(5, 5, CV_32S);
    const cv::Mat points = declump_maxima(image, labels, 2.0, 1.0);
    EXPECT_EQ(cv::countNonZero(points), 1);
    EXPECT_EQ(points.at<unsigned char>(2, 2), 255);
}
