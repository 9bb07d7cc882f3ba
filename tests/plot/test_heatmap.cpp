// Tests of the PLplot heatmap: a 2 x 2 matrix whose highest cell is drawn dark blue and whose
// lowest cell stays white, in the expected quadrants of the plotting area.
#include "hcs/plot/heatmap.hpp"

#include <filesystem>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

namespace hcs {
namespace {

TEST(PlotHeatmap, HighestCellIsDarkAndLowestCellIsWhite) {
    const auto path = std::filesystem::temp_directory_path() / "hcs-heatmap-test.png";
    Eigen::MatrixXd values(2, 2);
    values << 0, 1, 1, 10;  // top-left lowest, bottom-right highest
    plot_heatmap(path, values, {"t", "rows", "columns", {"r1", "r2"}, {"c1", "c2"}}, false);
    const cv::Mat image = cv::imread(path.string(), cv::IMREAD_COLOR);
    ASSERT_FALSE(image.empty());
    // The cells fill the viewport [0.30, 0.95] x [0.30, 0.92] of the page (heatmap.cpp);
    // sample the centres of the top-left and bottom-right cells.
    const auto at = [&](double x, double y) {
        return image.at<cv::Vec3b>(static_cast<int>((1 - y) * image.rows),
                                   static_cast<int>(x * image.cols));
    };
    const cv::Vec3b lowest = at(0.30 + 0.65 * 0.25, 0.30 + 0.62 * 0.75);
    const cv::Vec3b highest = at(0.30 + 0.65 * 0.75, 0.30 + 0.62 * 0.25);
    EXPECT_GT(lowest[0] + lowest[1] + lowest[2], 3 * 240);  // white
    EXPECT_LT(highest[1], 100);                             // dark (BGR green channel low)
    EXPECT_GT(highest[0], highest[2]);                      // blue more than red
}

}  // namespace
}  // namespace hcs
