// Tests of applying an illumination function as CorrectIlluminationApply's "Divide" with its
// default clipping of the result to 0..1.
#include "hcs/illum/apply_illumination.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs::illum {
namespace {

TEST(ApplyIllumination, DividesInFloat32AndClipsToOne) {
    cv::Mat pixels = (cv::Mat_<float>(1, 3) << 0.5f, 0.9f, 0.3f);
    const cv::Mat function = (cv::Mat_<float>(1, 3) << 2.0f, 0.5f, 1.5f);
    apply_illumination(pixels, function);
    EXPECT_EQ(pixels.at<float>(0, 0), 0.25f);        // 0.5 / 2
    EXPECT_EQ(pixels.at<float>(0, 1), 1.0f);         // 0.9 / 0.5 = 1.8, clipped
    EXPECT_EQ(pixels.at<float>(0, 2), 0.3f / 1.5f);  // float32 division
}

TEST(ApplyIllumination, LeavesNanAsNumpyWhereDoes) {
    // 0 / 0 is NaN, which neither "< 0" nor "> 1" catches in CellProfiler's numpy.where.
    cv::Mat pixels = (cv::Mat_<float>(1, 2) << 0.0f, 0.2f);
    const cv::Mat function = (cv::Mat_<float>(1, 2) << 0.0f, 0.0f);
    apply_illumination(pixels, function);
    EXPECT_TRUE(std::isnan(pixels.at<float>(0, 0)));
    EXPECT_EQ(pixels.at<float>(0, 1), 1.0f);  // 0.2 / 0 = +inf, clipped to 1
}

TEST(ApplyIllumination, RefusesAFunctionOfAnotherSizeNamingImageAndFunctionFiles) {
    ChannelImage image{"well_A01.tif", cv::Mat(4, 6, CV_32F, cv::Scalar(0.5f)), {}};
    const cv::Mat function(4, 5, CV_32F, cv::Scalar(1.0f));
    try {
        apply_illumination(image, function, "illum/P1_DNA.tif");
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_EQ(std::string(error.what()),
                  "well_A01.tif: illumination function is 5 x 4 pixels but the image is 6 x 4 "
                  "(illum/P1_DNA.tif)");
    }
    EXPECT_EQ(image.pixels.at<float>(0, 0), 0.5f);  // untouched
}

}  // namespace
}  // namespace hcs::illum
