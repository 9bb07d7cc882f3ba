// Disk median filter with scikit-image's rank semantics, as CellProfiler smooths illumination
// functions. A sliding histogram over the ranks of the values present keeps each step to the
// disk's edge pixels, so a 15 x 15 disk costs about 30 updates per pixel.
#include "hcs/illum/median_filter.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "hcs/core/parallel.hpp"

namespace hcs::illum {
namespace {

// CellProfiler scales to uint16 by this factor before the rank filter and divides after it.
constexpr float kUint16Scale = 65535.0f;
// Rows handed to one worker at a time.
constexpr int kRowsPerTask = 16;

// Histogram of the disk around one pixel, over the ranks of the image's distinct values, with
// the current median rank and the number of pixels below it kept up to date.
class SlidingMedian {
  public:
    explicit SlidingMedian(std::size_t ranks) : histogram_(ranks, 0) {}

    void clear() {
        std::fill(histogram_.begin(), histogram_.end(), 0);
        population_ = 0;
        below_ = 0;
        median_ = 0;
    }
    void add(int rank) {
        ++histogram_[rank];
        ++population_;
        if (rank < median_) ++below_;
    }
    void remove(int rank) {
        --histogram_[rank];
        --population_;
        if (rank < median_) --below_;
    }
    // Smallest rank m whose cumulative count exceeds population / 2 (2 * count > population).
    int median() {
        while (median_ > 0 && 2 * below_ > population_) {
            --median_;
            below_ -= histogram_[median_];
        }
        while (2 * (below_ + histogram_[median_]) <= population_) {
            below_ += histogram_[median_];
            ++median_;
        }
        return median_;
    }

  private:
    std::vector<int> histogram_;
    long population_ = 0;
    long below_ = 0;
    int median_ = 0;
};

// Replaces every value by its rank among the distinct values present; returns those values.
std::vector<uint16_t> rank_values(const cv::Mat& image, cv::Mat& ranks) {
    std::vector<int> rank_of(65536, -1);
    for (int y = 0; y < image.rows; ++y) {
        const uint16_t* row = image.ptr<uint16_t>(y);
        for (int x = 0; x < image.cols; ++x) rank_of[row[x]] = 0;
    }
    std::vector<uint16_t> values;
    for (int value = 0; value < 65536; ++value) {
        if (rank_of[value] == 0) {
            rank_of[value] = static_cast<int>(values.size());
            values.push_back(static_cast<uint16_t>(value));
        }
    }
    ranks.create(image.size(), CV_32S);
    for (int y = 0; y < image.rows; ++y) {
        const uint16_t* row = image.ptr<uint16_t>(y);
        int* out = ranks.ptr<int>(y);
        for (int x = 0; x < image.cols; ++x) out[x] = rank_of[row[x]];
    }
    return values;
}

void median_of_row(const cv::Mat& ranks, const std::vector<int>& half_widths, int y,
                   SlidingMedian& window, int* out) {
    const int radius = static_cast<int>(half_widths.size() / 2);
    const int first_row = std::max(0, y - radius);
    const int last_row = std::min(ranks.rows - 1, y + radius);
    window.clear();
    for (int row = first_row; row <= last_row; ++row) {
        const int* line = ranks.ptr<int>(row);
        const int width = half_widths[row - y + radius];
        for (int x = 0; x <= std::min(width, ranks.cols - 1); ++x) window.add(line[x]);
    }
    out[0] = window.median();

    for (int x = 1; x < ranks.cols; ++x) {
        for (int row = first_row; row <= last_row; ++row) {
            const int* line = ranks.ptr<int>(row);
            const int width = half_widths[row - y + radius];
            if (x - 1 - width >= 0) window.remove(line[x - 1 - width]);
            if (x + width < ranks.cols) window.add(line[x + width]);
        }
        out[x] = window.median();
    }
}

}  // namespace

std::vector<int> disk_half_widths(int radius) {
    std::vector<int> widths(2 * radius + 1);
    for (int dy = -radius; dy <= radius; ++dy) {
        int width = 0;
        while ((width + 1) * (width + 1) + dy * dy <= radius * radius) ++width;
        widths[dy + radius] = width;
    }
    return widths;
}

cv::Mat rank_median_disk(const cv::Mat& image, int radius, int threads) {
    CV_Assert(image.type() == CV_16U && radius >= 0);
    cv::Mat ranks;
    const std::vector<uint16_t> values = rank_values(image, ranks);
    const std::vector<int> half_widths = disk_half_widths(radius);

    cv::Mat median_ranks(image.size(), CV_32S);
    const std::size_t tasks = (image.rows + kRowsPerTask - 1) / kRowsPerTask;
    parallel_for(tasks, threads, [&](std::size_t task) {
        SlidingMedian window(values.size());
        const int end = std::min(image.rows, static_cast<int>(task + 1) * kRowsPerTask);
        for (int y = static_cast<int>(task) * kRowsPerTask; y < end; ++y) {
            median_of_row(ranks, half_widths, y, window, median_ranks.ptr<int>(y));
        }
    });

    cv::Mat result(image.size(), CV_16U);
    for (int y = 0; y < image.rows; ++y) {
        const int* in = median_ranks.ptr<int>(y);
        uint16_t* out = result.ptr<uint16_t>(y);
        for (int x = 0; x < image.cols; ++x) out[x] = values[in[x]];
    }
    return result;
}

cv::Mat median_filter_smoothing(const cv::Mat& pixels, int radius, int threads) {
    CV_Assert(pixels.type() == CV_32F);
    cv::Mat quantised(pixels.size(), CV_16U);
    for (int y = 0; y < pixels.rows; ++y) {
        const float* in = pixels.ptr<float>(y);
        uint16_t* out = quantised.ptr<uint16_t>(y);
        for (int x = 0; x < pixels.cols; ++x) {
            // numpy's astype(uint16) truncates; values outside 0..65535 (impossible for images
            // scaled to 0..1) are clamped here rather than wrapped.
            const float scaled = in[x] * kUint16Scale;
            out[x] = static_cast<uint16_t>(std::clamp(scaled, 0.0f, kUint16Scale));
        }
    }

    const cv::Mat median = rank_median_disk(quantised, radius, threads);

    cv::Mat result(pixels.size(), CV_32F);
    for (int y = 0; y < pixels.rows; ++y) {
        const uint16_t* in = median.ptr<uint16_t>(y);
        float* out = result.ptr<float>(y);
        for (int x = 0; x < pixels.cols; ++x) out[x] = static_cast<float>(in[x]) / kUint16Scale;
    }
    return result;
}

}  // namespace hcs::illum
