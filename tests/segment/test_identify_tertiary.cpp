// Tests of IdentifyTertiaryObjects' cytoplasm: hand cases of the shrink-by-outline rule and of
// the kept first pixel, and CellProfiler's own Cytoplasm labels from its Cells and Nuclei
// (shared/fixtures/cellprofiler/*/labels).
#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "cell_fixtures.hpp"
#include "hcs/segment/identify_secondary.hpp"

namespace hcs::segment {
namespace {

TEST(IdentifyTertiary, ShrunkNucleusLeavesOnlyItsInteriorOutOfTheCytoplasm) {
    // A 3x3 nucleus inside a 7x7 cell: its outline is its 8 edge pixels, so only the centre
    // pixel leaves the cell (49 - 1 = 48 cytoplasm pixels).
    cv::Mat cells = cv::Mat::zeros(9, 9, CV_32S);
    cells(cv::Rect(1, 1, 7, 7)).setTo(1);
    cv::Mat nuclei = cv::Mat::zeros(9, 9, CV_32S);
    nuclei(cv::Rect(3, 3, 3, 3)).setTo(1);
    const cv::Mat cytoplasm = identify_cytoplasm(cells, nuclei);
    EXPECT_EQ(cv::countNonZero(cytoplasm == 1), 48);
    EXPECT_EQ(cytoplasm.at<int>(4, 4), 0);

    const cv::Mat unshrunk = identify_cytoplasm(cells, nuclei, false);
    EXPECT_EQ(cv::countNonZero(unshrunk == 1), 40);
}

TEST(IdentifyTertiary, ACellCoveredByItsNucleusKeepsItsFirstPixel) {
    // Without shrinking, a cell equal to its nucleus would vanish; CellProfiler puts back the
    // first pixel of the cell in raster order.
    cv::Mat cells = cv::Mat::zeros(5, 5, CV_32S);
    cells(cv::Rect(1, 2, 3, 2)).setTo(3);
    const cv::Mat cytoplasm = identify_cytoplasm(cells, cells, false);
    EXPECT_EQ(cv::countNonZero(cytoplasm), 1);
    EXPECT_EQ(cytoplasm.at<int>(2, 1), 3);
}

class CytoplasmParity : public ::testing::TestWithParam<std::string> {};

TEST_P(CytoplasmParity, EqualsCellProfilersCytoplasmFromItsCellsAndNuclei) {
    const std::string& set = GetParam();
    const cv::Mat cytoplasm = identify_cytoplasm(testing::fixture_labels(set, "labels/Cells.tif"),
                                                 testing::fixture_labels(set, "labels/Nuclei.tif"));
    const cv::Mat expected = testing::fixture_labels(set, "labels/Cytoplasm.tif");
    const double agreement = testing::label_agreement(cytoplasm, expected);
    std::printf("[figure] %s Cytoplasm: %.6f %% of union pixels agree\n", set.c_str(),
                100 * agreement);
    EXPECT_EQ(cv::countNonZero(cytoplasm != expected), 0);
}

INSTANTIATE_TEST_SUITE_P(FixtureSets, CytoplasmParity,
                         ::testing::Values("bbbc013-A01", "bbbc013-A07", "bbbc013-A12",
                                           "examplefly-01_POS002",
                                           "examplefly-variants-otsu3-shape",
                                           "examplefly-variants-robust-propagate",
                                           "examplefly-variants-distance"));

}  // namespace
}  // namespace hcs::segment
