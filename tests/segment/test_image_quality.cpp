// Tests of MeasureImageQuality's saturation and blur figures: hand arithmetic on a 2 x 2 image,
// and CellProfiler 5's own values for BBBC013 well A01 (fixture Image.csv).
#include "hcs/segment/image_quality.hpp"

#include <gtest/gtest.h>

#include "hcs/core/csv_table.hpp"
#include "hcs/core/image_reader.hpp"

namespace hcs::segment {
namespace {

const std::filesystem::path kShared = HCS_SHARED_DIR;

cv::Mat two_by_two() {
    return (cv::Mat_<float>(2, 2) << 0.0f, 0.5f, 1.0f, 1.0f);
}

TEST(PercentMaximal, CountsPixelsAtTheImagesOwnMaximum) {
    // Two of four pixels equal the maximum 1.0: 50 %. Of [0.2, 0.4] one of two is maximal.
    EXPECT_DOUBLE_EQ(percent_maximal(two_by_two()), 50.0);
    EXPECT_DOUBLE_EQ(percent_maximal((cv::Mat_<float>(1, 2) << 0.2f, 0.4f)), 50.0);
}

TEST(PercentMinimal, CountsPixelsAtTheImagesOwnMinimum) {
    EXPECT_DOUBLE_EQ(percent_minimal(two_by_two()), 25.0);  // one of four pixels is 0
}

TEST(FocusScore, IsTheNormalisedVariance) {
    // mean 0.625; squared deviations 0.390625 + 0.015625 + 2 * 0.140625 = 0.6875;
    // 0.6875 / (4 * 0.625) = 0.275.
    EXPECT_NEAR(focus_score(two_by_two()), 0.275, 1e-12);
    EXPECT_DOUBLE_EQ(focus_score(cv::Mat::zeros(3, 3, CV_32F)), 0.0);  // CellProfiler: 0
}

TEST(PowerLogLogSlope, IsZeroForAFlatImage) {
    EXPECT_DOUBLE_EQ(power_log_log_slope(cv::Mat(64, 64, CV_32F, cv::Scalar(0.3))), 0.0);
}

// CellProfiler's ImageQuality_* of well A01 (ImageNumber 1) in the plate fixture's Image.csv.
double fixture_value(const std::string& column) {
    static const CsvTable table =
        read_csv(kShared / "fixtures/cellprofiler/bbbc013-plate-percell/Image.csv.gz");
    return std::stod(table.rows.at(0).at(table.column(column)));
}

TEST(ImageQualityFigures, MatchCellProfilerOnBbbc013WellA01) {
    for (const auto& [channel, file] :
         {std::pair{"DNA", "Channel2-01-A-01.tif"}, std::pair{"GFP", "Channel1-01-A-01.tif"}}) {
        const auto image = read_image(kShared / "data/bbbc013/images" / file);
        const std::string name = channel;
        for (const auto& [figure, value] : image_quality_figures(image.pixels, name)) {
            const double expected = fixture_value(figure);
            // Saturation counts are exact; the blur figures CellProfiler sums in float32.
            const double tolerance =
                figure.find("Percent") != std::string::npos ? 1e-12 : 1e-5 * std::abs(expected);
            EXPECT_NEAR(value, expected, tolerance) << figure;
        }
    }
}

}  // namespace
}  // namespace hcs::segment
