// Tests of config loading: a user file overrides the compiled-in defaults, and a key the
// defaults do not hold is refused by name rather than ignored.
#include "hcs/core/config.hpp"

#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

std::filesystem::path config_file(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("hcs_config_" + name + ".json");
    std::ofstream(path) << text;
    return path;
}

TEST(LoadConfig, AUserValueOverridesItsDefaultAndKeepsTheOthers) {
    const auto path = config_file("override", R"({"image": {"camera_bit_depth": 12}})");
    const nlohmann::json config = load_config(path);
    EXPECT_EQ(config_value<int>(config, "/image/camera_bit_depth"), 12);
    EXPECT_EQ(config_value<std::string>(config, "/image/channels/nuclei"), "DNA");
}

TEST(LoadConfig, AMisspeltSectionIsAUsageErrorNamingFileAndKey) {
    const auto path = config_file("misspelt", R"({"segmnet": {"nuclei": {}}})");
    try {
        load_config(path);
        FAIL() << "an unknown section was accepted";
    } catch (const UsageError& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find(path.string() + ": unknown config key /segmnet"), std::string::npos)
            << message;
    }
}

TEST(LoadConfig, AMisspeltNestedKeyIsNamedWithItsPath) {
    const auto path = config_file("nested", R"({"image": {"channels": {"nucleus": "DAPI"}}})");
    try {
        load_config(path);
        FAIL() << "an unknown key was accepted";
    } catch (const UsageError& error) {
        EXPECT_NE(std::string(error.what()).find("/image/channels/nucleus"), std::string::npos)
            << error.what();
    }
}

// Channel names and illumination files are free maps: their keys are the user's own.
TEST(LoadConfig, KeysOfFreeMapsAreAccepted) {
    const auto path = config_file(
        "maps",
        R"({"input": {"channel_names": {"1": "GFP"}}, "illum": {"functions": {"GFP": "f.tif"}}})");
    EXPECT_EQ(config_value<std::string>(load_config(path), "/input/channel_names/1"), "GFP");
}

TEST(LoadConfig, AConfigThatIsNotAnObjectIsRefused) {
    EXPECT_THROW(load_config(config_file("number", "5")), InputError);
}

}  // namespace
}  // namespace hcs
