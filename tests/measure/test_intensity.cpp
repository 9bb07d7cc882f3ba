// Intensity features and CellProfiler's quantile convention on hand-made objects; expected values
// by hand arithmetic (in the comments) and by CellProfiler's rule as case c04 documents it.

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "hcs/measure/intensity.hpp"

namespace {

using namespace hcs::measure;

TEST(Intensity, QuantileFollowsCellProfilersRuleNotNumpys) {
    // n = 4: median q = 2 -> sorted[2] = 3 (numpy would give 2.5); q = 3 for 3/4 -> last -> 4.
    const std::vector<double> sorted = {1, 2, 3, 4};
    EXPECT_EQ(cellprofiler_quantile(sorted, 0.5), 3);
    EXPECT_EQ(cellprofiler_quantile(sorted, 0.25), 2);
    EXPECT_EQ(cellprofiler_quantile(sorted, 0.75), 4);
    // n = 5, f = 1/2: q = 2.5 -> halfway between sorted[2] and sorted[3].
    EXPECT_EQ(cellprofiler_quantile({1, 2, 3, 5, 8}, 0.5), 4);
}

std::map<std::string, double> features_of_object_1(const cv::Mat& labels, const cv::Mat& image) {
    const ObjectSet objects = ObjectSet::from_labels("Nuclei", labels);
    std::map<std::string, double> features;
    for (const auto& [name, values] : measure_intensity(objects, image, "DNA"))
        features[name] = values[0];
    return features;
}

TEST(Intensity, ThreeByThreeObjectStatisticsAndEdge) {
    // Values 0.1 .. 0.9 row by row over columns 1-3, rows 1-3; the edge is the ring of 8.
    cv::Mat labels = cv::Mat::zeros(5, 5, CV_32S), image = cv::Mat::zeros(5, 5, CV_32F);
    labels(cv::Rect(1, 1, 3, 3)).setTo(1);
    for (int k = 0; k < 9; ++k) image.at<float>(1 + k / 3, 1 + k % 3) = 0.125f * (k + 1);
    auto f = features_of_object_1(labels, image);
    EXPECT_DOUBLE_EQ(f["Intensity_IntegratedIntensity_DNA"], 0.125 * 45);
    EXPECT_DOUBLE_EQ(f["Intensity_MeanIntensity_DNA"], 0.125 * 5);
    EXPECT_DOUBLE_EQ(f["Intensity_StdIntensity_DNA"], 0.125 * std::sqrt(60.0 / 9));
    EXPECT_DOUBLE_EQ(f["Intensity_IntegratedIntensityEdge_DNA"], 0.125 * 40);  // all but the 5
    EXPECT_DOUBLE_EQ(f["Intensity_MinIntensity_DNA"], 0.125);
    EXPECT_DOUBLE_EQ(f["Intensity_MaxIntensity_DNA"], 0.125 * 9);
    // n = 9, median q = 4.5 -> between sorted[4] = 5 and sorted[5] = 6: 5.5.
    EXPECT_DOUBLE_EQ(f["Intensity_MedianIntensity_DNA"], 0.125 * 5.5);
    // Centre of mass: column sums 12, 15, 18 -> x = 1 + (15 + 36) / 45; binary centre (2, 2).
    EXPECT_DOUBLE_EQ(f["Location_CenterMassIntensity_X_DNA"], 1 + 51.0 / 45);
    EXPECT_DOUBLE_EQ(f["Location_MaxIntensity_X_DNA"], 3);
    EXPECT_DOUBLE_EQ(f["Location_MaxIntensity_Y_DNA"], 3);
}

TEST(Intensity, TiedMaximaTakeTheLastInNumpysSortOrder) {
    // Three pixels [0.5, 0.75, 0.75]: NumPy sorts fewer than 17 values by insertion (stable), so
    // scipy's maximum_position keeps the later tied pixel, column 2.
    cv::Mat labels = cv::Mat::zeros(1, 3, CV_32S), image = cv::Mat::zeros(1, 3, CV_32F);
    labels.setTo(1);
    image.at<float>(0, 0) = 0.5f;
    image.at<float>(0, 1) = image.at<float>(0, 2) = 0.75f;
    EXPECT_EQ(features_of_object_1(labels, image)["Location_MaxIntensity_X_DNA"], 2);
}

TEST(Intensity, AbsentObjectNumberIsNaN) {
    cv::Mat labels = cv::Mat::zeros(3, 3, CV_32S), image = cv::Mat::ones(3, 3, CV_32F);
    labels.at<int>(1, 1) = 2;  // object 1 has no pixels
    const ObjectSet objects = ObjectSet::from_labels("Nuclei", labels);
    const auto features = measure_intensity(objects, image, "DNA");
    EXPECT_TRUE(std::isnan(features[0].second[0]));
    EXPECT_EQ(features[0].second[1], 1);
}

}  // namespace
