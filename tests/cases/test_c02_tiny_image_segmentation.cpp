// Case c02 (shared/cases/c02-tiny-1x5), segmentation part: a 1x5 image with a 3-pixel object is
// accepted and gives exactly one nucleus of 3 pixels centred at (2, 0). Expected values: the
// case's README derivation (Otsu 2.0098/15 separates {1,2}/15 from {9,12,9}/15).
#include <gtest/gtest.h>

#include "hcs/core/image_reader.hpp"
#include "hcs/segment/identify_primary.hpp"
#include "nuclei_case_settings.hpp"

namespace {

const std::filesystem::path kCase = std::filesystem::path(HCS_SHARED_DIR) / "cases/c02-tiny-1x5";

TEST(CaseC02, OneRowImageGivesOneThreePixelNucleus) {
    const auto settings = hcs::cases::nuclei_case_settings(hcs::cases::read_case("c02-tiny-1x5"));
    const cv::Mat image = hcs::read_image(kCase / "dna.tif").pixels;
    ASSERT_EQ(image.rows, 1);
    ASSERT_EQ(image.cols, 5);

    const hcs::segment::PrimaryResult result = hcs::segment::identify_primary(image, settings);

    EXPECT_EQ(result.count, 1);
    const auto figures = hcs::cases::object_figures(result.labels, 1);
    EXPECT_EQ(figures.area, 3);
    EXPECT_DOUBLE_EQ(figures.center_x, 2.0);
    EXPECT_DOUBLE_EQ(figures.center_y, 0.0);
    // Otsu on 256 bins over [1/15, 12/15]: the centre of bin 23, (1 + 23.5 * 11 / 256) / 15.
    EXPECT_NEAR(result.threshold.final_threshold, (1.0 + 23.5 * 11.0 / 256.0) / 15.0, 1e-6);
}

}  // namespace
