// Felzenszwalb P, Huttenlocher D (2012) Distance transforms of sampled functions. Theory of
// Computing 8:415-428: the lower envelope of parabolas rooted at the zero pixels, one line at a
// time.
#include "hcs/core/distance_transform.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace hcs {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Working space of one line, kept across lines.
struct LineBuffers {
    std::vector<double> f, d, z;
    std::vector<int> v;

    explicit LineBuffers(int longest) : f(longest), d(longest), z(longest + 1), v(longest) {}
};

// The squared distance along one line of n samples: f holds 0 at a zero pixel, the squared
// distance of the previous pass elsewhere, or infinity where no zero pixel has been seen.
void distance_along_line(LineBuffers& line, int n) {
    const double* f = line.f.data();
    int* v = line.v.data();
    double* z = line.z.data();
    int k = 0;
    v[0] = 0;
    z[0] = -kInfinity;
    z[1] = kInfinity;
    for (int q = 1; q < n; ++q) {
        if (std::isinf(f[q])) continue;
        if (std::isinf(f[v[k]])) {  // the first finite sample replaces the placeholder
            v[k] = q;
            continue;
        }
        const double base = f[q] + static_cast<double>(q) * q;
        double s = (base - (f[v[k]] + static_cast<double>(v[k]) * v[k])) / (2.0 * q - 2.0 * v[k]);
        while (k > 0 && s <= z[k]) {
            --k;
            s = (base - (f[v[k]] + static_cast<double>(v[k]) * v[k])) / (2.0 * q - 2.0 * v[k]);
        }
        ++k;
        v[k] = q;
        z[k] = s;
        z[k + 1] = kInfinity;
    }

    k = 0;
    for (int q = 0; q < n; ++q) {
        while (z[k + 1] < q) ++k;
        const double offset = static_cast<double>(q) - v[k];
        line.d[q] = std::isinf(f[v[k]]) ? kInfinity : offset * offset + f[v[k]];
    }
}

}  // namespace

cv::Mat squared_distance_transform(const cv::Mat& mask) {
    CV_Assert(mask.type() == CV_8U);
    const int rows = mask.rows, cols = mask.cols;
    cv::Mat squared(rows, cols, CV_64F);
    LineBuffers line(std::max(rows, cols));

    for (int x = 0; x < cols; ++x) {
        for (int y = 0; y < rows; ++y) line.f[y] = mask.at<uchar>(y, x) ? kInfinity : 0.0;
        distance_along_line(line, rows);
        for (int y = 0; y < rows; ++y) squared.at<double>(y, x) = line.d[y];
    }

    for (int y = 0; y < rows; ++y) {
        double* row = squared.ptr<double>(y);
        std::copy(row, row + cols, line.f.begin());
        distance_along_line(line, cols);
        std::copy(line.d.begin(), line.d.begin() + cols, row);
    }
    return squared;
}

}  // namespace hcs
