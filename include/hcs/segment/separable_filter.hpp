// One pass of a 1-D filter along the columns or rows of an image, as scipy.ndimage.correlate1d
// computes it with mode "constant" (zeros outside): summed in double, stored in the image's own
// type T, which is where CellProfiler's float32 smoothing rounds. The threshold's Gaussian and
// the declumping smoothing both use it; for their symmetric kernels convolution and correlation
// are the same.
#pragma once

#include <algorithm>
#include <vector>

#include <opencv2/core.hpp>

namespace hcs::segment {

template <typename T>
cv::Mat correlate_axis(const cv::Mat& input, const std::vector<double>& kernel, bool vertical) {
    const int radius = static_cast<int>(kernel.size() / 2);
    cv::Mat output(input.size(), input.type());
    std::vector<double> sum(input.cols);
    for (int row = 0; row < input.rows; ++row) {
        std::fill(sum.begin(), sum.end(), 0.0);
        for (int k = -radius; k <= radius; ++k) {
            const double weight = kernel[k + radius];
            if (vertical) {
                if (row + k < 0 || row + k >= input.rows) continue;
                const T* source = input.ptr<T>(row + k);
                for (int column = 0; column < input.cols; ++column)
                    sum[column] += weight * source[column];
            } else {
                const T* source = input.ptr<T>(row);
                const int from = std::max(0, -k), to = std::min(input.cols, input.cols - k);
                for (int column = from; column < to; ++column)
                    sum[column] += weight * source[column + k];
            }
        }
        T* out = output.ptr<T>(row);
        for (int column = 0; column < input.cols; ++column)
            out[column] = static_cast<T>(sum[column]);
    }
    return output;
}

// Both axes, columns first, as scipy's separable filters run.
template <typename T>
cv::Mat correlate_separable(const cv::Mat& input, const std::vector<double>& kernel) {
    return correlate_axis<T>(correlate_axis<T>(input, kernel, true), kernel, false);
}

// The same filter applied to an all-ones image: separable, so the kernel mass inside the image
// at each row times that at each column. Dividing by it corrects the darkening at the edges.
inline cv::Mat correlate_separable_ones(cv::Size size, const std::vector<double>& kernel) {
    const int radius = static_cast<int>(kernel.size() / 2);
    auto mass = [&](int position, int length) {
        double sum = 0;
        for (int k = -radius; k <= radius; ++k) {
            if (position + k >= 0 && position + k < length) sum += kernel[k + radius];
        }
        return sum;
    };
    std::vector<double> column_mass(size.width);
    for (int column = 0; column < size.width; ++column) {
        column_mass[column] = mass(column, size.width);
    }
    cv::Mat ones(size, CV_64F);
    for (int row = 0; row < size.height; ++row) {
        const double row_mass = mass(row, size.height);
        double* out = ones.ptr<double>(row);
        for (int column = 0; column < size.width; ++column) {
            out[column] = row_mass * column_mass[column];
        }
    }
    return ones;
}

}  // namespace hcs::segment
