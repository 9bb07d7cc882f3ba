// Convex hull (Andrew's monotone chain) and the exact Euclidean distance transform (Felzenszwalb &
// Huttenlocher 2012, two 1-D passes).

#include "hcs/measure/object_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hcs::measure {

namespace {

double cross(cv::Point2d o, cv::Point2d a, cv::Point2d b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// One row of the 1-D squared distance transform: f holds 0 (zero pixel) or infinity.
void distance_1d(const double* f, double* d, int n, std::vector<int>& v, std::vector<double>& z) {
    int k = 0;
    v[0] = 0;
    z[0] = -std::numeric_limits<double>::infinity();
    z[1] = std::numeric_limits<double>::infinity();
    for (int q = 1; q < n; ++q) {
        if (std::isinf(f[q])) continue;
        if (std::isinf(f[v[k]])) {  // first finite sample replaces the placeholder
            v[k] = q;
            continue;
        }
        double s = ((f[q] + q * q) - (f[v[k]] + v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
        while (k > 0 && s <= z[k]) {
            --k;
            s = ((f[q] + q * q) - (f[v[k]] + v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
        }
        ++k;
        v[k] = q;
        z[k] = s;
        z[k + 1] = std::numeric_limits<double>::infinity();
    }
    k = 0;
    for (int q = 0; q < n; ++q) {
        while (z[k + 1] < q) ++k;
        const double offset = q - v[k];
        d[q] = std::isinf(f[v[k]]) ? f[v[k]] : offset * offset + f[v[k]];
    }
}

}  // namespace

std::vector<cv::Point2d> convex_hull(std::vector<cv::Point2d> points) {
    std::sort(points.begin(), points.end(),
              [](cv::Point2d a, cv::Point2d b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    points.erase(std::unique(points.begin(), points.end()), points.end());
    if (points.size() < 3) return points;

    std::vector<cv::Point2d> hull(2 * points.size());
    std::size_t k = 0;
    for (const cv::Point2d& p : points) {  // lower chain
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) --k;
        hull[k++] = p;
    }
    for (std::size_t i = points.size() - 1, lower = k + 1; i-- > 0;) {  // upper chain
        while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) --k;
        hull[k++] = points[i];
    }
    hull.resize(k - 1);
    return hull;
}

bool inside_or_on_hull(const std::vector<cv::Point2d>& hull, cv::Point2d p) {
    const std::size_t n = hull.size();
    if (n == 0) return false;
    if (n == 1) return hull[0] == p;
    if (n == 2) {
        const bool collinear = cross(hull[0], hull[1], p) == 0;
        return collinear && std::min(hull[0].x, hull[1].x) <= p.x &&
               p.x <= std::max(hull[0].x, hull[1].x) && std::min(hull[0].y, hull[1].y) <= p.y &&
               p.y <= std::max(hull[0].y, hull[1].y);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (cross(hull[i], hull[(i + 1) % n], p) < 0) return false;
    }
    return true;
}

cv::Mat exact_distance_transform(const cv::Mat& mask) {
    const int rows = mask.rows, cols = mask.cols;
    const double infinity = std::numeric_limits<double>::infinity();
    cv::Mat squared(rows, cols, CV_64F);
    const int longest = std::max(rows, cols);
    std::vector<double> f(static_cast<std::size_t>(longest)), d(f.size());
    std::vector<int> v(f.size());
    std::vector<double> z(f.size() + 1);

    for (int x = 0; x < cols; ++x) {  // columns first
        for (int y = 0; y < rows; ++y) f[y] = mask.at<uchar>(y, x) ? infinity : 0.0;
        distance_1d(f.data(), d.data(), rows, v, z);
        for (int y = 0; y < rows; ++y) squared.at<double>(y, x) = d[y];
    }
    for (int y = 0; y < rows; ++y) {  // then rows
        double* row = squared.ptr<double>(y);
        std::copy(row, row + cols, f.begin());
        distance_1d(f.data(), d.data(), cols, v, z);
        for (int x = 0; x < cols; ++x) row[x] = std::sqrt(d[x]);
    }
    return squared;
}

}  // namespace hcs::measure
