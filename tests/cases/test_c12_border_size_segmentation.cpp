// Case c12 (shared/cases/c12-16bit-border-size), segmentation part: on a 16-bit image a nucleus
// touching the border and one below the size range are discarded and the survivor is numbered
// 1. The image is generated here as the case's README describes it. Expected values: the
// README's derivation (197-pixel disk centred at (40, 40)).
#include <random>

#include <gtest/gtest.h>

#include "hcs/segment/identify_primary.hpp"
#include "nuclei_case_settings.hpp"

namespace {

constexpr double kSixteenBit = 65535.0;

// 64x64 background of raw 1000 or 1050 at random (fixed seed), objects of raw 30000: a disk of
// radius 7 at (row 30, column 3), a 2x2 square at rows 10..11, columns 50..51, a disk of radius
// 8 at (40, 40); scaled raw / 65535 as a 16-bit file is read.
cv::Mat case_c12_image() {
    std::mt19937 generator(12);
    std::bernoulli_distribution brighter(0.5);
    cv::Mat raw(64, 64, CV_64F);
    for (int row = 0; row < 64; ++row) {
        for (int column = 0; column < 64; ++column) {
            const bool border_disk = (row - 30) * (row - 30) + (column - 3) * (column - 3) <= 49;
            const bool square = row >= 10 && row <= 11 && column >= 50 && column <= 51;
            const bool kept_disk = (row - 40) * (row - 40) + (column - 40) * (column - 40) <= 64;
            raw.at<double>(row, column) = (border_disk || square || kept_disk) ? 30000.0
                                          : brighter(generator)                ? 1050.0
                                                                               : 1000.0;
        }
    }
    cv::Mat image;
    raw.convertTo(image, CV_32F, 1.0 / kSixteenBit);
    return image;
}

TEST(CaseC12, BorderAndSmallObjectsGoAndTheSurvivorIsNumberedOne) {
    const auto settings =
        hcs::cases::nuclei_case_settings(hcs::cases::read_case("c12-16bit-border-size"));
    const auto result = hcs::segment::identify_primary(case_c12_image(), settings);

    ASSERT_EQ(result.count, 1);
    const auto nucleus = hcs::cases::object_figures(result.labels, 1);
    EXPECT_EQ(nucleus.area, 197);
    EXPECT_NEAR(nucleus.center_x, 40.0, 1e-6);
    EXPECT_NEAR(nucleus.center_y, 40.0, 1e-6);
}

TEST(CaseC12, WithoutFiltersAllThreeObjectsAreFound) {
    auto settings =
        hcs::cases::nuclei_case_settings(hcs::cases::read_case("c12-16bit-border-size"));
    settings.discard_border_objects = false;
    settings.discard_outside_diameter = false;
    const auto result = hcs::segment::identify_primary(case_c12_image(), settings);

    EXPECT_EQ(result.count, 3);
    // The README: the border disk keeps 121 pixels inside the image.
    long border_disk_area = 0;
    for (int label = 1; label <= result.count; ++label) {
        const auto figures = hcs::cases::object_figures(result.labels, label);
        if (figures.center_x < 10) border_disk_area = figures.area;
    }
    EXPECT_EQ(border_disk_area, 121);
}

}  // namespace
