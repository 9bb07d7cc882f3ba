// Reading CellProfiler's settings listing. Expected values: the settings printed in
// fixtures/cellprofiler/*/settings.json (and the fixture READMEs).
#include <fstream>

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"
#include "hcs/segment/cellprofiler_settings.hpp"

using namespace hcs::segment;

namespace {

nlohmann::json fixture_settings(const std::string& set) {
    std::ifstream file(std::filesystem::path(HCS_SHARED_DIR) / "fixtures/cellprofiler" / set /
                       "settings.json");
    return nlohmann::json::parse(file);
}

}  // namespace

TEST(PrimarySettingsFromCellProfiler, ReadsTheBbbc013Pipeline) {
    const PrimarySettings settings =
        primary_settings_from_cellprofiler(fixture_settings("bbbc013-A01"));
    EXPECT_EQ(settings.typical_diameter_min, 8);
    EXPECT_EQ(settings.typical_diameter_max, 28);
    EXPECT_FALSE(settings.use_advanced_settings);
    EXPECT_EQ(settings.threshold.method, ThresholdMethod::MinimumCrossEntropy);
    EXPECT_DOUBLE_EQ(settings.threshold.smoothing_scale, 1.3488);
    EXPECT_EQ(settings.fill_holes, FillHoles::AfterThresholdAndDeclumping);
}

TEST(PrimarySettingsFromCellProfiler, ReadsThreeClassOtsuAndShapeDeclumping) {
    const PrimarySettings settings =
        primary_settings_from_cellprofiler(fixture_settings("examplefly-variants-otsu3-shape"));
    EXPECT_TRUE(settings.use_advanced_settings);
    EXPECT_EQ(settings.threshold.method, ThresholdMethod::Otsu);
    EXPECT_EQ(settings.threshold.otsu_classes, OtsuClasses::Three);
    EXPECT_EQ(settings.threshold.middle_class, ThreeClassMiddle::Background);
    EXPECT_EQ(settings.declump, DeclumpMethod::Shape);
    EXPECT_EQ(settings.dividing_lines, DividingLines::Shape);
}

TEST(PrimarySettingsFromCellProfiler, MissingModuleIsAnInputError) {
    EXPECT_THROW(
        primary_settings_from_cellprofiler(nlohmann::json{{"modules", nlohmann::json::array()}}),
        hcs::InputError);
}
