// Seeded propagation of Jones, Carpenter and Golland (2005) as centrosome's propagate.py and
// _propagate.pyx compute it (centrosome 1.3.3): same step cost, same heap, same tie order, so
// that cells match CellProfiler's pixel for pixel.
#include "hcs/segment/propagate.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "binary_heap.hpp"

namespace hcs::segment {
namespace {

// A pixel waiting in the queue. centrosome stores the distance as two int32 words cut from the
// double (the high word without its sign bit and the low word shifted right by one) and compares
// (high, low, label, i, j) lexicographically; `key` packs the same 63 bits.
struct QueueItem {
    std::uint64_t key;
    std::int32_t label;
    std::int32_t row;
    std::int32_t col;
};

struct QueueOrder {
    bool operator()(const QueueItem& a, const QueueItem& b) const {
        if (a.key != b.key) return a.key < b.key;
        if (a.label != b.label) return a.label < b.label;
        if (a.row != b.row) return a.row < b.row;
        return a.col < b.col;
    }
};

std::uint64_t distance_key(double distance) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &distance, sizeof bits);
    return (bits & 0x7FFFFFFFFFFFFFFFull) >> 1;
}

// The image in float64 with one repeated pixel around it, so that the 3x3 neighbourhoods of the
// step cost read outside pixels as centrosome's clamped_fetch does.
cv::Mat padded_heights(const cv::Mat& image) {
    cv::Mat heights;
    image.convertTo(heights, CV_64F);
    cv::Mat padded;
    cv::copyMakeBorder(heights, padded, 1, 1, 1, 1, cv::BORDER_REPLICATE);
    return padded;
}

// centrosome's distance(): the 3x3 absolute differences summed in raster order, then combined
// with the Manhattan step length as sqrt(diff^2 + manhattan * w * w), evaluated left to right.
double step_cost(const cv::Mat& padded, int row1, int col1, int row2, int col2, double weight) {
    double pixel_difference = 0;
    for (int di = -1; di <= 1; ++di) {
        const double* line1 = padded.ptr<double>(row1 + 1 + di) + col1 + 1;
        const double* line2 = padded.ptr<double>(row2 + 1 + di) + col2 + 1;
        for (int dj = -1; dj <= 1; ++dj) {
            const double v1 = line1[dj];
            const double v2 = line2[dj];
            pixel_difference += v1 > v2 ? v1 - v2 : v2 - v1;
        }
    }
    const double manhattan = std::abs(row1 - row2) + std::abs(col1 - col2);
    return std::sqrt(pixel_difference * pixel_difference + manhattan * weight * weight);
}

void check_inputs(const cv::Mat& image, const cv::Mat& seeds, const cv::Mat& mask) {
    if (image.size() != seeds.size() || image.size() != mask.size()) {
        throw std::invalid_argument("propagate: image, seeds and mask differ in size");
    }
    if (seeds.type() != CV_32S || mask.type() != CV_8U || image.channels() != 1) {
        throw std::invalid_argument("propagate: seeds must be CV_32S, mask CV_8U, image grey");
    }
}

// The queue starts with every seed pixel inside the mask, in raster order, distance 0 (as
// numpy.argwhere lists them), and is used as given, without heapifying.
std::vector<QueueItem> seed_items(const cv::Mat& seeds, const cv::Mat& mask) {
    std::vector<QueueItem> items;
    const std::uint64_t zero = distance_key(0.0);
    for (int row = 0; row < seeds.rows; ++row) {
        const std::int32_t* seed_row = seeds.ptr<std::int32_t>(row);
        const std::uint8_t* mask_row = mask.ptr<std::uint8_t>(row);
        for (int col = 0; col < seeds.cols; ++col) {
            if (seed_row[col] != 0 && mask_row[col]) {
                items.push_back({zero, seed_row[col], row, col});
            }
        }
    }
    return items;
}

}  // namespace

PropagationResult propagate(const cv::Mat& image, const cv::Mat& seeds, const cv::Mat& mask,
                            double regularization) {
    check_inputs(image, seeds, mask);
    const int rows = image.rows;
    const int cols = image.cols;
    const cv::Mat padded = padded_heights(image);

    cv::Mat labels = cv::Mat::zeros(image.size(), CV_32S);
    cv::Mat distances(image.size(), CV_64F, cv::Scalar(-1.0));
    distances.setTo(0.0, seeds > 0);

    detail::BinaryHeap<QueueItem, QueueOrder> queue(seed_items(seeds, mask));
    static const int kRowStep[8] = {-1, -1, -1, 0, 0, 1, 1, 1};
    static const int kColStep[8] = {-1, 0, 1, -1, 1, -1, 0, 1};
    while (!queue.empty()) {
        const QueueItem item = queue.pop();
        std::int32_t& label = labels.at<std::int32_t>(item.row, item.col);
        if (label != 0) continue;
        label = item.label;
        const double base = distances.at<double>(item.row, item.col);

        for (int k = 0; k < 8; ++k) {
            const int row = item.row + kRowStep[k];
            const int col = item.col + kColStep[k];
            if (row < 0 || row >= rows || col < 0 || col >= cols) continue;
            if (labels.at<std::int32_t>(row, col) > 0) continue;
            if (!mask.at<std::uint8_t>(row, col)) continue;
            const double distance =
                step_cost(padded, item.row, item.col, row, col, regularization) + base;
            double& recorded = distances.at<double>(row, col);
            if (recorded == -1 || recorded > distance) {
                recorded = distance;
                queue.push({distance_key(distance), item.label, row, col});
            }
        }
    }

    seeds.copyTo(labels, seeds > 0);
    return {labels, distances};
}

}  // namespace hcs::segment
