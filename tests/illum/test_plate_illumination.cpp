// Parity of whole-plate illumination functions with CellProfiler's own (fixture
// bbbc013-illumination: CorrectIlluminationCalculate over the 48 BBBC013 wells), and the
// plate-level refusals.
#include "hcs/illum/plate_illumination.hpp"

#include <cmath>
#include <cstdio>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "hcs/core/errors.hpp"
#include "hcs/core/image_reader.hpp"

namespace hcs::illum {
namespace {

const std::filesystem::path kShared = HCS_SHARED_DIR;
const std::filesystem::path kFixture = kShared / "fixtures/cellprofiler/bbbc013-illumination";
// The fixture's file names; channel 2 is DNA, channel 1 is GFP (fixture README).
const char* const kPattern = "Channel(?<channel>\\d)-\\d+-(?<row>[A-H])-(?<column>\\d+)\\.tif";

std::vector<ImageSet> bbbc013_image_sets() {
    return scan_folder(kShared / "data/bbbc013/images", kPattern, "BBBC013",
                       {{"1", "GFP"}, {"2", "DNA"}});
}

struct WorstPixel {
    double relative = -1;
    long identical = 0;
    float ours = 0, theirs = 0;
    int x = 0, y = 0;
};

WorstPixel worst_relative_difference(const cv::Mat& ours, const cv::Mat& theirs) {
    WorstPixel worst;
    for (int y = 0; y < ours.rows; ++y) {
        for (int x = 0; x < ours.cols; ++x) {
            const float a = ours.at<float>(y, x), b = theirs.at<float>(y, x);
            const double relative = std::abs(static_cast<double>(a) - b) / std::abs(b);
            if (relative > worst.relative) worst = {relative, worst.identical, a, b, x, y};
            if (a == b) ++worst.identical;
        }
    }
    return worst;
}

// The fixture's settings (pipeline.cppipe): Regular, no dilation, Median Filter with the
// automatic size, rescale Yes, all 48 image sets in ImageNumber order (A01..F12).
TEST(ComputePlateIllumination, EqualsCellProfilersFunctionsOnBbbc013WithinOneInHundredThousand) {
    const auto image_sets = bbbc013_image_sets();
    ASSERT_EQ(image_sets.size(), 48u);
    const auto plate = compute_plate_illumination("BBBC013", image_sets, IlluminationSettings{});
    EXPECT_DOUBLE_EQ(plate.filter_size, 16.0);  // timing.json: automatic_filter_size 16

    for (const auto& [channel, file] :
         {std::pair{"DNA", "IllumDNA.tif"}, {"GFP", "IllumGFP.tif"}}) {
        const cv::Mat theirs = read_tiff_raw(kFixture / file);
        const cv::Mat& ours = plate.functions.at(channel);
        ASSERT_EQ(ours.size(), theirs.size());
        ASSERT_EQ(plate.images.at(channel).size(), 48u);
        const WorstPixel worst = worst_relative_difference(ours, theirs);
        std::printf(
            "%s: worst relative difference %.3g at x=%d y=%d (ours %.9g, CellProfiler "
            "%.9g); %ld of %d pixels bit-identical\n",
            channel, worst.relative, worst.x, worst.y, worst.ours, worst.theirs, worst.identical,
            static_cast<int>(ours.total()));
        EXPECT_LE(worst.relative, 1e-5) << channel;
    }
}

TEST(ComputePlateIllumination, RefusesAPlateWithoutImageSets) {
    try {
        compute_plate_illumination("P1", {}, IlluminationSettings{});
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find("plate 'P1' has no image sets"),
                  std::string::npos);
    }
}

TEST(ComputePlateIllumination, RefusesAnImageSetLackingAChannelNamingIt) {
    auto image_sets = bbbc013_image_sets();
    image_sets.resize(2);
    image_sets[1].channel_files.erase("GFP");
    try {
        compute_plate_illumination("BBBC013", image_sets, IlluminationSettings{});
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find(image_sets[1].name() + " has no GFP image"),
                  std::string::npos);
    }
}

TEST(ComputePlateIllumination, RefusesAPlateOfBlankImagesNamingPlateAndChannel) {
    const auto folder = std::filesystem::temp_directory_path() / "hcs_blank_plate";
    std::filesystem::create_directories(folder);
    const cv::Mat blank(8, 8, CV_8U, cv::Scalar(0));
    cv::imwrite((folder / "DNA_A01.png").string(), blank);
    cv::imwrite((folder / "DNA_A02.png").string(), blank);
    const auto image_sets = scan_folder(folder, "(?<channel>DNA)_(?<well>A0[12])\\.png", "P1", {});
    try {
        compute_plate_illumination("P1", image_sets, IlluminationSettings{});
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find("plate 'P1': every DNA image is blank"),
                  std::string::npos)
            << error.what();
    }
}

TEST(ComputePlateIllumination, RefusesChannelsOfDifferentSizesNamingBothFiles) {
    const auto folder = std::filesystem::temp_directory_path() / "hcs_mixed_size_plate";
    std::filesystem::create_directories(folder);
    cv::imwrite((folder / "DNA_A01.png").string(), cv::Mat(8, 8, CV_8U, cv::Scalar(9)));
    cv::imwrite((folder / "GFP_A01.png").string(), cv::Mat(4, 4, CV_8U, cv::Scalar(9)));
    const auto image_sets = scan_folder(folder, "(?<channel>DNA|GFP)_(?<well>A01)\\.png", "P1", {});
    try {
        compute_plate_illumination("P1", image_sets, IlluminationSettings{});
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("GFP_A01.png: image is 4 x 4 pixels but"), std::string::npos)
            << message;
        EXPECT_NE(message.find("DNA_A01.png is 8 x 8"), std::string::npos) << message;
    }
}

TEST(GroupByPlate, KeepsTheOrderOfEachPlatesImageSets) {
    std::vector<ImageSet> sets(3);
    sets[0].plate = "B";
    sets[0].well = "A01";
    sets[1].plate = "A";
    sets[1].well = "A02";
    sets[2].plate = "B";
    sets[2].well = "A03";
    const auto plates = group_by_plate(sets);
    ASSERT_EQ(plates.size(), 2u);
    EXPECT_EQ(plates.at("B")[0].well, "A01");
    EXPECT_EQ(plates.at("B")[1].well, "A03");
    EXPECT_EQ(plates.at("A")[0].well, "A02");
}

}  // namespace
}  // namespace hcs::illum
