// Tests of the hcs-segment executable (HCS_BIN_DIR) on good and bad input: exit codes 0/1/2 of
// DESIGN.md §6, one line naming the file or column, no file for a failed image set, the other
// image sets still done, and outputs identical for any thread count.
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "hcs/segment/segmentation_file.hpp"

namespace hcs::segment {
namespace {

const std::filesystem::path kShared = HCS_SHARED_DIR;
const std::filesystem::path kBinary = std::filesystem::path(HCS_BIN_DIR) / "hcs-segment";
const std::filesystem::path kImages = kShared / "data/bbbc013/images";

struct StageRun {
    int exit_code = -1;
    std::string errors;  // stderr
};

class HcsSegmentCli : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        folder_ =
            std::filesystem::temp_directory_path() / ("hcs_segcli_" + std::string(test->name()));
        std::filesystem::remove_all(folder_);
        std::filesystem::create_directories(folder_);
        // BBBC013's nucleus diameter (its CellProfiler pipeline: 8..28 pixels).
        std::ofstream(folder_ / "config.json")
            << R"({"segment": {"nuclei": {"typical_diameter_min": 8,)"
            << R"( "typical_diameter_max": 28}}})";
    }

    // A LoadData manifest row: well, DNA file, GFP file (absolute paths).
    using Row = std::tuple<std::string, std::filesystem::path, std::filesystem::path>;

    std::filesystem::path write_manifest(const std::vector<Row>& rows) {
        const auto path = folder_ / "manifest.csv";
        std::ofstream manifest(path);
        manifest << "Metadata_Plate,Metadata_Well,Metadata_Site,FileName_DNA,PathName_DNA,"
                    "FileName_GFP,PathName_GFP\n";
        for (const auto& [well, dna, gfp] : rows) {
            manifest << "P1," << well << ",1," << dna.filename().string() << ","
                     << dna.parent_path().string() << "," << gfp.filename().string() << ","
                     << gfp.parent_path().string() << "\n";
        }
        return path;
    }

    static Row bbbc013_row(const std::string& well, const std::string& index) {
        const std::string stem =
            "-" + index + "-" + well.substr(0, 1) + "-" + well.substr(1) + ".tif";
        return {well, kImages / ("Channel2" + stem), kImages / ("Channel1" + stem)};
    }

    StageRun run_stage(const std::string& arguments) {
        const auto errors = folder_ / "stderr.txt";
        const std::string command = kBinary.string() + " --config " +
                                    (folder_ / "config.json").string() + " " + arguments + " 2> " +
                                    errors.string();
        const int status = std::system(command.c_str());
        std::ifstream stream(errors);
        std::stringstream text;
        text << stream.rdbuf();
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
    }

    std::string output_arguments(const std::filesystem::path& manifest, const std::string& out) {
        return "--manifest " + manifest.string() + " --output " + (folder_ / out).string();
    }

    std::vector<std::string> files_in(const std::string& out) {
        std::vector<std::string> names;
        if (!std::filesystem::exists(folder_ / out)) return names;
        for (const auto& entry : std::filesystem::directory_iterator(folder_ / out)) {
            names.push_back(entry.path().filename().string());
        }
        std::sort(names.begin(), names.end());
        return names;
    }

    std::filesystem::path folder_;
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST_F(HcsSegmentCli, ShardOutOfRangeIsAUsageErrorWithExitCodeTwo) {
    const auto manifest = write_manifest({bbbc013_row("A01", "01")});
    const StageRun result = run_stage(output_arguments(manifest, "seg") + " --shard 5/3");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(contains(result.errors, "5/3")) << result.errors;
    EXPECT_TRUE(files_in("seg").empty());
}

// Every image set fails on the unwritable output and says so; the program does not abort.
TEST_F(HcsSegmentCli, OutputThatIsAFileFailsWithExitCodeOneWithoutAborting) {
    const auto manifest = write_manifest({bbbc013_row("A01", "01")});
    std::ofstream(folder_ / "seg") << "not a folder";
    const StageRun result = run_stage(output_arguments(manifest, "seg"));
    EXPECT_EQ(result.exit_code, 1) << result.errors;
    EXPECT_TRUE(contains(result.errors, (folder_ / "seg").string())) << result.errors;
}

TEST_F(HcsSegmentCli, ConfigValueOfTheWrongTypeIsAUsageErrorNamingTheKey) {
    std::ofstream(folder_ / "config.json") << R"({"input": {"manifest": 5}})";
    const StageRun result = run_stage("--output " + (folder_ / "seg").string());
    EXPECT_EQ(result.exit_code, 2) << result.errors;
    EXPECT_TRUE(contains(result.errors, "/input/manifest")) << result.errors;
}

TEST_F(HcsSegmentCli, UnknownFlagIsAUsageErrorWithExitCodeTwo) {
    EXPECT_EQ(run_stage("--no-such-flag").exit_code, 2);
}

TEST_F(HcsSegmentCli, MissingFileFailsOnlyItsImageSetAndIsNamed) {
    auto [well, dna, gfp] = bbbc013_row("A02", "02");
    const auto manifest =
        write_manifest({bbbc013_row("A01", "01"), {well, folder_ / "absent.tif", gfp}});
    const StageRun result = run_stage(output_arguments(manifest, "seg") + " --threads 2");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(contains(result.errors, "failed: P1_A02_1: ")) << result.errors;
    EXPECT_TRUE(contains(result.errors, "absent.tif")) << result.errors;
    EXPECT_EQ(files_in("seg"), std::vector<std::string>{"P1_A01_1.h5"});
}

TEST_F(HcsSegmentCli, TruncatedTiffFailsItsImageSetAndIsNamed) {
    const auto [well, dna, gfp] = bbbc013_row("A02", "02");
    std::ifstream source(dna, std::ios::binary);
    std::vector<char> head(3000);
    source.read(head.data(), static_cast<std::streamsize>(head.size()));
    std::ofstream(folder_ / "truncated.tif", std::ios::binary).write(head.data(), 3000);
    const auto manifest = write_manifest({{well, folder_ / "truncated.tif", gfp}});
    const StageRun result = run_stage(output_arguments(manifest, "seg"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(contains(result.errors, "truncated.tif")) << result.errors;
    EXPECT_TRUE(files_in("seg").empty());
}

TEST_F(HcsSegmentCli, NonImageTiffFailsItsImageSetAndIsNamed) {
    const auto [well, dna, gfp] = bbbc013_row("A02", "02");
    std::ofstream(folder_ / "notes.tif") << "plate notes, not an image\n";
    const auto manifest = write_manifest({{well, dna, folder_ / "notes.tif"}});
    const StageRun result = run_stage(output_arguments(manifest, "seg"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(contains(result.errors, "notes.tif")) << result.errors;
    EXPECT_TRUE(files_in("seg").empty());
}

TEST_F(HcsSegmentCli, ChannelsOfDifferentSizesNameBothFiles) {
    const auto [well, dna, gfp] = bbbc013_row("A02", "02");
    cv::imwrite((folder_ / "small.tif").string(), cv::Mat(100, 100, CV_8U, cv::Scalar(20)));
    const auto manifest = write_manifest({{well, dna, folder_ / "small.tif"}});
    const StageRun result = run_stage(output_arguments(manifest, "seg"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(contains(result.errors, "small.tif") &&
                contains(result.errors, dna.filename().string()))
        << result.errors;
    EXPECT_TRUE(files_in("seg").empty());
}

TEST_F(HcsSegmentCli, EmptyManifestFailsTheRunAndWritesNothing) {
    const auto manifest = write_manifest({});
    const StageRun result = run_stage(output_arguments(manifest, "seg"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(contains(result.errors, "manifest.csv")) << result.errors;
    EXPECT_FALSE(std::filesystem::exists(folder_ / "seg"));
}

TEST_F(HcsSegmentCli, ChannelTheManifestLacksNamesTheColumnAndWritesNothing) {
    std::ofstream(folder_ / "config.json")
        << R"({"image": {"channels": {"nuclei": "Hoechst", "cells": "GFP"}}})";
    const auto manifest = write_manifest({bbbc013_row("A01", "01")});
    const StageRun result = run_stage(output_arguments(manifest, "seg"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(contains(result.errors, "FileName_Hoechst")) << result.errors;
    EXPECT_FALSE(std::filesystem::exists(folder_ / "seg"));
}

TEST_F(HcsSegmentCli, FailFastStopsAfterTheFirstFailure) {
    auto [well, dna, gfp] = bbbc013_row("A01", "01");
    const auto manifest =
        write_manifest({{well, folder_ / "absent.tif", gfp}, bbbc013_row("A02", "02")});
    const StageRun result =
        run_stage(output_arguments(manifest, "seg") + " --threads 1 --fail-fast");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(files_in("seg").empty());  // A02 comes after the failed A01 and is not run
}

TEST_F(HcsSegmentCli, IlluminationFunctionIsAppliedAndRecorded) {
    // CellProfiler's own BBBC013 DNA function (fixture bbbc013-illumination/IllumDNA.tif).
    const auto function = kShared / "fixtures/cellprofiler/bbbc013-illumination/IllumDNA.tif";
    std::ofstream(folder_ / "config.json")
        << R"({"segment": {"nuclei": {"typical_diameter_min": 8, "typical_diameter_max": 28}},)"
        << R"( "illum": {"functions": {"DNA": ")" << function.string() << R"("}}})";
    const auto manifest = write_manifest({bbbc013_row("A01", "01")});
    const StageRun result = run_stage(output_arguments(manifest, "seg"));
    ASSERT_EQ(result.exit_code, 0) << result.errors;
    const auto segmentation = read_segmentation_file(folder_ / "seg/P1_A01_1.h5");
    const auto& correction = segmentation.provenance.at("illumination_correction");
    ASSERT_TRUE(correction.contains("DNA")) << correction.dump();
    EXPECT_EQ(correction.at("DNA").at("function"), function.string());
}

TEST_F(HcsSegmentCli, StoredConfigNamesTheManifestGivenOnTheCommandLine) {
    const auto manifest = write_manifest({bbbc013_row("A01", "01")});
    const StageRun result = run_stage(output_arguments(manifest, "seg"));
    ASSERT_EQ(result.exit_code, 0) << result.errors;
    const auto segmentation = read_segmentation_file(folder_ / "seg/P1_A01_1.h5");
    const auto& input = segmentation.provenance.at("config").at("input");
    EXPECT_EQ(input.at("manifest"), manifest.string()) << input.dump();
    EXPECT_EQ(input.at("folder"), "") << input.dump();
}

TEST_F(HcsSegmentCli, MissingIlluminationFunctionFailsTheRunNamingIt) {
    std::ofstream(folder_ / "config.json") << R"({"illum": {"functions": {"GFP": ")"
                                           << (folder_ / "no_illum.tif").string() << R"("}}})";
    const auto manifest = write_manifest({bbbc013_row("A01", "01")});
    const StageRun result = run_stage(output_arguments(manifest, "seg"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(contains(result.errors, "no_illum.tif")) << result.errors;
    EXPECT_FALSE(std::filesystem::exists(folder_ / "seg"));
}

std::string bytes_of(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(stream), {});
}

bool same_labels(const cv::Mat& a, const cv::Mat& b) {
    return a.size() == b.size() && cv::countNonZero(a != b) == 0;
}

TEST_F(HcsSegmentCli, OneAndTwoThreadsWriteIdenticalSegmentations) {
    const auto manifest = write_manifest(
        {bbbc013_row("A01", "01"), bbbc013_row("A07", "07"), bbbc013_row("B03", "15")});
    ASSERT_EQ(run_stage(output_arguments(manifest, "one") + " --threads 1").exit_code, 0);
    const StageRun two =
        run_stage(output_arguments(manifest, "two") + " --threads 2 --export-tiff --outlines");
    ASSERT_EQ(two.exit_code, 0) << two.errors;
    // One info line per image set, naming it with its counts.
    EXPECT_TRUE(contains(two.errors, "P1_A07_1: ")) << two.errors;
    EXPECT_TRUE(contains(two.errors, " nuclei, ")) << two.errors;
    for (const std::string name : {"P1_A01_1", "P1_A07_1", "P1_B03_1"}) {
        const auto a = read_segmentation_file(folder_ / "one" / (name + ".h5"));
        const auto b = read_segmentation_file(folder_ / "two" / (name + ".h5"));
        EXPECT_TRUE(same_labels(a.nuclei, b.nuclei)) << name;
        EXPECT_TRUE(same_labels(a.cells, b.cells)) << name;
        EXPECT_TRUE(same_labels(a.cytoplasm, b.cytoplasm)) << name;
        EXPECT_EQ(a.image_figures, b.image_figures) << name;
        EXPECT_TRUE(bytes_of(folder_ / "one" / (name + ".h5")) ==
                    bytes_of(folder_ / "two" / (name + ".h5")))
            << name;
        for (const std::string suffix :
             {"_nuclei.tif", "_cells.tif", "_cytoplasm.tif", "_outlines.png"}) {
            EXPECT_TRUE(std::filesystem::exists(folder_ / "two" / (name + suffix))) << suffix;
        }
    }
}

}  // namespace
}  // namespace hcs::segment
