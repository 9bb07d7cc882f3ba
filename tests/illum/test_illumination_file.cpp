// Tests of illumination function files: HDF5 and float TIFF round trips, reading CellProfiler's
// own saved functions, and the config key that names them.
#include "hcs/illum/illumination_file.hpp"

#include <fstream>

#include <gtest/gtest.h>
#include <tiffio.h>

#include "hcs/core/errors.hpp"

namespace hcs::illum {
namespace {

const std::filesystem::path kShared = HCS_SHARED_DIR;

PlateIllumination two_channel_plate() {
    PlateIllumination plate;
    plate.plate = "P1";
    plate.filter_size = 16;
    plate.functions["DNA"] = (cv::Mat_<float>(2, 3) << 1.0f, 1.5f, 2.0f, 1.25f, 3.0f, 1.0f);
    plate.functions["GFP"] = cv::Mat(2, 3, CV_32F, cv::Scalar(1.75f));
    plate.images["DNA"] = {"a_dna.tif", "b_dna.tif"};
    plate.images["GFP"] = {"a_gfp.tif", "b_gfp.tif"};
    return plate;
}

std::filesystem::path fresh_folder(const std::string& name) {
    const auto folder = std::filesystem::temp_directory_path() / ("hcs_test_illum_file_" + name);
    std::filesystem::remove_all(folder);
    return folder;
}

TEST(WritePlateIllumination, WritesHdf5AndOneFloatTiffPerChannelThatReadBackExactly) {
    const auto folder = fresh_folder("round_trip");
    const auto written = write_plate_illumination(folder, two_channel_plate(), {{"stage", "x"}});
    ASSERT_EQ(written.size(), 3u);
    const PlateIllumination plate = two_channel_plate();
    for (const std::string channel : {"DNA", "GFP"}) {
        const cv::Mat from_hdf5 = read_illumination_function(folder / "P1.h5", channel);
        const cv::Mat from_tiff = read_illumination_function(folder / ("P1_" + channel + ".tif"));
        EXPECT_EQ(cv::norm(from_hdf5, plate.functions.at(channel), cv::NORM_INF), 0.0);
        EXPECT_EQ(cv::norm(from_tiff, plate.functions.at(channel), cv::NORM_INF), 0.0);
    }
    // No temporary file is left beside the outputs.
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++files;
    EXPECT_EQ(files, 3);
}

TEST(WritePlateIllumination, RecordsSettingsAndImagesInTheTiffDescription) {
    const auto folder = fresh_folder("description");
    write_plate_illumination(folder, two_channel_plate(), {{"stage", "hcs-illum"}});
    TIFF* tiff = TIFFOpen((folder / "P1_GFP.tif").c_str(), "r");
    ASSERT_NE(tiff, nullptr);
    char* description = nullptr;
    ASSERT_TRUE(TIFFGetField(tiff, TIFFTAG_IMAGEDESCRIPTION, &description));
    const auto record = nlohmann::json::parse(description);
    TIFFClose(tiff);
    EXPECT_EQ(record.at("images"), (std::vector<std::string>{"a_gfp.tif", "b_gfp.tif"}));
    EXPECT_EQ(record.at("settings").at("smoothing"), "Median Filter");
    EXPECT_EQ(record.at("provenance").at("stage"), "hcs-illum");
}

TEST(WritePlateIllumination, RefusesAnOutputFolderThatCannotBeMadeNamingIt) {
    // A folder cannot be made under a regular file.
    const auto folder = fresh_folder("blocked");
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "file") << "x";
    try {
        write_plate_illumination(folder / "file/out", two_channel_plate(), {});
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find((folder / "file").string()), std::string::npos)
            << error.what();
    }
}

TEST(ReadIlluminationFunction, ReadsCellProfilersSavedFunction) {
    // fixtures/cellprofiler/bbbc013-illumination/README.md: 640 x 640 float32, minimum 1.0.
    const cv::Mat function = read_illumination_function(
        kShared / "fixtures/cellprofiler/bbbc013-illumination/IllumDNA.tif");
    ASSERT_EQ(function.size(), cv::Size(640, 640));
    double minimum = 0;
    cv::minMaxLoc(function, &minimum);
    EXPECT_EQ(minimum, 1.0);
}

TEST(ReadIlluminationFunction, RefusesAMissingChannelNamingFileAndChannel) {
    const auto folder = fresh_folder("missing_channel");
    write_plate_illumination(folder, two_channel_plate(), {});
    try {
        read_illumination_function(folder / "P1.h5", "Actin");
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_EQ(std::string(error.what()),
                  (folder / "P1.h5").string() + ": no illumination function for channel 'Actin'");
    }
    EXPECT_THROW(read_illumination_function(folder / "P1.h5"), InputError);  // two channels
    EXPECT_THROW(read_illumination_function(folder / "absent.tif"), InputError);
}

TEST(ConfiguredFunctionPath, SubstitutesThePlateAndIsEmptyWhenCorrectionIsOff) {
    const nlohmann::json config = {{"illum", {{"functions", {{"DNA", "illum/{plate}_DNA.tif"}}}}}};
    EXPECT_EQ(configured_function_path(config, "DNA", "BBBC013"), "illum/BBBC013_DNA.tif");
    EXPECT_TRUE(configured_function_path(config, "GFP", "BBBC013").empty());
    EXPECT_TRUE(configured_function_path(nlohmann::json::object(), "DNA").empty());
}

}  // namespace
}  // namespace hcs::illum
