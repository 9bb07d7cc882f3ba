// Tests of IdentifySecondaryObjects' bookkeeping (seeds, renumbering, border rule) by hand, and
// of the whole module on the fixture sets from CellProfiler's nuclei with our own cell-channel
// threshold (expected: CellProfiler's labels/Cells*.tif and Threshold_FinalThreshold_Cells*).
#include "hcs/segment/identify_secondary.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "cell_fixtures.hpp"

namespace hcs::segment {
namespace {

cv::Mat labels_from(const std::vector<std::vector<int>>& rows) {
    cv::Mat labels(static_cast<int>(rows.size()), static_cast<int>(rows[0].size()), CV_32S);
    for (int r = 0; r < labels.rows; ++r) {
        for (int c = 0; c < labels.cols; ++c) labels.at<int>(r, c) = rows[r][c];
    }
    return labels;
}

TEST(IdentifySecondary, SeedsAreFinalNucleusPixelsPlusWholeBorderNuclei) {
    // Unedited nucleus 1 touches the border (kept whole); 2 became final nucleus 1, whose pixels
    // alone stay (one of its unedited pixels is not in the final nucleus); 3 was dropped by the
    // size filter and is no seed.
    const cv::Mat unedited = labels_from({{1, 1, 0, 0, 0, 0},
                                          {1, 0, 2, 2, 0, 0},
                                          {0, 0, 2, 2, 0, 0},
                                          {0, 0, 0, 0, 3, 0},
                                          {0, 0, 0, 0, 0, 0}});
    const cv::Mat final_nuclei = labels_from({{0, 0, 0, 0, 0, 0},
                                              {0, 0, 1, 1, 0, 0},
                                              {0, 0, 1, 0, 0, 0},
                                              {0, 0, 0, 0, 0, 0},
                                              {0, 0, 0, 0, 0, 0}});
    const cv::Mat expected = labels_from({{1, 1, 0, 0, 0, 0},
                                          {1, 0, 2, 2, 0, 0},
                                          {0, 0, 2, 0, 0, 0},
                                          {0, 0, 0, 0, 0, 0},
                                          {0, 0, 0, 0, 0, 0}});
    EXPECT_EQ(cv::countNonZero(cell_seeds(unedited, final_nuclei) != expected), 0);
}

TEST(IdentifySecondary, RegionsTakeTheLargestFinalNucleusInsideThemOrVanish) {
    // Region 7 holds final nucleus 2, region 4 holds nuclei 1 and 3 (largest: 3), region 9 none.
    const cv::Mat regions = labels_from({{7, 7, 4, 4, 9}});
    const cv::Mat nuclei = labels_from({{0, 2, 1, 3, 0}});
    const cv::Mat expected = labels_from({{2, 2, 3, 3, 0}});
    EXPECT_EQ(cv::countNonZero(renumber_to_final_nuclei(regions, nuclei) != expected), 0);
}

TEST(IdentifySecondary, DiscardsCellsTouchingTheBorderOnlyWhenAsked) {
    // Cell 1 grows into the left edge column; cell 2 stays inside.
    const cv::Mat image = cv::Mat::zeros(3, 6, CV_32F);
    const cv::Mat seeds = labels_from({{0, 0, 0, 0, 0, 0}, {0, 1, 0, 0, 2, 0}, {0, 0, 0, 0, 0, 0}});
    const cv::Mat foreground =
        labels_from({{0, 0, 0, 0, 0, 0}, {1, 1, 0, 0, 1, 0}, {0, 0, 0, 0, 0, 0}});
    SecondarySettings settings;
    const cv::Mat kept = grow_cells(image, seeds, foreground != 0, seeds, settings);
    EXPECT_EQ(kept.at<int>(1, 0), 1);
    settings.discard_border_cells = true;
    const cv::Mat discarded = grow_cells(image, seeds, foreground != 0, seeds, settings);
    EXPECT_EQ(cv::countNonZero(discarded == 1), 0);
    EXPECT_EQ(cv::countNonZero(discarded == 2), 1);
}

struct ModuleCase {
    std::string set;
    SecondaryMethod method;
    ThresholdMethod threshold;
    std::string cells;  // labels/<cells>.tif and Threshold_FinalThreshold_<cells>
};

void PrintTo(const ModuleCase& c, std::ostream* out) {
    *out << c.set << " " << c.cells;
}

class IdentifySecondaryModule : public ::testing::TestWithParam<ModuleCase> {};

TEST_P(IdentifySecondaryModule, MatchesCellProfilerFromItsNucleiWithOurThreshold) {
    // The whole module from CellProfiler's unedited and final nuclei, with the cell channel's
    // threshold computed here (smoothing 0, as CellProfiler applies it to secondary objects).
    // Expected: CellProfiler's labels and Image.csv threshold of the set.
    const ModuleCase& c = GetParam();
    PrimaryResult nuclei;
    nuclei.unedited_labels =
        testing::fixture_labels(c.set, "cp_internal_labels/Nuclei_unedited.tif");
    nuclei.labels = testing::fixture_labels(c.set, "labels/Nuclei.tif");
    SecondarySettings settings;
    settings.method = c.method;
    settings.threshold.method = c.threshold;
    settings.threshold.smoothing_scale = 0;

    const SecondaryResult cells =
        identify_secondary(testing::fixture_channel(c.set, "GFP"), nuclei, settings);
    if (c.method == SecondaryMethod::DistanceN) {
        EXPECT_TRUE(std::isnan(cells.threshold.final_threshold));  // CellProfiler records none
    } else {
        const double expected =
            std::stod(testing::image_table_value(c.set, "Threshold_FinalThreshold_" + c.cells));
        EXPECT_NEAR(cells.threshold.final_threshold, expected, 1e-6);
    }
    const double agreement = testing::label_agreement(
        cells.labels, testing::fixture_labels(c.set, "labels/" + c.cells + ".tif"));
    std::printf("[figure] %s %s from CellProfiler's nuclei, our threshold: %.6f %%\n",
                c.set.c_str(), c.cells.c_str(), 100 * agreement);
    EXPECT_GE(agreement, 0.999);
}

INSTANTIATE_TEST_SUITE_P(
    FixtureSets, IdentifySecondaryModule,
    ::testing::Values(ModuleCase{"bbbc013-A01", SecondaryMethod::Propagation,
                                 ThresholdMethod::MinimumCrossEntropy, "Cells"},
                      ModuleCase{"bbbc013-A12", SecondaryMethod::Propagation,
                                 ThresholdMethod::MinimumCrossEntropy, "Cells"},
                      ModuleCase{"examplefly-01_POS002", SecondaryMethod::Propagation,
                                 ThresholdMethod::MinimumCrossEntropy, "Cells"},
                      ModuleCase{"examplefly-variants-otsu3-shape",
                                 SecondaryMethod::WatershedGradient, ThresholdMethod::Otsu,
                                 "Cells"},
                      ModuleCase{"examplefly-variants-robust-propagate",
                                 SecondaryMethod::WatershedImage,
                                 ThresholdMethod::MinimumCrossEntropy, "Cells"},
                      ModuleCase{"examplefly-variants-distance", SecondaryMethod::DistanceN,
                                 ThresholdMethod::MinimumCrossEntropy, "Cells"},
                      ModuleCase{"examplefly-variants-distance", SecondaryMethod::DistanceB,
                                 ThresholdMethod::MinimumCrossEntropy, "CellsB"}));

}  // namespace
}  // namespace hcs::segment
