// identify_primary end to end on drawn images. Expected values: hand-drawn disks (areas counted
// by OpenCV's own disk drawing) and CellProfiler's rules (border and size filters, numbering by
// seeds in raster order, automatic settings when advanced settings are off).
#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "hcs/segment/identify_primary.hpp"
#include "hcs/segment/threshold_methods.hpp"

using namespace hcs::segment;

namespace {

// Dark background with a little texture (so that thresholds are well defined) and bright disks.
cv::Mat disks_image(const std::vector<cv::Point>& centres, int radius) {
    cv::Mat image(60, 80, CV_32F);
    for (int row = 0; row < image.rows; ++row) {
        for (int column = 0; column < image.cols; ++column) {
            image.at<float>(row, column) = ((row + column) % 2) ? 0.05f : 0.06f;
        }
    }
    for (const cv::Point& centre : centres) {
        cv::circle(image, centre, radius, cv::Scalar(0.8), cv::FILLED);
    }
    return image;
}

}  // namespace

TEST(IdentifyPrimary, DropsBorderAndSmallObjectsAndNumbersTheRest) {
    cv::Mat image = disks_image({{40, 30}, {2, 30}, {65, 10}}, 8);
    cv::circle(image, {20, 8}, 1, cv::Scalar(0.8), cv::FILLED);  // too small
    PrimarySettings settings;
    settings.typical_diameter_min = 8;
    settings.typical_diameter_max = 30;
    const PrimaryResult result = identify_primary(image, settings);
    EXPECT_EQ(result.count, 2);
    EXPECT_EQ(result.labels.at<int>(10, 65), 1);  // the upper disk's seed comes first
    EXPECT_EQ(result.labels.at<int>(30, 40), 2);
    EXPECT_EQ(result.labels.at<int>(30, 2), 0);  // touches the border
    double unedited = 0;
    cv::minMaxLoc(result.unedited_labels, nullptr, &unedited);
    EXPECT_EQ(unedited, 4);
}

TEST(IdentifyPrimary, WithoutAdvancedSettingsUsesMinimumCrossEntropy) {
    const cv::Mat image = disks_image({{40, 30}}, 10);
    PrimarySettings settings;
    settings.threshold.method = ThresholdMethod::Otsu;
    settings.use_advanced_settings = false;
    const std::vector<float> pixels(image.begin<float>(), image.end<float>());
    const double expected = threshold_minimum_cross_entropy(sorted_pixels(pixels));
    EXPECT_DOUBLE_EQ(identify_primary(image, settings).threshold.final_threshold, expected);
    settings.use_advanced_settings = true;
    EXPECT_DOUBLE_EQ(identify_primary(image, settings).threshold.final_threshold,
                     threshold_otsu(sorted_pixels(pixels)));
}
