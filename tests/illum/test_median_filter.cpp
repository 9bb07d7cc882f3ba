// Tests of the disk rank median: the disk of centrosome's strel_disk, scikit-image's rank
// median (index floor(n/2) of the sorted in-image neighbours), and CellProfiler's uint16 path.
#include "hcs/illum/median_filter.hpp"

#include <algorithm>
#include <numeric>
#include <random>

#include <gtest/gtest.h>

namespace hcs::illum {
namespace {

// Brute force of the definition, for comparison on random images.
cv::Mat median_by_sorting(const cv::Mat& image, int radius) {
    cv::Mat result(image.size(), CV_16U);
    for (int y = 0; y < image.rows; ++y) {
        for (int x = 0; x < image.cols; ++x) {
            std::vector<uint16_t> values;
            for (int dy = -radius; dy <= radius; ++dy) {
                for (int dx = -radius; dx <= radius; ++dx) {
                    const int yy = y + dy, xx = x + dx;
                    if (dx * dx + dy * dy > radius * radius) continue;
                    if (yy < 0 || xx < 0 || yy >= image.rows || xx >= image.cols) continue;
                    values.push_back(image.at<uint16_t>(yy, xx));
                }
            }
            std::sort(values.begin(), values.end());
            result.at<uint16_t>(y, x) = values[values.size() / 2];
        }
    }
    return result;
}

TEST(DiskHalfWidths, RadiusSevenIsTheFifteenByFifteenDiskOf149Pixels) {
    // strel_disk(7): offsets with dx^2 + dy^2 <= 49; the lattice points of that disk number 149
    // (Gauss circle problem, N(7) = 149).
    const auto widths = disk_half_widths(7);
    ASSERT_EQ(widths.size(), 15u);
    EXPECT_EQ(widths[7], 7);
    EXPECT_EQ(widths[0], 0);  // dy = -7: only dx = 0
    EXPECT_EQ(widths[1], 3);  // dy = -6: 9 + 36 = 45 <= 49, 16 + 36 > 49
    const int pixels = std::accumulate(widths.begin(), widths.end(), 0,
                                       [](int sum, int width) { return sum + 2 * width + 1; });
    EXPECT_EQ(pixels, 149);
}

TEST(RankMedianDisk, TakesTheUpperMiddleOfAnEvenCountAtTheCorner) {
    // Radius 1 is the cross of 5 pixels. At corner (0,0) only 3 are in the image:
    // {1, 2, 4} -> 2. At edge (0,1): {1, 2, 3, 5} -> index 2 of 4 sorted = 3 (scikit-image's
    // rank median takes the first value whose cumulative count exceeds n/2).
    const cv::Mat image = (cv::Mat_<uint16_t>(3, 3) << 1, 2, 3, 4, 5, 6, 7, 8, 9);
    const cv::Mat median = rank_median_disk(image, 1, 1);
    EXPECT_EQ(median.at<uint16_t>(0, 0), 2);
    EXPECT_EQ(median.at<uint16_t>(0, 1), 3);
    EXPECT_EQ(median.at<uint16_t>(1, 1), 5);  // {2, 4, 5, 6, 8}
    EXPECT_EQ(median.at<uint16_t>(2, 2), 8);  // {6, 8, 9}
}

TEST(RankMedianDisk, AgreesWithSortingTheNeighboursOnARandomImage) {
    std::mt19937 generator(7);
    std::uniform_int_distribution<int> value(0, 65535);
    cv::Mat image(37, 53, CV_16U);
    for (int y = 0; y < image.rows; ++y) {
        for (int x = 0; x < image.cols; ++x) image.at<uint16_t>(y, x) = value(generator);
    }
    for (int radius : {1, 3, 7}) {
        const cv::Mat expected = median_by_sorting(image, radius);
        EXPECT_EQ(cv::norm(rank_median_disk(image, radius, 2), expected, cv::NORM_INF), 0.0)
            << "radius " << radius;
    }
}

TEST(MedianFilterSmoothing, TruncatesTheFloat32ProductTo16BitsAndDividesBack) {
    // 0.5f * 65535 = 32767.5 -> 32767 (truncated); 32767 / 65535 in float32.
    const cv::Mat pixels(5, 5, CV_32F, cv::Scalar(0.5f));
    const cv::Mat smoothed = median_filter_smoothing(pixels, 1, 1);
    EXPECT_EQ(smoothed.at<float>(2, 2), 32767.0f / 65535.0f);
}

}  // namespace
}  // namespace hcs::illum
