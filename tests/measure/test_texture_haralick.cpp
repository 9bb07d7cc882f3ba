// Tests of the Haralick texture features: hand-computed co-occurrence examples, the grey-level
// requantisation, and parity with CellProfiler's MeasureTexture on the four fixture sets.
#include <chrono>
#include <cmath>

#include <gtest/gtest.h>

#include "family_parity.hpp"
#include "hcs/measure/texture.hpp"

namespace hcs::measure {
namespace {

cv::Mat levels_of(std::initializer_list<std::initializer_list<int>> rows) {
    cv::Mat levels(static_cast<int>(rows.size()), static_cast<int>(rows.begin()->size()), CV_8U);
    int r = 0;
    for (const auto& row : rows) {
        int c = 0;
        for (int v : row) levels.at<std::uint8_t>(r, c++) = static_cast<std::uint8_t>(v);
        ++r;
    }
    return levels;
}

// Hand arithmetic: [[1,2],[3,4]] at distance 1. Horizontal pairs (1,2),(3,4) -> symmetric
// p = 1/4 in four cells: ASM 4/16, contrast 1, entropy 2 bits, sum average (3+7)/2 = 5.
TEST(TextureHaralick, HorizontalPairsOfTwoByTwoImageGiveHandValues) {
    const auto f = haralick_features(levels_of({{1, 2}, {3, 4}}), 1, false);
    EXPECT_NEAR(f[0][0], 0.25, 1e-12);
    EXPECT_NEAR(f[0][1], 1.0, 1e-12);
    EXPECT_NEAR(f[0][8], 2.0, 1e-12);
    EXPECT_NEAR(f[0][5], 5.0, 1e-12);
    EXPECT_NEAR(f[0][4], 0.5, 1e-12);  // 1/(1+1) for every pair
}

// Hand arithmetic: the 45-degree direction holds the single pair (1,4): p(1,4) = p(4,1) = 1/2,
// mean 2.5, variance (1+16)/2 - 6.25 = 2.25, correlation (4 - 6.25)/2.25 = -1, contrast 9.
TEST(TextureHaralick, DiagonalPairGivesPerfectAntiCorrelation) {
    const auto f = haralick_features(levels_of({{1, 2}, {3, 4}}), 1, false);
    EXPECT_NEAR(f[1][2], -1.0, 1e-12);
    EXPECT_NEAR(f[1][3], 2.25, 1e-12);
    EXPECT_NEAR(f[1][1], 9.0, 1e-12);
    EXPECT_NEAR(f[1][0], 0.5, 1e-12);
}

// mahotas' ignore_zeros: pairs touching level 0 are dropped; with no pair left in some
// direction the object is undefined (CellProfiler: mahotas raises, 0 written; we write NaN).
TEST(TextureHaralick, DirectionWithoutPairsMakesObjectUndefined) {
    const auto f = haralick_features(levels_of({{5, 0, 0, 0, 7}}), 1, true);
    for (int d = 0; d < 4; ++d)
        for (int k = 0; k < kHaralickFeatureCount; ++k) EXPECT_TRUE(std::isnan(f[d][k]));
}

// skimage img_as_ubyte: rint(x * 255) in float32, so k/255 maps back to k; with 8 levels
// rescale_intensity then truncates k * 7 / 255 (255 -> 7, 128 -> 3, 36 -> 0, 37 -> 1).
TEST(TextureHaralick, GreyLevelsFollowCellProfilerQuantisation) {
    cv::Mat image(1, 4, CV_32F);
    const int raw[4] = {255, 128, 36, 37};
    for (int k = 0; k < 4; ++k) image.at<float>(0, k) = static_cast<float>(raw[k] / 255.0);
    const cv::Mat full = texture_grey_levels(image, 256);
    for (int k = 0; k < 4; ++k) EXPECT_EQ(full.at<std::uint8_t>(0, k), raw[k]);
    const cv::Mat eight = texture_grey_levels(image, 8);
    EXPECT_EQ(eight.at<std::uint8_t>(0, 0), 7);
    EXPECT_EQ(eight.at<std::uint8_t>(0, 1), 3);
    EXPECT_EQ(eight.at<std::uint8_t>(0, 2), 0);
    EXPECT_EQ(eight.at<std::uint8_t>(0, 3), 1);
}

// CellProfiler 5 fixture tables (Nuclei/Cells/Cytoplasm.csv.gz and Image.csv) of the four
// sets: every Texture column, every object. A NaN of ours where CellProfiler writes 0 (no pair)
// or 1 (Correlation of a constant object) is the documented deliberate difference.
TEST(TextureHaralick, MatchesCellProfilerFixturesOnAllSets) {
    using namespace hcs::measure::testing;
    ParityReport total;
    for (const FixtureSet& set : fixture_sets()) {
        ParityReport report;
        const auto image_row = load_image_row(set);
        for (const std::string object : {"Nuclei", "Cells", "Cytoplasm"}) {
            const ObjectSet objects = load_objects(set, object);
            const ObjectTable table = load_object_table(set, object);
            for (const auto& [channel, path] : set.channels) {
                const cv::Mat image = load_channel(set, channel);
                compare_measurements(object, measure_texture(objects, image, channel, {}), table,
                                     report, {0.0, 1.0});
            }
        }
        for (const auto& [channel, path] : set.channels) {
            for (const auto& [name, values] :
                 measure_image_texture(load_channel(set, channel), channel, {})) {
                compare_column("Image_" + name, values, {image_row.at(name)}, report, {0.0, 1.0});
            }
        }
        report.print("Texture " + set.name);
        EXPECT_EQ(report.matched_columns, report.columns) << set.name;
        EXPECT_EQ(report.missing_columns, 0) << set.name;
    }
}

}  // namespace
}  // namespace hcs::measure
