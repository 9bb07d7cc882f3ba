// Watershed - Gradient and Watershed - Image of CellProfiler's IdentifySecondaryObjects:
// scikit-image 0.19's marker watershed (its heap, neighbour order and first-reached labelling)
// over |scipy.ndimage.sobel(image)| or 1 - image, within the thresholded cell channel or seeds.
#include "hcs/segment/watershed_cells.hpp"

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "binary_heap.hpp"

namespace hcs::segment {
namespace {

struct FloodItem {
    double height;
    std::int64_t age;    // order of arrival; markers all have age 0
    std::int64_t index;  // flat index into the padded image
};

// scikit-image's heap_watershed.pxi: lower height first, then earlier arrival.
struct FloodOrder {
    bool operator()(const FloodItem& a, const FloodItem& b) const {
        if (a.height != b.height) return a.height < b.height;
        return a.age < b.age;
    }
};

// scikit-image sorts the 3x3 neighbours by distance with a stable sort: the four edge neighbours
// (up, left, right, down), then the four corners in raster order.
std::vector<std::int64_t> neighbour_offsets(int padded_cols) {
    const int w = padded_cols;
    return {-w, -1, 1, w, -w - 1, -w + 1, w - 1, w + 1};
}

// Pads with one pixel of zeros (outside the mask), as scikit-image pads, and flattens.
template <typename T>
std::vector<T> padded_flat(const cv::Mat& image, int cv_type) {
    cv::Mat converted;
    image.convertTo(converted, cv_type);
    cv::Mat padded;
    cv::copyMakeBorder(converted, padded, 1, 1, 1, 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    return std::vector<T>(padded.ptr<T>(), padded.ptr<T>() + padded.total());
}

}  // namespace

cv::Mat flood_from_markers(const cv::Mat& heights, const cv::Mat& markers, const cv::Mat& mask) {
    if (heights.size() != markers.size() || markers.type() != CV_32S ||
        (!mask.empty() && mask.size() != markers.size())) {
        throw std::invalid_argument("flood_from_markers: heights, markers and mask differ");
    }
    const cv::Mat inside = mask.empty() ? cv::Mat(markers.size(), CV_8U, cv::Scalar(1)) : mask != 0;
    const int padded_cols = markers.cols + 2;
    const std::vector<double> height = padded_flat<double>(heights, CV_64F);
    const std::vector<std::uint8_t> allowed = padded_flat<std::uint8_t>(inside, CV_8U);
    std::vector<std::int32_t> output = padded_flat<std::int32_t>(markers, CV_32S);
    // scikit-image multiplies the markers by the mask before flooding.
    for (std::size_t i = 0; i < output.size(); ++i) output[i] *= allowed[i] ? 1 : 0;

    detail::BinaryHeap<FloodItem, FloodOrder> queue;
    for (std::size_t i = 0; i < output.size(); ++i) {
        if (output[i] != 0) queue.push({height[i], 0, static_cast<std::int64_t>(i)});
    }
    const std::vector<std::int64_t> offsets = neighbour_offsets(padded_cols);
    std::int64_t age = 1;
    while (!queue.empty()) {
        const FloodItem item = queue.pop();
        for (const std::int64_t offset : offsets) {
            const std::int64_t neighbour = item.index + offset;
            if (!allowed[neighbour] || output[neighbour] != 0) continue;
            ++age;
            output[neighbour] = output[item.index];
            queue.push({height[neighbour], age, neighbour});
        }
    }

    cv::Mat padded(markers.rows + 2, padded_cols, CV_32S, output.data());
    return padded(cv::Rect(1, 1, markers.cols, markers.rows)).clone();
}

cv::Mat horizontal_sobel_magnitude(const cv::Mat& image) {
    cv::Mat pixels;
    image.convertTo(pixels, CV_32F);
    const int rows = pixels.rows;
    const int cols = pixels.cols;
    // scipy's "reflect" mode repeats the edge pixel (d c b a | a b c d).
    const auto mirror = [](int k, int n) { return k < 0 ? -k - 1 : (k >= n ? 2 * n - k - 1 : k); };

    // correlate1d with [-1, 0, 1] along columns, each result rounded to float32.
    cv::Mat difference(rows, cols, CV_32F);
    for (int row = 0; row < rows; ++row) {
        const float* line = pixels.ptr<float>(row);
        float* out = difference.ptr<float>(row);
        for (int col = 0; col < cols; ++col) {
            const double right = line[mirror(col + 1, cols)];
            const double left = line[mirror(col - 1, cols)];
            out[col] = static_cast<float>(right - left);
        }
    }
    // correlate1d with [1, 2, 1] down rows: centre term first, then the symmetric pair.
    cv::Mat magnitude(rows, cols, CV_32F);
    for (int row = 0; row < rows; ++row) {
        const float* above = difference.ptr<float>(mirror(row - 1, rows));
        const float* centre = difference.ptr<float>(row);
        const float* below = difference.ptr<float>(mirror(row + 1, rows));
        float* out = magnitude.ptr<float>(row);
        for (int col = 0; col < cols; ++col) {
            double sum = 2.0 * static_cast<double>(centre[col]);
            sum += static_cast<double>(below[col]) + static_cast<double>(above[col]);
            out[col] = std::fabs(static_cast<float>(sum));
        }
    }
    return magnitude;
}

namespace {

cv::Mat foreground_or_seeds(const cv::Mat& foreground, const cv::Mat& seeds) {
    return (foreground != 0) | (seeds > 0);
}

}  // namespace

cv::Mat watershed_gradient_cells(const cv::Mat& image, const cv::Mat& seeds,
                                 const cv::Mat& foreground) {
    cv::Mat heights;
    horizontal_sobel_magnitude(image).convertTo(heights, CV_64F);
    return flood_from_markers(heights, seeds, foreground_or_seeds(foreground, seeds));
}

cv::Mat watershed_image_cells(const cv::Mat& image, const cv::Mat& seeds,
                              const cv::Mat& foreground) {
    // 1 - image stays float32 in NumPy; scikit-image then widens it to float64.
    cv::Mat pixels;
    image.convertTo(pixels, CV_32F);
    cv::Mat inverted = 1.0f - pixels;
    cv::Mat heights;
    inverted.convertTo(heights, CV_64F);
    return flood_from_markers(heights, seeds, foreground_or_seeds(foreground, seeds));
}

}  // namespace hcs::segment
