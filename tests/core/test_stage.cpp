// Where a stage takes its image sets from: the --manifest, --input, --pattern and --plate-map
// flags against a config's "input" section. Expected: the BBBC013 folder holds 48 image sets
// (data/bbbc013/README.md); a flag wins over the config.
#include "hcs/core/stage.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

const std::filesystem::path kShared = HCS_SHARED_DIR;
const std::string kBbbc013Pattern =
    R"(Channel(?<channel>\d)-\d+-(?<row>[A-H])-(?<column>\d+)\.tif)";

TEST(ApplyInputFlags, AFolderFlagReplacesTheConfigsManifestAndViceVersa) {
    nlohmann::json config = {{"input", {{"manifest", "plate.csv"}, {"folder", ""}}}};
    StageOptions options;
    options.input_folder = "images";
    options.pattern = "(?<well>..)";
    apply_input_flags(options, config);
    EXPECT_EQ(config["input"]["manifest"], "");
    EXPECT_EQ(config["input"]["folder"], "images");
    EXPECT_EQ(config["input"]["pattern"], "(?<well>..)");

    options = StageOptions();
    options.manifest = "other.csv";
    apply_input_flags(options, config);
    EXPECT_EQ(config["input"]["manifest"], "other.csv");
    EXPECT_EQ(config["input"]["folder"], "");
    EXPECT_EQ(config["input"]["pattern"], "(?<well>..)");  // no --pattern: the config's stays
}

TEST(ApplyInputFlags, AddsTheInputSectionWhenAbsentAndRefusesOneThatIsNotAnObject) {
    StageOptions options;
    options.manifest = "plate.csv";
    nlohmann::json config = nlohmann::json::object();
    apply_input_flags(options, config);
    EXPECT_EQ(config["input"]["manifest"], "plate.csv");

    nlohmann::json wrong = {{"input", "plate.csv"}};
    EXPECT_THROW(apply_input_flags(options, wrong), UsageError);
}

TEST(LoadImageSets, AFolderFlagWinsOverAManifestInTheConfig) {
    const nlohmann::json config = {
        {"input", {{"manifest", "no/such/manifest.csv"}, {"channel_names", {{"2", "DNA"}}}}}};
    StageOptions options;
    options.input_folder = (kShared / "data/bbbc013/images").string();
    options.pattern = kBbbc013Pattern;
    const auto image_sets = load_image_sets(options, config);
    ASSERT_EQ(image_sets.size(), 48u);
    EXPECT_EQ(image_sets.front().channel_files.count("DNA"), 1u);
}

TEST(LoadImageSets, AManifestFlagWinsOverAFolderInTheConfig) {
    const auto manifest = std::filesystem::temp_directory_path() / "hcs_stage_manifest.csv";
    std::ofstream(manifest) << "Metadata_Plate,Metadata_Well,FileName_DNA,PathName_DNA\n"
                            << "P1,B02,Channel2-14-B-02.tif,"
                            << (kShared / "data/bbbc013/images").string() << "\n";
    const nlohmann::json config = {
        {"input",
         {{"folder", (kShared / "data/bbbc013/images").string()}, {"pattern", kBbbc013Pattern}}}};
    StageOptions options;
    options.manifest = manifest.string();
    const auto image_sets = load_image_sets(options, config);
    ASSERT_EQ(image_sets.size(), 1u);
    EXPECT_EQ(image_sets.front().name(), "P1_B02_1");
}

}  // namespace
}  // namespace hcs
