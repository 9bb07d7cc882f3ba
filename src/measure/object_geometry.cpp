// Convex hull (Andrew's monotone chain) and the exact Euclidean distance transform of an object
// crop (hcs/core/distance_transform.hpp).

#include "hcs/measure/object_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <opencv2/core.hpp>

#include "hcs/core/distance_transform.hpp"

namespace hcs::measure {

namespace {

double cross(cv::Point2d o, cv::Point2d a, cv::Point2d b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
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
    cv::Mat distance = squared_distance_transform(mask);
    cv::sqrt(distance, distance);
    return distance;
}

}  // namespace hcs::measure
