// Tests of image reading: CellProfiler's k/255 float32 scaling, and refusals that name the file.
#include "hcs/core/image_reader.hpp"

#include <fstream>

#include <gtest/gtest.h>
#include <tiffio.h>

#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

const std::filesystem::path kShared = HCS_SHARED_DIR;

std::filesystem::path temporary(const std::string& name) {
    return std::filesystem::temp_directory_path() / ("hcs_test_" + name);
}

void write_two_page_tiff(const std::filesystem::path& path) {
    TIFF* tiff = TIFFOpen(path.c_str(), "w");
    for (int page = 0; page < 2; ++page) {
        TIFFSetField(tiff, TIFFTAG_IMAGEWIDTH, 2);
        TIFFSetField(tiff, TIFFTAG_IMAGELENGTH, 1);
        TIFFSetField(tiff, TIFFTAG_BITSPERSAMPLE, 8);
        TIFFSetField(tiff, TIFFTAG_SAMPLESPERPIXEL, 1);
        TIFFSetField(tiff, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
        uint8_t row[2] = {1, 2};
        TIFFWriteScanline(tiff, row, 0);
        TIFFWriteDirectory(tiff);
    }
    TIFFClose(tiff);
}

TEST(ReadImage, ScalesEightBitByTwoFiftyFiveInFloat32) {
    // Channel2-01-A-01.tif is an 8-bit Deflate TIFF (data/bbbc013/README.md).
    const auto image = read_image(kShared / "data/bbbc013/images/Channel2-01-A-01.tif");
    ASSERT_EQ(image.pixels.type(), CV_32F);
    EXPECT_EQ(image.pixels.rows, 640);
    EXPECT_EQ(image.pixels.cols, 640);
    EXPECT_EQ(image.scaling.divisor, 255.0);
    const cv::Mat raw = read_tiff_raw(kShared / "data/bbbc013/images/Channel2-01-A-01.tif");
    const int k = raw.at<uint8_t>(320, 320);
    EXPECT_EQ(image.pixels.at<float>(320, 320), static_cast<float>(k / 255.0));
}

// bbbc039_G08_s6.tif is a 16-bit file of 12-bit content, raw 116..3086
// (fixtures/cellprofiler/segmentation-gt-16bit/README.md).
TEST(ReadImage, CameraBitDepthChangesTheDivisor) {
    const auto path = kShared / "data/segmentation-gt/bbbc039-u2os/images/bbbc039_G08_s6.tif";
    const auto image = read_image(path, 12);
    EXPECT_EQ(image.scaling.divisor, 4095.0);
    EXPECT_EQ(image.scaling.rule, "raw/4095 (12-bit camera)");
    const int k = read_tiff_raw(path).at<uint16_t>(260, 348);
    EXPECT_EQ(image.pixels.at<float>(260, 348), static_cast<float>(k / 4095.0));
}

TEST(ReadImage, RefusesACameraDeeperThanTheFile) {
    const auto path = kShared / "data/bbbc013/images/Channel2-01-A-01.tif";  // 8-bit
    try {
        read_image(path, 12);
        FAIL() << "an 8-bit file was scaled as a 12-bit camera's";
    } catch (const InputError& error) {
        EXPECT_EQ(std::string(error.what()),
                  path.string() +
                      ": 8-bit samples cannot hold the 12 bits of "
                      "image/camera_bit_depth (0 takes the file's own depth)");
    }
}

// The BBBC013 DNA image holds values far above 15, so a 4-bit camera setting must be refused.
TEST(ReadImage, RefusesAPixelAboveTheCameraBitDepthNamingFileAndValue) {
    const auto path = kShared / "data/bbbc013/images/Channel2-01-A-01.tif";
    double brightest = 0;
    cv::minMaxLoc(read_tiff_raw(path), nullptr, &brightest);
    try {
        read_image(path, 4);
        FAIL() << "a pixel of " << brightest << " passed as 4-bit";
    } catch (const InputError& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find(path.string()), std::string::npos) << message;
        EXPECT_NE(message.find("pixel value " + std::to_string(static_cast<long long>(brightest)) +
                               " exceeds 15"),
                  std::string::npos)
            << message;
    }
}

// A signed 16-bit label TIFF holding -1 must not be read as object 65535.
TEST(ReadLabels, RefusesANegativeLabelOfASignedTiffNamingTheValue) {
    const auto path = temporary("signed_labels.tif");
    TIFF* tiff = TIFFOpen(path.c_str(), "w");
    TIFFSetField(tiff, TIFFTAG_IMAGEWIDTH, 2);
    TIFFSetField(tiff, TIFFTAG_IMAGELENGTH, 1);
    TIFFSetField(tiff, TIFFTAG_BITSPERSAMPLE, 16);
    TIFFSetField(tiff, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(tiff, TIFFTAG_SAMPLEFORMAT, SAMPLEFORMAT_INT);
    TIFFSetField(tiff, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
    int16_t row[2] = {1, -1};
    TIFFWriteScanline(tiff, row, 0);
    TIFFClose(tiff);
    try {
        read_labels(path);
        FAIL() << "a negative label was accepted";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find(path.string() + ": label value -1 is negative"),
                  std::string::npos)
            << error.what();
    }
}

TEST(ReadImage, RefusesAMissingFileNamingIt) {
    try {
        read_image("/no/such/image.tif");
        FAIL();
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find("/no/such/image.tif"), std::string::npos);
    }
}

TEST(ReadImage, RefusesATruncatedTiff) {
    const auto source = kShared / "data/bbbc013/images/Channel2-01-A-01.tif";
    std::ifstream in(source, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto path = temporary("truncated.tif");
    std::ofstream(path, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    EXPECT_THROW(read_image(path), InputError);
}

TEST(ReadImage, RefusesTextPretendingToBeTiff) {
    const auto path = temporary("text.tif");
    std::ofstream(path) << "not an image\n";
    EXPECT_THROW(read_image(path), InputError);
}

TEST(ReadImage, RefusesMultiPageTiff) {
    const auto path = temporary("two_pages.tif");
    write_two_page_tiff(path);
    EXPECT_THROW(read_image(path), InputError);
}

}  // namespace
}  // namespace hcs
