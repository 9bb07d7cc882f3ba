// Tests of the illumination settings: CellProfiler's names, and its smoothing filter sizes.
#include "hcs/illum/illumination_settings.hpp"

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs::illum {
namespace {

TEST(SmoothingFilterSize, AutomaticIsTheLongerSideOverFortyAtMostThirty) {
    IlluminationSettings settings;
    EXPECT_DOUBLE_EQ(smoothing_filter_size(settings, 640, 640), 16.0);  // fixture timing.json
    EXPECT_DOUBLE_EQ(smoothing_filter_size(settings, 400, 1000), 25.0);
    EXPECT_DOUBLE_EQ(smoothing_filter_size(settings, 2048, 2048), 30.0);
}

TEST(SmoothingFilterSize, ObjectSizeIsDiameterTimes235Over35) {
    IlluminationSettings settings;
    settings.filter_size_method = FilterSizeMethod::kObjectSize;
    settings.object_width = 35;
    EXPECT_DOUBLE_EQ(smoothing_filter_size(settings, 640, 640), 23.5);  // 35 * 2.35 / 3.5
}

TEST(IlluminationSettings, ReadsCellProfilersNamesAndWritesThemBack) {
    const auto settings = IlluminationSettings::from_json({{"intensity", "Background"},
                                                           {"smoothing", "Convex Hull"},
                                                           {"rescale", "No"},
                                                           {"block_size", 30}});
    EXPECT_EQ(settings.intensity, IntensityChoice::kBackground);
    EXPECT_EQ(settings.smoothing, SmoothingMethod::kConvexHull);
    EXPECT_EQ(settings.rescale, RescaleOption::kNo);
    EXPECT_EQ(settings.to_json().at("smoothing"), "Convex Hull");
    EXPECT_EQ(settings.to_json().at("block_size"), 30);
}

TEST(IlluminationSettings, RefusesAMethodItDoesNotHaveNamingTheKey) {
    try {
        IlluminationSettings::from_json({{"smoothing", "Splines"}});
        FAIL() << "expected UsageError";
    } catch (const UsageError& error) {
        EXPECT_NE(std::string(error.what()).find("/illum/smoothing is 'Splines'"),
                  std::string::npos);
    }
}

}  // namespace
}  // namespace hcs::illum
