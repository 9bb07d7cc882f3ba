// Tests of the dose-response figure: a PNG is written with the points and curve drawn in
// their colours (blue points, red curve from png_plot.cpp's colour table).
#include "hcs/plot/dose_response_plot.hpp"

#include <cmath>
#include <filesystem>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

namespace hcs {
namespace {

bool has_colour(const cv::Mat& image, bool (*match)(const cv::Vec3b&)) {
    for (int y = 0; y < image.rows; ++y) {
        for (int x = 0; x < image.cols; ++x) {
            if (match(image.at<cv::Vec3b>(y, x))) return true;
        }
    }
    return false;
}

TEST(PlotDoseResponse, DrawsPointsAndCurve) {
    const auto path = std::filesystem::temp_directory_path() / "hcs-dose-plot-test.png";
    DoseResponseFigure figure;
    figure.title = "test";
    figure.concentration_label = "dose";
    figure.response_label = "response";
    figure.concentrations = {0.1, 1, 10, 100};
    figure.responses = {0, 0.2, 0.8, 1};
    figure.curve = [](double x) { return 1 / (1 + 3 / x); };
    figure.ec50 = 3;
    plot_dose_response(path, figure);
    const cv::Mat image = cv::imread(path.string(), cv::IMREAD_COLOR);
    ASSERT_FALSE(image.empty());
    EXPECT_TRUE(has_colour(image, [](const cv::Vec3b& p) {
        return p[2] > 150 && p[1] < 80 && p[0] < 80;  // red curve
    }));
    EXPECT_TRUE(has_colour(image, [](const cv::Vec3b& p) {
        return p[0] > 150 && p[2] < 80;  // blue points
    }));
}

}  // namespace
}  // namespace hcs
