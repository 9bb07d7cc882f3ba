// Case c12 (../shared/cases/c12-16bit-border-size), measurement part: the nucleus segmentation
// keeps (disk radius 8 at row 40, column 40, 197 px) measured on the 16-bit image, scaled by
// 1/65535. The inputs are generated here as the case README describes; expected values are the
// README's (area 197, centre (40, 40), mean = max = 30000/65535, integrated = 197 x that).

#include <random>

#include <opencv2/imgcodecs.hpp>

#include "measure_case.hpp"

namespace {

const std::filesystem::path kCase =
    std::filesystem::path(HCS_SHARED_DIR) / "cases/c12-16bit-border-size";

// The README's image: background 1000 or 1050 at random (fixed seed), objects of raw 30000.
cv::Mat case_image() {
    cv::Mat image(64, 64, CV_16U);
    std::mt19937 random(12);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x) image.at<ushort>(y, x) = random() % 2 ? 1050 : 1000;
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x) {
            const bool border_disk = (y - 30) * (y - 30) + (x - 3) * (x - 3) <= 49;
            const bool small_square = y >= 10 && y <= 11 && x >= 50 && x <= 51;
            const bool kept_disk = (y - 40) * (y - 40) + (x - 40) * (x - 40) <= 64;
            if (border_disk || small_square || kept_disk) image.at<ushort>(y, x) = 30000;
        }
    return image;
}

// What segmentation leaves: only the kept disk, renumbered 1.
cv::Mat case_labels() {
    cv::Mat labels = cv::Mat::zeros(64, 64, CV_16U);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            if ((y - 40) * (y - 40) + (x - 40) * (x - 40) <= 64) labels.at<ushort>(y, x) = 1;
    return labels;
}

TEST(CaseC12, KeptNucleusOnA16BitImageIsScaledBy65535) {
    const auto folder = std::filesystem::path(testing::TempDir()) / "hcs_case_c12";
    std::filesystem::create_directories(folder);
    ASSERT_TRUE(cv::imwrite((folder / "dna16.tif").string(), case_image()));
    ASSERT_TRUE(cv::imwrite((folder / "labels.tif").string(), case_labels()));

    const nlohmann::json spec = measure_case::read_case(kCase);
    nlohmann::json row = spec["inputs"]["image_sets"][0];
    row["ObjectsFileName_Nuclei"] = "labels.tif";
    const auto image_set = measure_case::image_set_of(row, folder);
    const auto tables = measure_case::run(image_set, {"DNA"}, folder / "out");
    for (const auto& expected : spec["expected"]) measure_case::check(tables, expected);
}

}  // namespace
