// Block minima for the "Background" illumination function, with the block layout of
// centrosome.cpmorphology.block: as many whole blocks as fit, stretched to cover the image.
#include "hcs/illum/block_minima.hpp"

#include <algorithm>
#include <limits>
#include <vector>

namespace hcs::illum {

std::vector<int> block_index(int length, int block_size) {
    const int blocks = std::max(1, static_cast<int>(static_cast<double>(length) / block_size));
    // centrosome multiplies by blocks/length in float64 and truncates.
    const double multiplier = static_cast<double>(blocks) / static_cast<double>(length);
    std::vector<int> index(length);
    for (int k = 0; k < length; ++k) index[k] = static_cast<int>(k * multiplier);
    return index;
}

cv::Mat block_minima(const cv::Mat& pixels, int block_size) {
    CV_Assert(pixels.type() == CV_32F);
    const std::vector<int> row_block = block_index(pixels.rows, block_size);
    const std::vector<int> column_block = block_index(pixels.cols, block_size);
    const int block_columns = column_block.back() + 1;
    std::vector<float> minimum(static_cast<std::size_t>(row_block.back() + 1) * block_columns,
                               std::numeric_limits<float>::infinity());

    for (int y = 0; y < pixels.rows; ++y) {
        const float* row = pixels.ptr<float>(y);
        float* block_row = minimum.data() + static_cast<std::size_t>(row_block[y]) * block_columns;
        for (int x = 0; x < pixels.cols; ++x) {
            block_row[column_block[x]] = std::min(block_row[column_block[x]], row[x]);
        }
    }

    cv::Mat result(pixels.size(), CV_64F);
    for (int y = 0; y < pixels.rows; ++y) {
        const float* block_row =
            minimum.data() + static_cast<std::size_t>(row_block[y]) * block_columns;
        double* out = result.ptr<double>(y);
        for (int x = 0; x < pixels.cols; ++x) out[x] = block_row[column_block[x]];
    }
    return result;
}

}  // namespace hcs::illum
