// Tests of the hcs-evaluate command line: outputs on success, exit code 1 with one line and
// nothing written for bad input, exit code 2 for usage errors (DESIGN.md §6).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <nlohmann/json.hpp>

namespace {

const std::filesystem::path kProgram = std::filesystem::path(HCS_BIN_DIR) / "hcs-evaluate";
const std::filesystem::path kCaseProfiles =
    std::filesystem::path(HCS_SHARED_DIR) / "cases/c10-moa-nsc-nscb/profiles.csv";

std::filesystem::path fresh_folder(const std::string& name) {
    const auto folder = std::filesystem::temp_directory_path() / ("hcs-evaluate-test-" + name);
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    return folder;
}

int run(const std::string& arguments, const std::filesystem::path& log) {
    const std::string command =
        kProgram.string() + " " + arguments + " > " + log.string() + " 2>&1";
    return WEXITSTATUS(std::system(command.c_str()));
}

std::filesystem::path write_c10_config(const std::filesystem::path& folder) {
    const auto path = folder / "config.json";
    std::ofstream(path) << R"({"evaluate": {"moa": {"average_to_treatments": false,
        "map_permutations": 20}}})";
    return path;
}

TEST(HcsEvaluate, WritesReportTablesAndFigures) {
    const auto folder = fresh_folder("success");
    const int code =
        run("--input " + kCaseProfiles.string() + " --config " + write_c10_config(folder).string() +
                " --output " + (folder / "report").string(),
            folder / "log.txt");
    ASSERT_EQ(code, 0);
    for (const char* file : {"report.json", "moa_predictions.csv", "confusion_NSC.csv",
                             "confusion_NSC.png", "confusion_NSCB.png"}) {
        EXPECT_TRUE(std::filesystem::exists(folder / "report" / file)) << file;
    }
    std::ifstream stream(folder / "report/report.json");
    const nlohmann::json report = nlohmann::json::parse(stream);
    // Expected: c10 README, 6/8 under NSC.
    EXPECT_EQ(report["moa"]["NSC"]["correct"], 6);
    EXPECT_TRUE(report.contains("provenance"));
}

TEST(HcsEvaluate, BadInputExitsOneWithOneLineAndWritesNothing) {
    const auto folder = fresh_folder("bad-input");
    const auto bad = folder / "bad.csv";
    std::ofstream(bad) << "Metadata_Compound,Nuclei_AreaShape_Area\ncpdA,12\ncpdB,twelve\n";
    const int code = run("--input " + bad.string() + " --output " + (folder / "report").string(),
                         folder / "log.txt");
    EXPECT_EQ(code, 1);
    EXPECT_FALSE(std::filesystem::exists(folder / "report"));
    std::ifstream log(folder / "log.txt");
    std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("twelve"), std::string::npos) << text;
    EXPECT_NE(text.find("Nuclei_AreaShape_Area"), std::string::npos) << text;
}

TEST(HcsEvaluate, UsageErrorsExitTwo) {
    const auto folder = fresh_folder("usage");
    EXPECT_EQ(run("--no-such-flag", folder / "log.txt"), 2);
    EXPECT_EQ(run("--output " + folder.string(), folder / "log.txt"), 2);  // no --input
    EXPECT_EQ(run("--input " + kCaseProfiles.string() + " --similarity euclid --output " +
                      (folder / "report").string(),
                  folder / "log.txt"),
              2);
    EXPECT_FALSE(std::filesystem::exists(folder / "report"));
}

}  // namespace
