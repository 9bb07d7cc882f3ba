// The hcs-illum stage through its binary: outputs on BBBC013, and bad input refused with one
// line naming the file, exit code 1 and nothing written (DESIGN.md §6).
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <sys/wait.h>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "hcs/illum/illumination_file.hpp"

namespace {

const std::filesystem::path kShared = HCS_SHARED_DIR;
const std::filesystem::path kBinary = std::filesystem::path(HCS_BIN_DIR) / "hcs-illum";
const std::string kPattern = "'Channel(?<channel>\\d)-\\d+-(?<row>[A-H])-(?<column>\\d+)\\.tif'";

struct StageRun {
    int exit_code = -1;
    std::string error;  // stderr
};

StageRun run_illum(const std::string& arguments, const std::filesystem::path& folder) {
    const auto error_file = folder / "stderr.txt";
    const std::string command = kBinary.string() + " " + arguments + " --log-level error 2> " +
                                error_file.string() + " > /dev/null";
    const int status = std::system(command.c_str());
    std::ifstream stream(error_file);
    std::stringstream text;
    text << stream.rdbuf();
    return {WEXITSTATUS(status), text.str()};
}

std::filesystem::path fresh_folder(const std::string& name) {
    const auto folder = std::filesystem::temp_directory_path() / ("hcs_test_illum_" + name);
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder / "images");
    return folder;
}

int count_lines(const std::string& text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

TEST(HcsIllum, WritesOneHdf5AndOneTiffPerChannelForBbbc013) {
    const auto folder = fresh_folder("bbbc013");
    const StageRun run = run_illum(
        "--config " + std::string(HCS_SOURCE_DIR) + "/configs/bbbc013-illum.json --data-root " +
            (kShared / "data").string() + " --output " + (folder / "out").string(),
        folder);
    ASSERT_EQ(run.exit_code, 0) << run.error;
    // The TIFF equals CellProfiler's function (fixture bbbc013-illumination, bit-identical in
    // test_plate_illumination.cpp); here the file round trip is checked on one pixel too.
    const cv::Mat tiff = hcs::illum::read_illumination_function(folder / "out/BBBC013_DNA.tif");
    const cv::Mat hdf5 = hcs::illum::read_illumination_function(folder / "out/BBBC013.h5", "DNA");
    const cv::Mat theirs = hcs::illum::read_illumination_function(
        kShared / "fixtures/cellprofiler/bbbc013-illumination/IllumDNA.tif");
    EXPECT_EQ(cv::norm(tiff, theirs, cv::NORM_INF), 0.0);
    EXPECT_EQ(cv::norm(hdf5, theirs, cv::NORM_INF), 0.0);
    EXPECT_TRUE(std::filesystem::exists(folder / "out/BBBC013_GFP.tif"));
}

TEST(HcsIllum, RefusesAPlateWhoseImagesDifferInSizeNamingTheFileAndWritingNothing) {
    const auto folder = fresh_folder("sizes");
    cv::imwrite((folder / "images/Channel2-01-A-01.tif").string(), cv::Mat(8, 8, CV_8U, 10));
    cv::imwrite((folder / "images/Channel2-02-A-02.tif").string(), cv::Mat(9, 8, CV_8U, 10));
    const StageRun run = run_illum("--input " + (folder / "images").string() + " --pattern " +
                                       kPattern + " --output " + (folder / "out").string(),
                                   folder);
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(count_lines(run.error), 1) << run.error;
    EXPECT_NE(run.error.find("Channel2-02-A-02.tif: image is 8 x 9 pixels"), std::string::npos)
        << run.error;
    EXPECT_FALSE(std::filesystem::exists(folder / "out"));
}

TEST(HcsIllum, RefusesAnUnreadableImageNamingItAndWritingNothing) {
    const auto folder = fresh_folder("unreadable");
    cv::imwrite((folder / "images/Channel2-01-A-01.tif").string(), cv::Mat(8, 8, CV_8U, 10));
    std::ofstream(folder / "images/Channel2-02-A-02.tif") << "not a TIFF";
    const StageRun run = run_illum("--input " + (folder / "images").string() + " --pattern " +
                                       kPattern + " --output " + (folder / "out").string(),
                                   folder);
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(count_lines(run.error), 1) << run.error;
    EXPECT_NE(run.error.find("Channel2-02-A-02.tif: not a readable TIFF"), std::string::npos)
        << run.error;
    EXPECT_FALSE(std::filesystem::exists(folder / "out"));
}

TEST(HcsIllum, RefusesAFolderWithoutImagesNamingItAndWritingNothing) {
    const auto folder = fresh_folder("empty_folder");
    const StageRun run = run_illum("--input " + (folder / "images").string() + " --pattern " +
                                       kPattern + " --output " + (folder / "out").string(),
                                   folder);
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(count_lines(run.error), 1) << run.error;
    EXPECT_NE(run.error.find((folder / "images").string() + ": no file matches"), std::string::npos)
        << run.error;
    EXPECT_FALSE(std::filesystem::exists(folder / "out"));
}

TEST(HcsIllum, RefusesAManifestWithoutImageSetsNamingItAndWritingNothing) {
    const auto folder = fresh_folder("empty_manifest");
    std::ofstream(folder / "manifest.csv") << "FileName_DNA,PathName_DNA,Metadata_Plate,"
                                              "Metadata_Well\n";
    const StageRun run = run_illum("--manifest " + (folder / "manifest.csv").string() +
                                       " --output " + (folder / "out").string(),
                                   folder);
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(count_lines(run.error), 1) << run.error;
    EXPECT_NE(run.error.find("manifest.csv: manifest has no image sets"), std::string::npos)
        << run.error;
    EXPECT_FALSE(std::filesystem::exists(folder / "out"));
}

TEST(HcsIllum, RefusesAnUnknownSmoothingMethodAsAUsageError) {
    const auto folder = fresh_folder("usage");
    const StageRun run =
        run_illum("--input " + (kShared / "data/bbbc013/images").string() + " --pattern " +
                      kPattern + " --smoothing Splines --output " + (folder / "out").string(),
                  folder);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.error.find("/illum/smoothing is 'Splines'"), std::string::npos) << run.error;
    EXPECT_FALSE(std::filesystem::exists(folder / "out"));
}

}  // namespace
