// Tests of the radial intensity distribution: a hand-checkable ring image and parity with
// CellProfiler's MeasureObjectIntensityDistribution (Nuclei on themselves, Cells on Nuclei).
#include <cmath>

#include <gtest/gtest.h>

#include "family_parity.hpp"
#include "hcs/measure/radial_distribution.hpp"

namespace hcs::measure {
namespace {

// Hand arithmetic: a 3x3 square (rows/columns 1..3 of a 5x5 image), constant intensity.
// Distance to the edge: 2 at the centre, 1 elsewhere, so the centre is (2,2). Distances from
// the centre by 8-neighbour steps: 1 for the 4 side pixels, sqrt 2 for the 4 corners. Scaled
// distance d / (d + edge + 0.001): 0 (centre), 1/2.001 = 0.49975 (sides, ring 2 of 4),
// 1.41421/2.41521 = 0.5855 (corners, ring 3). Constant intensity: FracAtD = pixel fraction
// 1/9, 4/9, 4/9, 0; MeanFrac = 1 in the rings with pixels and 0 in ring 4.
TEST(RadialDistribution, ConstantSquareSplitsIntoRingsByHand) {
    cv::Mat labels = cv::Mat::zeros(5, 5, CV_32S);
    labels(cv::Rect(1, 1, 3, 3)).setTo(1);
    cv::Mat image = cv::Mat::zeros(5, 5, CV_32F);
    image(cv::Rect(1, 1, 3, 3)).setTo(0.5f);
    const Measurements m = measure_radial_distribution(ObjectSet::from_labels("Nuclei", labels),
                                                       nullptr, image, "DNA", {});
    ASSERT_EQ(m[0].first, "RadialDistribution_FracAtD_DNA_1of4");
    EXPECT_NEAR(m[0].second[0], 1.0 / 9, 1e-7);
    EXPECT_NEAR(m[1].second[0], 4.0 / 9, 1e-7);
    EXPECT_NEAR(m[2].second[0], 4.0 / 9, 1e-7);
    EXPECT_NEAR(m[3].second[0], 0.0, 1e-12);
    EXPECT_NEAR(m[4].second[0], 1.0, 1e-6);  // MeanFrac ring 1
    EXPECT_NEAR(m[5].second[0], 1.0, 1e-6);
    EXPECT_NEAR(m[7].second[0], 0.0, 1e-12);
    EXPECT_NEAR(m[8].second[0], 0.0, 1e-12);  // RadialCV: one wedge mean only -> deviation 0
}

// Hand arithmetic, CellProfiler's fallback for a cell no nucleus reaches: cell 2 (a 1x3 row at
// columns 6..8 of row 2) is apart from cell 1, which holds nucleus 1 at (2,2). Its pixels take
// the nearest nucleus centroid (2,2) and their straight-line distances 4, 5, 6; distances to
// the edge are 1 (background above and below), so d/(d+1.001) = 0.7998, 0.8331, 0.8569: all in
// ring 4 of 4. Constant intensity: FracAtD ring 4 = 1, rings 1-3 = 0.
TEST(RadialDistribution, UnreachedCellTakesNearestNucleusCentroid) {
    cv::Mat cells = cv::Mat::zeros(5, 10, CV_32S), nuclei = cv::Mat::zeros(5, 10, CV_32S);
    cells(cv::Rect(1, 1, 3, 3)).setTo(1);
    cells(cv::Rect(6, 2, 3, 1)).setTo(2);
    nuclei.at<int>(2, 2) = 1;
    const cv::Mat image(5, 10, CV_32F, cv::Scalar(0.5));
    const auto cell_set = ObjectSet::from_labels("Cells", cells);
    const auto nucleus_set = ObjectSet::from_labels("Nuclei", nuclei);
    const Measurements m = measure_radial_distribution(cell_set, &nucleus_set, image, "GFP", {});
    ASSERT_EQ(m[3].first, "RadialDistribution_FracAtD_GFP_4of4");
    EXPECT_NEAR(m[0].second[1], 0.0, 1e-12);
    EXPECT_NEAR(m[2].second[1], 0.0, 1e-12);
    EXPECT_NEAR(m[3].second[1], 1.0, 1e-7);
}

// CellProfiler 5 fixture tables: every RadialDistribution column of Nuclei (centred on
// themselves) and Cells (centred on Nuclei, "Other objects") for every channel.
TEST(RadialDistribution, MatchesCellProfilerFixturesOnAllSets) {
    using namespace hcs::measure::testing;
    for (const FixtureSet& set : fixture_sets()) {
        ParityReport report;
        const ObjectSet nuclei = load_objects(set, "Nuclei"), cells = load_objects(set, "Cells");
        const ObjectTable nuclei_table = load_object_table(set, "Nuclei");
        const ObjectTable cells_table = load_object_table(set, "Cells");
        for (const auto& [channel, path] : set.channels) {
            const cv::Mat image = load_channel(set, channel);
            compare_measurements("Nuclei",
                                 measure_radial_distribution(nuclei, nullptr, image, channel, {}),
                                 nuclei_table, report, {});
            compare_measurements("Cells",
                                 measure_radial_distribution(cells, &nuclei, image, channel, {}),
                                 cells_table, report, {});
        }
        report.print("RadialDistribution " + set.name);
        EXPECT_EQ(report.matched_columns, report.columns) << set.name;
        EXPECT_EQ(report.missing_columns, 0) << set.name;
    }
}

}  // namespace
}  // namespace hcs::measure
