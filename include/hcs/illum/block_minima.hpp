// The "Background" intensity of CorrectIlluminationCalculate: the image divided into blocks, each
// pixel replaced by the minimum of its block (centrosome.cpmorphology.block + scipy minimum).
#pragma once

#include <opencv2/core.hpp>

namespace hcs::illum {

// Block index of every row (or column) of a side of `length` pixels cut into blocks of
// `block_size`: int(length / block_size) blocks (at least one), pixel k in block
// int(k * blocks / length), as centrosome.cpmorphology.block computes it.
std::vector<int> block_index(int length, int block_size);

// CV_64F image of block minima of a CV_32F image (CellProfiler keeps them in float64).
cv::Mat block_minima(const cv::Mat& pixels, int block_size);

}  // namespace hcs::illum
