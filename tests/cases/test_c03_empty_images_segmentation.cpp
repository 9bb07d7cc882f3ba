// Case c03 (shared/cases/c03-empty-images), segmentation part: an all-zero and a constant image
// give no nuclei. Expected values: the case's README (CellProfiler short-cuts the threshold of a
// constant image to the value itself; the whole-field object touches the border and goes).
#include <gtest/gtest.h>

#include "hcs/core/image_reader.hpp"
#include "hcs/segment/identify_primary.hpp"
#include "nuclei_case_settings.hpp"

namespace {

const std::filesystem::path kCase =
    std::filesystem::path(HCS_SHARED_DIR) / "cases/c03-empty-images";

hcs::segment::PrimaryResult segment(const std::string& file, bool otsu) {
    auto settings = hcs::cases::nuclei_case_settings(hcs::cases::read_case("c03-empty-images"));
    if (otsu) settings.threshold.method = hcs::segment::ThresholdMethod::Otsu;
    return hcs::segment::identify_primary(hcs::read_image(kCase / file).pixels, settings);
}

TEST(CaseC03, AllZeroImageGivesNoNucleusAndThresholdZero) {
    for (bool otsu : {false, true}) {
        const auto result = segment("zero.tif", otsu);
        EXPECT_EQ(result.count, 0);
        EXPECT_EQ(result.threshold.final_threshold, 0.0);
    }
}

TEST(CaseC03, ConstantImageGivesNoNucleusAndThresholdAtItsValue) {
    for (bool otsu : {false, true}) {
        const auto result = segment("const.tif", otsu);
        EXPECT_EQ(result.count, 0);
        EXPECT_NEAR(result.threshold.final_threshold, 26214.0 / 65535.0, 1e-7);
    }
}

}  // namespace
