// Tests of the running sum: float32 sums in image order, the float64 division, and refusing
// images of another size.
#include "hcs/illum/illumination_accumulator.hpp"

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs::illum {
namespace {

ChannelImage constant_image(float value, int rows, int cols, const std::string& name) {
    return {name, cv::Mat(rows, cols, CV_32F, cv::Scalar(value)), {}};
}

TEST(IlluminationAccumulator, SumsInFloat32InImageOrder) {
    // 1 + 2^-24 + 2^-24 in float32 is 1 (each 2^-24 is lost to rounding), so the mean of three
    // images is 1/3 in float64 rounded to float32, not (1 + 2^-23)/3: the order and precision
    // are CellProfiler's.
    IlluminationAccumulator sum(IlluminationSettings{});
    sum.add(constant_image(1.0f, 2, 2, "a.tif"));
    sum.add(constant_image(std::ldexp(1.0f, -24), 2, 2, "b.tif"));
    sum.add(constant_image(std::ldexp(1.0f, -24), 2, 2, "c.tif"));
    EXPECT_EQ(sum.count(), 3u);
    EXPECT_EQ(sum.average().at<float>(1, 1), static_cast<float>(1.0 / 3.0));
}

TEST(IlluminationAccumulator, AveragesBlockMinimaForBackground) {
    IlluminationSettings settings;
    settings.intensity = IntensityChoice::kBackground;
    settings.block_size = 2;
    IlluminationAccumulator sum(settings);
    cv::Mat first = (cv::Mat_<float>(2, 2) << 0.2f, 0.4f, 0.6f, 0.8f);
    sum.add({"a.tif", first, {}});
    sum.add(constant_image(0.4f, 2, 2, "b.tif"));
    // Block minimum 0.2 and 0.4: mean (0.2f + 0.4f) / 2 in float64, rounded to float32.
    const double expected = (static_cast<double>(0.2f) + static_cast<double>(0.4f)) / 2;
    EXPECT_EQ(sum.average().at<float>(1, 1), static_cast<float>(expected));
}

TEST(IlluminationAccumulator, RefusesAnImageOfAnotherSizeNamingBothFiles) {
    IlluminationAccumulator sum(IlluminationSettings{});
    sum.add(constant_image(0.1f, 4, 4, "first.tif"));
    try {
        sum.add(constant_image(0.1f, 5, 4, "second.tif"));
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_EQ(std::string(error.what()),
                  "second.tif: image is 4 x 5 pixels but first.tif is 4 x 4; one illumination "
                  "function needs images of one size");
    }
}

}  // namespace
}  // namespace hcs::illum
