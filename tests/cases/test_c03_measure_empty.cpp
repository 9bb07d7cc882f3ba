// Case c03 (measurement part): all-zero and constant 32x32 images give no objects; every
// family must then return its usual columns with no rows, and the image figures must not
// divide by zero (NaN where a figure is undefined).
#include <cmath>
#include <map>

#include <gtest/gtest.h>

#include "case_expected.hpp"
#include "hcs/core/image_reader.hpp"
#include "hcs/measure/colocalization.hpp"
#include "hcs/measure/granularity.hpp"
#include "hcs/measure/image_quality.hpp"
#include "hcs/measure/radial_distribution.hpp"
#include "hcs/measure/texture.hpp"

namespace {

using namespace hcs::measure;

void expect_empty_columns(const Measurements& measured, const std::string& first_name) {
    ASSERT_FALSE(measured.empty());
    EXPECT_EQ(measured.front().first, first_name);
    for (const auto& [name, values] : measured) EXPECT_TRUE(values.empty()) << name;
}

// Case README: Count_Nuclei = 0 for both images, per-object table with a header and no rows.
TEST(CaseC03, FamiliesReturnNamedColumnsWithoutRowsWhenNoObjects) {
    const auto folder = case_expected::case_folder("c03-empty-images");
    for (const char* file : {"zero.tif", "const.tif"}) {
        const cv::Mat image = hcs::read_image(folder / file).pixels;
        const ObjectSet none =
            ObjectSet::from_labels("Nuclei", cv::Mat::zeros(image.size(), CV_32S));
        ASSERT_EQ(none.count, 0);
        expect_empty_columns(measure_texture(none, image, "DNA", {}),
                             "Texture_AngularSecondMoment_DNA_3_00_256");
        expect_empty_columns(measure_granularity(image, "DNA", {&none}, {}).objects.at(0),
                             "Granularity_1_DNA");
        expect_empty_columns(measure_radial_distribution(none, nullptr, image, "DNA", {}),
                             "RadialDistribution_FracAtD_DNA_1of4");
        expect_empty_columns(measure_radial_distribution(none, &none, image, "DNA", {}),
                             "RadialDistribution_FracAtD_DNA_1of4");
        expect_empty_columns(measure_colocalization(none, image, image, "DNA", "DNA", {}),
                             "Correlation_Correlation_DNA_DNA");
    }
}

// Hand arithmetic: an all-zero image has mean 0, so the focus score (variance / mean) is
// undefined -> NaN (CellProfiler writes 0); the constant 0.4 image has focus score 0 and
// 100 % of its pixels at both the maximum and the minimum.
TEST(CaseC03, ImageFiguresOfBlankImagesAreDefinedOrNaN) {
    const auto folder = case_expected::case_folder("c03-empty-images");
    const cv::Mat zero = hcs::read_image(folder / "zero.tif").pixels;
    const cv::Mat constant = hcs::read_image(folder / "const.tif").pixels;
    auto figures = [](const cv::Mat& image) {
        const auto list = measure_image_quality(image, "DNA", {});
        return std::map<std::string, double>(list.begin(), list.end());
    };
    const auto z = figures(zero), c = figures(constant);
    EXPECT_TRUE(std::isnan(z.at("ImageQuality_FocusScore_DNA")));
    EXPECT_NEAR(c.at("ImageQuality_FocusScore_DNA"), 0.0, 1e-12);
    EXPECT_NEAR(c.at("ImageQuality_PercentMaximal_DNA"), 100.0, 1e-12);
    EXPECT_NEAR(c.at("ImageQuality_PercentMinimal_DNA"), 100.0, 1e-12);
    EXPECT_NEAR(c.at("ImageQuality_MeanIntensity_DNA"), 26214.0 / 65535.0, 1e-7);
    for (const auto& figures_of_image : {z, c})
        for (const auto& [name, value] : figures_of_image) EXPECT_FALSE(std::isinf(value)) << name;
}

}  // namespace
