// Case c07 (shared/cases/c07-touching-disks), segmentation part: shape declumping splits two
// touching disks of radius 10 and leaves a single disk whole. Expected values: case.json (areas
// within 10% of pi * 10^2, centres), derived in the case's README.
#include <cmath>

#include <gtest/gtest.h>

#include "hcs/core/image_reader.hpp"
#include "hcs/segment/identify_primary.hpp"
#include "nuclei_case_settings.hpp"

namespace {

const std::filesystem::path kCase =
    std::filesystem::path(HCS_SHARED_DIR) / "cases/c07-touching-disks";
const double kDiskArea = M_PI * 10 * 10;

hcs::segment::PrimaryResult segment(const std::string& file, bool otsu) {
    auto settings = hcs::cases::nuclei_case_settings(hcs::cases::read_case("c07-touching-disks"));
    if (otsu) settings.threshold.method = hcs::segment::ThresholdMethod::Otsu;
    return hcs::segment::identify_primary(hcs::read_image(kCase / file).pixels, settings);
}

TEST(CaseC07, TouchingDisksAreSplitIntoTwoNucleiLeftFirst) {
    for (bool otsu : {false, true}) {
        const auto result = segment("pair.tif", otsu);
        ASSERT_EQ(result.count, 2);
        const auto left = hcs::cases::object_figures(result.labels, 1);
        const auto right = hcs::cases::object_figures(result.labels, 2);
        EXPECT_NEAR(left.area, kDiskArea, 0.1 * kDiskArea);
        EXPECT_NEAR(right.area, kDiskArea, 0.1 * kDiskArea);
        EXPECT_NEAR(left.center_x, 23.7, 1.5);
        EXPECT_NEAR(right.center_x, 41.3, 1.5);
        EXPECT_NEAR(left.center_y, 32.0, 1.0);
        EXPECT_NEAR(right.center_y, 32.0, 1.0);
    }
}

TEST(CaseC07, SingleDiskStaysOneNucleus) {
    for (bool otsu : {false, true}) {
        const auto result = segment("single.tif", otsu);
        ASSERT_EQ(result.count, 1);
        const auto disk = hcs::cases::object_figures(result.labels, 1);
        EXPECT_NEAR(disk.area, kDiskArea, 0.1 * kDiskArea);
        EXPECT_NEAR(disk.center_x, 33.0, 0.5);
        EXPECT_NEAR(disk.center_y, 30.0, 0.5);
    }
}

}  // namespace
