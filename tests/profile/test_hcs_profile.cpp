// Tests of the hcs-profile command line (apps/hcs-profile.cpp): exit codes 0, 1 and 2, nothing
// written on bad input, and the c08 case's KS value read back from the written wells.csv.
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>
#include <sys/wait.h>

#include "hcs/core/feature_table.hpp"

namespace {

const std::filesystem::path kProgram = std::filesystem::path(HCS_BIN_DIR) / "hcs-profile";
const std::filesystem::path kCells =
    std::filesystem::path(HCS_SHARED_DIR) / "cases/c08-well-aggregate-ks/cells.csv";

int run(const std::string& arguments) {
    const std::string command =
        kProgram.string() + " " + arguments + " --log-level error 2>/dev/null";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::filesystem::path fresh_folder(const std::string& name) {
    const auto folder = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(folder);
    return folder;
}

TEST(HcsProfile, UnknownFlagIsUsageErrorTwo) {
    EXPECT_EQ(run("--input " + kCells.string() + " --no-such-flag"), 2);
    EXPECT_EQ(run("--input " + kCells.string() + " --method pca"), 2);
}

TEST(HcsProfile, BadInputExitsOneAndWritesNothing) {
    const auto folder = fresh_folder("hcs_profile_cli_bad");
    const auto input = std::filesystem::temp_directory_path() / "hcs_profile_cli_bad.csv";
    std::ofstream(input) << "Metadata_Plate,Metadata_Well,Cells_A\nP1,A01,many\n";
    EXPECT_EQ(run("--input " + input.string() + " --output " + folder.string()), 1);
    EXPECT_FALSE(std::filesystem::exists(folder));
    std::filesystem::remove(input);
}

// The stderr of one run, for the tests that check what the message names.
std::string stderr_of(const std::string& arguments) {
    const auto log = std::filesystem::temp_directory_path() / "hcs_profile_cli_stderr.txt";
    std::system(
        (kProgram.string() + " " + arguments + " 2>" + log.string() + " >/dev/null").c_str());
    std::ifstream in(log);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(HcsProfile, MissingConfigFileIsUsageErrorTwoAsInTheOtherStages) {
    EXPECT_EQ(run("--input " + kCells.string() + " --config /no/such/config.json"), 2);
}

TEST(HcsProfile, AColumnTheConfigNeedsNamesTheInputFile) {
    const auto folder = fresh_folder("hcs_profile_cli_column");
    const auto config = std::filesystem::temp_directory_path() / "hcs_profile_cli_column.json";
    std::ofstream(config) << R"({"profile": {"controls": {"column": "Metadata_Treatment"}}})";
    const std::string arguments = "--input " + kCells.string() + " --config " + config.string() +
                                  " --output " + folder.string();
    EXPECT_EQ(run(arguments), 1);
    const std::string message = stderr_of(arguments);
    EXPECT_NE(message.find(kCells.string()), std::string::npos) << message;
    EXPECT_NE(message.find("Metadata_Treatment"), std::string::npos) << message;
    EXPECT_FALSE(std::filesystem::exists(folder));
}

TEST(HcsProfile, TheSameInputTwiceIsAUsageError) {
    const auto folder = fresh_folder("hcs_profile_cli_twice");
    EXPECT_EQ(
        run("--input " + kCells.string() + " " + kCells.string() + " --output " + folder.string()),
        2);
    EXPECT_FALSE(std::filesystem::exists(folder));
}

// c08's cells with one area made infinite: the mean profile of that well ignores it, as NaN.
TEST(HcsProfile, AnInfiniteValueIsTreatedAsMissing) {
    const auto folder = fresh_folder("hcs_profile_cli_inf");
    const auto input = std::filesystem::temp_directory_path() / "hcs_profile_cli_inf.csv";
    std::ifstream in(kCells);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string finite = "P1,A01,DMSO,0.0,negative,1,1,100,";
    ASSERT_NE(text.find(finite), std::string::npos);
    text.replace(text.find(finite), finite.size(), "P1,A01,DMSO,0.0,negative,1,1,inf,");
    std::ofstream(input) << text;
    ASSERT_EQ(run("--input " + input.string() + " --method mean --output " + folder.string()), 0);
    const hcs::FeatureTable wells = hcs::read_feature_table(folder / "wells.csv");
    EXPECT_TRUE(std::isfinite(wells.features(0, wells.feature_index("Nuclei_AreaShape_Area"))));
    std::filesystem::remove_all(folder);
}

TEST(HcsProfile, WritesWellsWithCaseC08KsValue) {
    const auto folder = fresh_folder("hcs_profile_cli_c08");
    ASSERT_EQ(run("--input " + kCells.string() + " --method ks --output " + folder.string()), 0);
    const hcs::FeatureTable wells = hcs::read_feature_table(folder / "wells.csv");
    ASSERT_EQ(wells.rows(), 3u);
    // c08 case.json: A02 Nuclei_AreaShape_Area signed KS = +0.5 (normalisation is monotone).
    EXPECT_DOUBLE_EQ(wells.features(1, wells.feature_index("Nuclei_AreaShape_Area")), 0.5);
    EXPECT_TRUE(std::filesystem::exists(folder / "wells.h5"));
    EXPECT_TRUE(std::filesystem::exists(folder / "treatments.csv"));
    std::filesystem::remove_all(folder);
}

}  // namespace
