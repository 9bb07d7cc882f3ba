// hcs-measure as a user runs it (HCS_BIN_DIR/hcs-measure): bad input gives exit code 1, one
// clear line naming what is wrong, and no output for that image set (DESIGN.md §6).

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <H5Cpp.h>
#include <opencv2/imgcodecs.hpp>

namespace {

namespace fs = std::filesystem;

const fs::path kBinary = fs::path(HCS_BIN_DIR) / "hcs-measure";
const fs::path kCases = fs::path(HCS_SHARED_DIR) / "cases";

struct StageRun {
    int exit_code = -1;
    std::string stderr_text;
};

StageRun run_measure(const fs::path& folder, const std::string& arguments) {
    const fs::path log = folder / "stderr.txt";
    const std::string command =
        kBinary.string() + " --manifest " + (folder / "manifest.csv").string() + " --output " +
        (folder / "out").string() + " --threads 1 " + arguments + " 2> " + log.string();
    const int status = std::system(command.c_str());
    StageRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(log);
    run.stderr_text.assign(std::istreambuf_iterator<char>(in), {});
    return run;
}

fs::path fresh_folder(const std::string& name) {
    const fs::path folder = fs::path(testing::TempDir()) / ("hcs_measure_bad_" + name);
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

void write_manifest(const fs::path& folder, const std::string& header, const std::string& row) {
    std::ofstream(folder / "manifest.csv") << header << "\n" << row << "\n";
}

bool wrote_cells(const fs::path& folder) {
    return fs::exists(folder / "out/cells/P1_A01_1.h5");
}

TEST(HcsMeasureBinary, LabelsOfAnotherSizeThanTheImagesFailWithExitCode1) {
    ASSERT_TRUE(fs::exists(kBinary)) << "build hcs-measure first";
    const fs::path folder = fresh_folder("size");
    // c01's image is 64x64, c04's labels 9x9.
    write_manifest(folder,
                   "Metadata_Plate,Metadata_Well,Metadata_Site,FileName_DNA,ObjectsFileName_Nuclei",
                   "P1,A01,1," + (kCases / "c01-ellipse-shape/dna.tif").string() + "," +
                       (kCases / "c04-intensity-pattern/labels.tif").string());
    const StageRun run = run_measure(folder, "");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.stderr_text.find("labels of Nuclei are 9x9 but the images are 64x64"),
              std::string::npos)
        << run.stderr_text;
    EXPECT_FALSE(wrote_cells(folder));
}

TEST(HcsMeasureBinary, FloatingPointLabelsFailWithExitCode1) {
    const fs::path folder = fresh_folder("float");
    cv::Mat labels = cv::Mat::zeros(64, 64, CV_32F);
    labels(cv::Rect(10, 10, 5, 5)).setTo(1.5f);
    ASSERT_TRUE(cv::imwrite((folder / "labels.tif").string(), labels));
    write_manifest(folder,
                   "Metadata_Plate,Metadata_Well,Metadata_Site,FileName_DNA,ObjectsFileName_Nuclei",
                   "P1,A01,1," + (kCases / "c01-ellipse-shape/dna.tif").string() + "," +
                       (folder / "labels.tif").string());
    const StageRun run = run_measure(folder, "");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.stderr_text.find("floating-point"), std::string::npos) << run.stderr_text;
    EXPECT_FALSE(wrote_cells(folder));
}

TEST(HcsMeasureBinary, MoreThan2To31ObjectsFailWithExitCode1) {
    const fs::path folder = fresh_folder("many");
    fs::create_directories(folder / "seg");
    {
        // A segmentation file as hcs-segment writes it, with one label beyond 2^31 - 1.
        H5::H5File file((folder / "seg/P1_A01_1.h5").string(), H5F_ACC_TRUNC);
        H5::Group group = file.createGroup("labels");
        std::vector<std::uint32_t> values(64 * 64, 0);
        values[100] = 2147483648u;
        const hsize_t size[2] = {64, 64};
        H5::DataSet dataset =
            group.createDataSet("nuclei", H5::PredType::STD_U32LE, H5::DataSpace(2, size));
        dataset.write(values.data(), H5::PredType::NATIVE_UINT32);
    }
    write_manifest(folder, "Metadata_Plate,Metadata_Well,Metadata_Site,FileName_DNA",
                   "P1,A01,1," + (kCases / "c01-ellipse-shape/dna.tif").string());
    const StageRun run = run_measure(folder, "--labels " + (folder / "seg").string());
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.stderr_text.find("2147483648"), std::string::npos) << run.stderr_text;
    EXPECT_FALSE(wrote_cells(folder));
}

TEST(HcsMeasureBinary, AChannelMissingFromTheImageSetFailsWithExitCode1) {
    const fs::path folder = fresh_folder("channel");
    std::ofstream(folder / "config.json") << R"({"measure": {"channels": ["DNA", "GFP"]}})";
    write_manifest(folder,
                   "Metadata_Plate,Metadata_Well,Metadata_Site,FileName_DNA,ObjectsFileName_Nuclei",
                   "P1,A01,1," + (kCases / "c01-ellipse-shape/dna.tif").string() + "," +
                       (kCases / "c01-ellipse-shape/labels.tif").string());
    const StageRun run = run_measure(folder, "--config " + (folder / "config.json").string());
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.stderr_text.find("channel GFP is missing"), std::string::npos) << run.stderr_text;
    EXPECT_FALSE(wrote_cells(folder));
}

TEST(HcsMeasureBinary, AGoodImageSetIsWrittenWithExitCode0) {
    // The control for the four failures above: the same inputs, right, give a table.
    const fs::path folder = fresh_folder("good");
    write_manifest(folder,
                   "Metadata_Plate,Metadata_Well,Metadata_Site,FileName_DNA,ObjectsFileName_Nuclei",
                   "P1,A01,1," + (kCases / "c01-ellipse-shape/dna.tif").string() + "," +
                       (kCases / "c01-ellipse-shape/labels.tif").string());
    const StageRun run = run_measure(folder, "");
    EXPECT_EQ(run.exit_code, 0) << run.stderr_text;
    EXPECT_TRUE(wrote_cells(folder));
}

}  // namespace
