// Cells grown from CellProfiler's own seeds and cell-channel mask, compared pixel by pixel with
// CellProfiler 5's labels (shared/fixtures/cellprofiler/*/cp_internal_labels and labels/Cells*).
// The expected values are CellProfiler's outputs; the brief asks for >= 99.9 % agreement over
// the union of both cell masks. Each test prints its figure.
#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "cell_fixtures.hpp"
#include "hcs/segment/identify_secondary.hpp"

namespace hcs::segment {
namespace {

using testing::fixture_channel;
using testing::fixture_labels;
using testing::fixture_mask;
using testing::label_agreement;

constexpr double kRequiredAgreement = 0.999;

struct ParityCase {
    std::string set;
    SecondaryMethod method;
    std::string seeds;       // cp_internal_labels/... the seed label image
    std::string mask;        // cp_internal_labels/... the cell-channel foreground ("" = none)
    std::string unfiltered;  // cp_internal_labels/... holes filled, seed numbering
    std::string cells;       // labels/... final cells
};

void PrintTo(const ParityCase& c, std::ostream* out) {
    *out << c.set << " " << c.cells;
}

class CellsParity : public ::testing::TestWithParam<ParityCase> {};

TEST_P(CellsParity, GrowsCellProfilersCellsFromItsOwnSeedsAndMask) {
    const ParityCase& c = GetParam();
    const cv::Mat image = fixture_channel(c.set, "GFP");
    const cv::Mat seeds = fixture_labels(c.set, "cp_internal_labels/" + c.seeds);
    const cv::Mat foreground =
        c.mask.empty() ? cv::Mat() : fixture_mask(c.set, "cp_internal_labels/" + c.mask);
    const cv::Mat final_nuclei = fixture_labels(c.set, "labels/Nuclei.tif");

    SecondarySettings settings;
    settings.method = c.method;
    const cv::Mat unfiltered = grow_unfiltered_cells(image, seeds, foreground, settings);
    const cv::Mat cells = grow_cells(image, seeds, foreground, final_nuclei, settings);

    const double unfiltered_agreement =
        label_agreement(unfiltered, fixture_labels(c.set, "cp_internal_labels/" + c.unfiltered));
    const double agreement = label_agreement(cells, fixture_labels(c.set, "labels/" + c.cells));
    std::printf("[figure] %s %s: unfiltered %.6f %%, final %.6f %% of union pixels agree\n",
                c.set.c_str(), c.cells.c_str(), 100 * unfiltered_agreement, 100 * agreement);
    EXPECT_GE(agreement, kRequiredAgreement);
    // The method is reproduced tie for tie, so every pixel matches, before and after filtering.
    EXPECT_EQ(cv::countNonZero(cells != fixture_labels(c.set, "labels/" + c.cells)), 0);
    EXPECT_EQ(
        cv::countNonZero(unfiltered != fixture_labels(c.set, "cp_internal_labels/" + c.unfiltered)),
        0);
}

INSTANTIATE_TEST_SUITE_P(
    FixtureSets, CellsParity,
    ::testing::Values(
        ParityCase{"bbbc013-A01", SecondaryMethod::Propagation, "Cells_propagation_seeds.tif",
                   "Cells_threshold_binary.tif", "Cells_propagated_unfiltered.tif", "Cells.tif"},
        ParityCase{"bbbc013-A07", SecondaryMethod::Propagation, "Cells_propagation_seeds.tif",
                   "Cells_threshold_binary.tif", "Cells_propagated_unfiltered.tif", "Cells.tif"},
        ParityCase{"bbbc013-A12", SecondaryMethod::Propagation, "Cells_propagation_seeds.tif",
                   "Cells_threshold_binary.tif", "Cells_propagated_unfiltered.tif", "Cells.tif"},
        ParityCase{"examplefly-01_POS002", SecondaryMethod::Propagation,
                   "Cells_propagation_seeds.tif", "Cells_threshold_binary.tif",
                   "Cells_propagated_unfiltered.tif", "Cells.tif"},
        ParityCase{"examplefly-variants-otsu3-shape", SecondaryMethod::WatershedGradient,
                   "Cells_watershed_seeds.tif", "Cells_threshold_binary.tif",
                   "Cells_watershed_unfiltered.tif", "Cells.tif"},
        ParityCase{"examplefly-variants-robust-propagate", SecondaryMethod::WatershedImage,
                   "Cells_watershed_seeds.tif", "Cells_threshold_binary.tif",
                   "Cells_watershed_unfiltered.tif", "Cells.tif"},
        ParityCase{"examplefly-variants-distance", SecondaryMethod::DistanceN,
                   "Cells_distance_seeds.tif", "", "Cells_dilated_unfiltered.tif", "Cells.tif"},
        ParityCase{"examplefly-variants-distance", SecondaryMethod::DistanceB,
                   "CellsB_distance_seeds.tif", "CellsB_threshold_binary.tif",
                   "CellsB_propagated_unfiltered.tif", "CellsB.tif"}));

}  // namespace
}  // namespace hcs::segment
