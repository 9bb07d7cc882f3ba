// Tests of reading the "segment" config section: CellProfiler 5's defaults, the BBBC013 config
// against the settings CellProfiler ran (fixture settings.json), and errors naming the key.
#include "hcs/segment/segment_settings.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "hcs/core/config.hpp"
#include "hcs/core/errors.hpp"

namespace hcs::segment {
namespace {

const std::filesystem::path kShared = HCS_SHARED_DIR;
const std::filesystem::path kSource = HCS_SOURCE_DIR;

nlohmann::json with_segment(const nlohmann::json& segment) {
    nlohmann::json config = load_config();
    merge_config(config, {{"segment", segment}});
    return config;
}

// The value of setting `text` (the n-th of that text) of the module `module_name`.
std::string fixture_setting(const std::string& module_name, const std::string& text, int nth = 0) {
    std::ifstream stream(kShared / "fixtures/cellprofiler/bbbc013-plate-percell/settings.json");
    const auto settings = nlohmann::json::parse(stream);
    for (const auto& module : settings.at("modules")) {
        if (module.at("module_name") != module_name) continue;
        for (const auto& setting : module.at("settings")) {
            if (setting.at("text") == text && nth-- == 0) return setting.at("value");
        }
    }
    ADD_FAILURE() << module_name << " has no setting " << text;
    return "";
}

TEST(ReadSegmentSettings, DefaultsAreCellProfiler5Defaults) {
    // CellProfiler 5's IdentifyPrimaryObjects defaults: diameter 10..40, MCE, smoothing scale
    // 1.3488, "Use advanced settings?" No; IdentifySecondaryObjects: Propagation, lambda 0.05,
    // threshold smoothing scale 0; IdentifyTertiaryObjects: shrink Yes.
    const SegmentSettings settings = read_segment_settings(load_config());
    EXPECT_EQ(settings.nuclei.typical_diameter_min, 10);
    EXPECT_EQ(settings.nuclei.typical_diameter_max, 40);
    EXPECT_FALSE(settings.nuclei.use_advanced_settings);
    EXPECT_EQ(settings.nuclei.threshold.method, ThresholdMethod::MinimumCrossEntropy);
    EXPECT_DOUBLE_EQ(settings.nuclei.threshold.smoothing_scale, 1.3488);
    EXPECT_EQ(settings.nuclei.declump, DeclumpMethod::Intensity);
    EXPECT_EQ(settings.nuclei.fill_holes, FillHoles::AfterThresholdAndDeclumping);
    EXPECT_DOUBLE_EQ(settings.nuclei.maxima_suppression_size, 7.0);
    EXPECT_EQ(settings.cells.method, SecondaryMethod::Propagation);
    EXPECT_DOUBLE_EQ(settings.cells.regularization, 0.05);
    EXPECT_DOUBLE_EQ(settings.cells.threshold.smoothing_scale, 0.0);
    EXPECT_TRUE(settings.shrink_nuclei_for_cytoplasm);
    EXPECT_EQ(settings.nuclei_channel, "DNA");
    EXPECT_EQ(settings.cells_channel, "GFP");
    EXPECT_TRUE(settings.illumination_functions.empty());
}

TEST(ReadSegmentSettings, Bbbc013ConfigMatchesTheSettingsCellProfilerRan) {
    const SegmentSettings ours =
        read_segment_settings(load_config(kSource / "configs/bbbc013.json"));
    // "Typical diameter of objects, in pixel units (Min,Max)" = "8,28" in the fixture.
    const std::string diameter = fixture_setting(
        "IdentifyPrimaryObjects", "Typical diameter of objects, in pixel units (Min,Max)");
    EXPECT_EQ(std::to_string(ours.nuclei.typical_diameter_min) + "," +
                  std::to_string(ours.nuclei.typical_diameter_max),
              diameter);
    EXPECT_EQ(ours.nuclei.use_advanced_settings,
              fixture_setting("IdentifyPrimaryObjects", "Use advanced settings?") == "Yes");

    // The fixture's values, spelled as CellProfiler spells them, parse to the same settings.
    const SegmentSettings from_fixture = read_segment_settings(with_segment(
        {{"nuclei",
          {{"declump",
            fixture_setting("IdentifyPrimaryObjects", "Method to distinguish clumped objects")},
           {"dividing_lines",
            fixture_setting("IdentifyPrimaryObjects",
                            "Method to draw dividing lines between clumped objects")},
           {"fill_holes",
            fixture_setting("IdentifyPrimaryObjects", "Fill holes in identified objects?")},
           {"threshold",
            {{"method", fixture_setting("IdentifyPrimaryObjects", "Thresholding method")},
             {"smoothing_scale", std::stod(fixture_setting("IdentifyPrimaryObjects",
                                                           "Threshold smoothing scale"))}}}}},
         {"cells",
          {{"method", fixture_setting("IdentifySecondaryObjects",
                                      "Select the method to identify the secondary objects")},
           {"regularization",
            std::stod(fixture_setting("IdentifySecondaryObjects", "Regularization factor"))},
           {"threshold",
            {{"method", fixture_setting("IdentifySecondaryObjects", "Thresholding method")},
             {"smoothing_scale", std::stod(fixture_setting("IdentifySecondaryObjects",
                                                           "Threshold smoothing scale"))}}}}}}));
    EXPECT_EQ(ours.nuclei.declump, from_fixture.nuclei.declump);
    EXPECT_EQ(ours.nuclei.dividing_lines, from_fixture.nuclei.dividing_lines);
    EXPECT_EQ(ours.nuclei.fill_holes, from_fixture.nuclei.fill_holes);
    EXPECT_EQ(ours.nuclei.threshold.method, from_fixture.nuclei.threshold.method);
    EXPECT_DOUBLE_EQ(ours.nuclei.threshold.smoothing_scale,
                     from_fixture.nuclei.threshold.smoothing_scale);
    EXPECT_EQ(ours.cells.method, from_fixture.cells.method);
    EXPECT_DOUBLE_EQ(ours.cells.regularization, from_fixture.cells.regularization);
    EXPECT_EQ(ours.cells.threshold.method, from_fixture.cells.threshold.method);
    EXPECT_DOUBLE_EQ(ours.cells.threshold.smoothing_scale,
                     from_fixture.cells.threshold.smoothing_scale);
}

TEST(ReadSegmentSettings, AcceptsCellProfilerSpellingsInAnyCase) {
    const SegmentSettings settings =
        read_segment_settings(with_segment({{"nuclei",
                                             {{"declump", "shape"},
                                              {"dividing_lines", "Propagate"},
                                              {"threshold",
                                               {{"method", "otsu"},
                                                {"otsu_classes", "Three classes"},
                                                {"middle_class", "Background"}}}}},
                                            {"cells", {{"method", "Watershed - Gradient"}}}}));
    EXPECT_EQ(settings.nuclei.declump, DeclumpMethod::Shape);
    EXPECT_EQ(settings.nuclei.dividing_lines, DividingLines::Propagate);
    EXPECT_EQ(settings.nuclei.threshold.method, ThresholdMethod::Otsu);
    EXPECT_EQ(settings.nuclei.threshold.otsu_classes, OtsuClasses::Three);
    EXPECT_EQ(settings.nuclei.threshold.middle_class, ThreeClassMiddle::Background);
    EXPECT_EQ(settings.cells.method, SecondaryMethod::WatershedGradient);
}

TEST(ReadSegmentSettings, UseAdvancedSettingsIsAnExplicitSwitch) {
    EXPECT_TRUE(read_segment_settings(with_segment({{"nuclei", {{"use_advanced_settings", true}}}}))
                    .nuclei.use_advanced_settings);
    EXPECT_FALSE(
        read_segment_settings(with_segment({{"nuclei", {{"use_advanced_settings", false}}}}))
            .nuclei.use_advanced_settings);
}

std::string usage_error_of(const nlohmann::json& segment) {
    try {
        read_segment_settings(with_segment(segment));
    } catch (const UsageError& error) {
        return error.what();
    }
    return "no error";
}

TEST(ReadSegmentSettings, UnknownKeyIsAUsageErrorNamingIt) {
    EXPECT_EQ(usage_error_of({{"nuclei", {{"typical_diamter_min", 5}}}}),
              "unknown config key /segment/nuclei/typical_diamter_min");
}

TEST(ReadSegmentSettings, WrongTypeIsAUsageErrorNamingKeyAndValue) {
    EXPECT_EQ(usage_error_of({{"cells", {{"regularization", "high"}}}}),
              "config key /segment/cells/regularization has the wrong type: \"high\"");
}

TEST(ReadSegmentSettings, UnknownMethodIsAUsageErrorListingTheChoices) {
    const std::string message = usage_error_of({{"nuclei", {{"threshold", {{"method", "Li"}}}}}});
    EXPECT_NE(message.find("/segment/nuclei/threshold/method = 'Li'"), std::string::npos);
    EXPECT_NE(message.find("'Minimum Cross-Entropy'"), std::string::npos);
}

TEST(ReadSegmentSettings, AdaptiveThresholdIsRefusedRatherThanIgnored) {
    EXPECT_NE(usage_error_of({{"cells", {{"threshold", {{"strategy", "Adaptive"}}}}}})
                  .find("only 'Global'"),
              std::string::npos);
}

TEST(ReadSegmentSettings, DiameterRangeMustBeOrdered) {
    EXPECT_NE(
        usage_error_of({{"nuclei", {{"typical_diameter_min", 30}, {"typical_diameter_max", 20}}}})
            .find("typical_diameter_min"),
        std::string::npos);
}

TEST(ReadSegmentSettings, IlluminationFunctionsAndChannelsComeFromTheirSections) {
    nlohmann::json config = load_config();
    merge_config(
        config,
        {{"illum", {{"functions", {{"DNA", "illum/IllumDNA.tif"}}}}},
         {"image",
          {{"camera_bit_depth", 12}, {"channels", {{"nuclei", "Hoechst"}, {"cells", "Actin"}}}}}});
    const SegmentSettings settings = read_segment_settings(config);
    ASSERT_EQ(settings.illumination_functions.size(), 1u);
    EXPECT_EQ(settings.illumination_functions.at("DNA"), "illum/IllumDNA.tif");
    EXPECT_EQ(settings.camera_bit_depth, 12);
    EXPECT_EQ(settings.nuclei_channel, "Hoechst");
    EXPECT_EQ(settings.cells_channel, "Actin");
}

}  // namespace
}  // namespace hcs::segment
