// Tests of Gaussian smoothing and dilation against hand calculations of scipy.ndimage's and
// centrosome's definitions.
#include "hcs/illum/gaussian_smoothing.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace hcs::illum {
namespace {

TEST(GaussianKernel, ReachesFourSigmaAndSumsToOne) {
    // sigma 1: radius int(4 + 0.5) = 4; w(1)/w(0) = exp(-1/2).
    const auto kernel = gaussian_kernel(1.0);
    ASSERT_EQ(kernel.size(), 9u);
    double total = 0;
    for (double weight : kernel) total += weight;
    EXPECT_NEAR(total, 1.0, 1e-15);
    EXPECT_NEAR(kernel[5] / kernel[4], std::exp(-0.5), 1e-15);
}

TEST(GaussianFilterConstant, AnImpulseSpreadsAsTheOuterProductOfTheKernel) {
    cv::Mat impulse = cv::Mat::zeros(11, 11, CV_64F);
    impulse.at<double>(5, 5) = 1;
    const auto kernel = gaussian_kernel(1.0);
    const cv::Mat filtered = gaussian_filter_constant(impulse, 1.0);
    EXPECT_NEAR(filtered.at<double>(5, 6), kernel[4] * kernel[5], 1e-16);
    EXPECT_NEAR(filtered.at<double>(3, 7), kernel[2] * kernel[6], 1e-16);
}

TEST(GaussianSmoothing, KeepsAConstantImageConstantUpToTheBorder) {
    // The bleed-over correction divides the zero-padded border loss away (centrosome
    // smooth_with_function_and_mask), so a constant stays constant even in the corners.
    const cv::Mat pixels(20, 30, CV_32F, cv::Scalar(0.4f));
    const cv::Mat smoothed = gaussian_smoothing(pixels, 3.0);
    EXPECT_NEAR(smoothed.at<float>(0, 0), 0.4f, 1e-7);
    EXPECT_NEAR(smoothed.at<float>(10, 15), 0.4f, 1e-7);
}

TEST(CircularGaussianKernel, IsZeroOutsideTheDiskAndSumsToOne) {
    // radius 3: corners (3, 3) lie outside the unit disk; (0, 3) is on it.
    const cv::Mat kernel = circular_gaussian_kernel(1.0, 3);
    EXPECT_EQ(kernel.at<double>(0, 0), 0.0);
    EXPECT_GT(kernel.at<double>(3, 0), 0.0);
    EXPECT_NEAR(cv::sum(kernel)[0], 1.0, 1e-15);
    // exp(-(i^2 + j^2) / 2) relative to the centre, sd 1.
    EXPECT_NEAR(kernel.at<double>(3, 4) / kernel.at<double>(3, 3), std::exp(-0.5), 1e-15);
}

TEST(DilateObjects, SpreadsABrightPixelOverItsNeighbours) {
    cv::Mat pixels = cv::Mat::zeros(15, 15, CV_32F);
    pixels.at<float>(7, 7) = 1;
    const cv::Mat dilated = dilate_objects(pixels, 1);
    const cv::Mat kernel = circular_gaussian_kernel(1.0, 3);
    // Away from the border the mask correction is 1: the result is the kernel itself.
    EXPECT_NEAR(dilated.at<float>(7, 8), kernel.at<double>(3, 4), 1e-7);
    EXPECT_NEAR(dilated.at<float>(7, 7), kernel.at<double>(3, 3), 1e-7);
}

}  // namespace
}  // namespace hcs::illum
