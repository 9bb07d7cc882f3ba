// Tests of the image quality figures: hand-computed saturation and intensity figures and
// parity with CellProfiler's MeasureImageQuality on the four fixture sets.
#include <cmath>
#include <limits>
#include <map>

#include <gtest/gtest.h>

#include "family_parity.hpp"
#include "hcs/measure/image_quality.hpp"

namespace hcs::measure {
namespace {

std::map<std::string, double> as_map(const std::vector<std::pair<std::string, double>>& f) {
    return {f.begin(), f.end()};
}

// Hand arithmetic on a 2x2 image [0.2 0.4; 0.4 0.8]: total 1.8, mean 0.45, median 0.4,
// deviations from the median 0.2 0 0 0.4 -> MAD 0.1, population sd sqrt(0.0475) = 0.217945,
// maximum 0.8 in 1 of 4 pixels (25 %), minimum 0.2 in 1 of 4 (25 %).
TEST(ImageQuality, IntensityAndSaturationFiguresByHand) {
    const cv::Mat image = (cv::Mat_<float>(2, 2) << 0.2f, 0.4f, 0.4f, 0.8f);
    ImageQualitySettings settings;
    settings.blur = false;
    settings.threshold = false;
    const auto f = as_map(measure_image_quality(image, "DNA", settings));
    EXPECT_NEAR(f.at("ImageQuality_TotalIntensity_DNA"), 1.8, 1e-6);
    EXPECT_NEAR(f.at("ImageQuality_MeanIntensity_DNA"), 0.45, 1e-6);
    EXPECT_NEAR(f.at("ImageQuality_MedianIntensity_DNA"), 0.4, 1e-6);
    EXPECT_NEAR(f.at("ImageQuality_MADIntensity_DNA"), 0.1, 1e-6);
    EXPECT_NEAR(f.at("ImageQuality_StdIntensity_DNA"), std::sqrt(0.0475), 1e-6);
    EXPECT_NEAR(f.at("ImageQuality_PercentMaximal_DNA"), 25.0, 1e-12);
    EXPECT_NEAR(f.at("ImageQuality_PercentMinimal_DNA"), 25.0, 1e-12);
    EXPECT_EQ(f.at("ImageQuality_TotalArea_DNA"), 4.0);
}

// A constant image has no focus: FocusScore = 0 (no variance) and the Haralick correlation is
// 0/0 -> NaN (CellProfiler records 0 there; see docs).
TEST(ImageQuality, ConstantImageHasZeroFocusAndUndefinedCorrelation) {
    const cv::Mat image(40, 40, CV_32F, cv::Scalar(0.5));
    const auto f = as_map(measure_image_quality(image, "DNA", {}));
    EXPECT_NEAR(f.at("ImageQuality_FocusScore_DNA"), 0.0, 1e-12);
    EXPECT_TRUE(std::isnan(f.at("ImageQuality_Correlation_DNA_20")));
}

// One NaN pixel in a floating-point image: every figure is named as usual and undefined.
TEST(ImageQuality, ANanPixelLeavesEveryFigureNamedAndUndefined) {
    cv::Mat image(40, 40, CV_32F, cv::Scalar(0.5));
    image.at<float>(3, 7) = std::numeric_limits<float>::quiet_NaN();
    const auto figures = measure_image_quality(image, "DNA", {});
    const auto reference = measure_image_quality(cv::Mat::zeros(40, 40, CV_32F), "DNA", {});
    ASSERT_EQ(figures.size(), reference.size());
    for (std::size_t k = 0; k < figures.size(); ++k) {
        EXPECT_EQ(figures[k].first, reference[k].first);
        EXPECT_TRUE(std::isnan(figures[k].second)) << figures[k].first;
    }
}

// CellProfiler 5 Image.csv of the four sets: every ImageQuality_* figure of every channel.
TEST(ImageQuality, MatchesCellProfilerFixturesOnAllSets) {
    using namespace hcs::measure::testing;
    for (const FixtureSet& set : fixture_sets()) {
        ParityReport report;
        const auto image_row = load_image_row(set);
        for (const auto& [channel, path] : set.channels) {
            for (const auto& [name, value] :
                 measure_image_quality(load_channel(set, channel), channel, {})) {
                const auto found = image_row.find(name);
                if (found == image_row.end()) {
                    ++report.missing_columns;
                    report.mismatched.push_back(name + " (absent from fixture)");
                    continue;
                }
                compare_column("Image_" + name, {value}, {found->second}, report, {});
            }
        }
        report.print("ImageQuality " + set.name);
        EXPECT_EQ(report.matched_columns, report.columns) << set.name;
        EXPECT_EQ(report.missing_columns, 0) << set.name;
    }
}

}  // namespace
}  // namespace hcs::measure
