// Tests of reading hcs-measure's settings: values no family can use are usage errors naming
// the key, found before any image is read.
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "hcs/core/config.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/measure/measure_image_set.hpp"

namespace hcs::measure {
namespace {

TEST(MeasureSettings, OutOfRangeFamilySettingsAreUsageErrorsNamingTheKey) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {R"({"measure": {"texture_scales": [3, 0]}})", "/measure/texture_scales"},
        {R"({"measure": {"texture_gray_levels": 1}})", "/measure/texture_gray_levels"},
        {R"({"measure": {"texture_gray_levels": 300}})", "/measure/texture_gray_levels"},
        {R"({"measure": {"radial_bins": 0}})", "/measure/radial_bins"}};
    for (const auto& [text, key] : cases) {
        nlohmann::json config = load_config();
        merge_config(config, nlohmann::json::parse(text));
        try {
            MeasureSettings::from_json(config);
            ADD_FAILURE() << text << " was accepted";
        } catch (const UsageError& error) {
            EXPECT_NE(std::string(error.what()).find(key), std::string::npos) << error.what();
        }
    }
}

TEST(MeasureSettings, TheDefaultsAreAccepted) {
    const MeasureSettings settings = MeasureSettings::from_json(load_config());
    EXPECT_EQ(settings.texture_settings.gray_levels, 256);
    EXPECT_EQ(settings.radial_distribution_settings.bin_count, 4);
}

}  // namespace
}  // namespace hcs::measure
