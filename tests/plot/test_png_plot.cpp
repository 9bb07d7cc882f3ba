// Tests of the PLplot PNG writer: the file is a PNG of the asked size, drawn on (not blank),
// and a failed drawing leaves no file behind.
#include "hcs/plot/png_plot.hpp"

#include <filesystem>
#include <stdexcept>

#include <gtest/gtest.h>
#include <plplot/plplot.h>
#include <opencv2/imgcodecs.hpp>

namespace hcs {
namespace {

TEST(WritePngPlot, WritesAnImageOfTheAskedSizeWithTheDrawing) {
    const auto path = std::filesystem::temp_directory_path() / "hcs-png-plot-test.png";
    std::filesystem::remove(path);
    write_png_plot(path, {320, 240}, [] {
        plenv(0, 1, 0, 1, 0, 0);
        PLFLT x[2] = {0, 1}, y[2] = {0, 1};
        plline(2, x, y);
    });
    const cv::Mat image = cv::imread(path.string(), cv::IMREAD_GRAYSCALE);
    ASSERT_FALSE(image.empty());
    EXPECT_EQ(image.cols, 320);
    EXPECT_EQ(image.rows, 240);
    double darkest = 0, lightest = 0;
    cv::minMaxLoc(image, &darkest, &lightest);
    EXPECT_EQ(lightest, 255);  // white background
    EXPECT_LT(darkest, 128);   // axes and line in black
}

TEST(WritePngPlot, FailedDrawingLeavesNoFile) {
    const auto path = std::filesystem::temp_directory_path() / "hcs-png-plot-failed.png";
    std::filesystem::remove(path);
    EXPECT_THROW(write_png_plot(path, {100, 100}, [] { throw std::runtime_error("stop"); }),
                 std::runtime_error);
    EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace hcs
