// centrosome's convex hull (_convex_hull.pyx convex_hull_ijv: per-column lowest and highest
// pixel, lower then upper envelope, CONVEX test with its U-turn rule) and minimum enclosing
// circle (cpmorphology.minimum_enclosing_circle, Chrystal 1884), one object at a time.

#include "hcs/measure/enclosing_circle.hpp"

#include <cmath>
#include <limits>

namespace hcs::measure {

namespace {

constexpr double kPi = 3.14159265358979323846;

// centrosome's CONVEX(a, b, c) on (i, j) points: a left turn, or a U-turn at the far end.
bool convex(cv::Point a, cv::Point b, cv::Point c) {  // cv::Point(x = j, y = i)
    const int ab_i = b.y - a.y, ab_j = b.x - a.x, bc_i = c.y - b.y, bc_j = c.x - b.x;
    const int cross = ab_j * bc_i - bc_j * ab_i;
    if (cross > 0) return true;
    if (cross < 0) return false;
    return b.x > a.x && b.x > c.x;
}

void emit(std::vector<cv::Point>& hull, cv::Point p) {
    while (hull.size() >= 2 && !convex(hull[hull.size() - 2], hull.back(), p)) hull.pop_back();
    hull.push_back(p);
}

struct Angles {
    double at_s1 = 0, at_s0 = 0, at_v = 0;  // angles V-S1-S0, V-S0-S1 and S0-V-S1
};

Angles angles(cv::Point2d s0, cv::Point2d s1, cv::Point2d v) {
    const cv::Point2d s01 = s0 - s1, vs0 = v - s0, vs1 = v - s1;
    const double s01_squared = s01.x * s01.x + s01.y * s01.y;
    Angles a;
    a.at_s1 = std::abs(std::acos((s01.x * vs1.x + s01.y * vs1.y) /
                                 std::sqrt(s01_squared * (vs1.x * vs1.x + vs1.y * vs1.y))));
    a.at_s0 = std::abs(std::acos((-s01.x * vs0.x + -s01.y * vs0.y) /
                                 std::sqrt(s01_squared * (vs0.x * vs0.x + vs0.y * vs0.y))));
    a.at_v = kPi - a.at_s1 - a.at_s0;
    return a;
}

// Circumcircle of S0, S1, V with centrosome's formula (X = column, Y = row).
EnclosingCircle circumcircle(cv::Point2d s0, cv::Point2d s1, cv::Point2d v) {
    // Here x = column j, y = row i, as the points are stored.
    const double d = 2 * (s0.x * (s1.y - v.y) + s1.x * (v.y - s0.y) + v.x * (s0.y - s1.y));
    const double n0 = s0.y * s0.y + s0.x * s0.x, n1 = s1.y * s1.y + s1.x * s1.x;
    const double nv = v.y * v.y + v.x * v.x;
    EnclosingCircle circle;
    circle.center_j = (n0 * (s1.y - v.y) + n1 * (v.y - s0.y) + nv * (s0.y - s1.y)) / d;
    circle.center_i = (n0 * (v.x - s1.x) + n1 * (s0.x - v.x) + nv * (s1.x - s0.x)) / d;
    const double di = s0.y - circle.center_i, dj = s0.x - circle.center_j;
    circle.radius = std::sqrt(di * di + dj * dj);
    return circle;
}

}  // namespace

std::vector<cv::Point> centrosome_hull(const cv::Mat& labels, cv::Rect box, int label) {
    std::vector<int> lower(box.width, -1), upper(box.width, -1);
    for (int y = box.y; y < box.y + box.height; ++y) {
        const int* row = labels.ptr<int>(y);
        for (int x = box.x; x < box.x + box.width; ++x) {
            if (row[x] != label) continue;
            int& low = lower[x - box.x];
            if (low < 0) low = y;  // rows arrive in increasing order
            upper[x - box.x] = y;
        }
    }
    std::vector<cv::Point> hull;
    const int start = 0, end = box.width - 1;
    if (lower[start] < 0) return hull;  // a box always has pixels in its first column
    for (int j = start; j <= end; ++j)
        if (lower[j] >= 0) emit(hull, {box.x + j, lower[j]});
    for (int j = end; j > start; --j)
        if (upper[j] >= 0) emit(hull, {box.x + j, upper[j]});
    // The last point (top of the first column seen from below) closes the chain.
    const cv::Point last(box.x + start, upper[start]);
    while (hull.size() >= 2 && !convex(hull[hull.size() - 2], hull.back(), last)) hull.pop_back();
    if (lower[start] != upper[start]) hull.push_back(last);
    return hull;
}

EnclosingCircle centrosome_enclosing_circle(const std::vector<cv::Point>& hull) {
    const std::size_t n = hull.size();
    EnclosingCircle circle;
    const auto point = [&](std::size_t k) { return cv::Point2d(hull[k].x, hull[k].y); };
    if (n == 0) {
        circle.center_i = circle.center_j = std::numeric_limits<double>::quiet_NaN();
        return circle;
    }
    if (n == 1) return {double(hull[0].y), double(hull[0].x), 0.0};
    if (n == 2) {
        circle.center_i = (hull[0].y + hull[1].y) / 2.0;
        circle.center_j = (hull[0].x + hull[1].x) / 2.0;
        const double di = circle.center_i - hull[0].y, dj = circle.center_j - hull[0].x;
        circle.radius = std::sqrt(di * di + dj * dj);
        return circle;
    }

    std::vector<int> within(n);
    for (std::size_t k = 0; k < n; ++k) within[k] = static_cast<int>(k);
    std::size_t s0 = 0, s1 = 1;
    for (;;) {
        // The vertex with the smallest angle S0-V-S1 (first in hull order among equals).
        std::size_t best = n;
        Angles best_angles;
        for (std::size_t k = 0; k < n; ++k) {
            if (within[k] < 2) continue;
            const Angles a = angles(point(s0), point(s1), point(k));
            if (best == n || a.at_v < best_angles.at_v) best = k, best_angles = a;
        }
        if (best == n || best_angles.at_v >= kPi / 2) {  // S0-S1 is the diameter
            circle.center_i = (hull[s0].y + double(hull[s1].y)) / 2;
            circle.center_j = (hull[s0].x + double(hull[s1].x)) / 2;
            const double di = double(hull[s0].y) - hull[s1].y, dj = double(hull[s0].x) - hull[s1].x;
            circle.radius = std::sqrt(di * di + dj * dj) / 2;
            return circle;
        }
        if (best_angles.at_s1 <= kPi / 2 && best_angles.at_s0 <= kPi / 2 &&
            best_angles.at_v <= kPi / 2) {  // acute triangle: its circumcircle
            return circumcircle(point(s0), point(s1), point(best));
        }
        // The obtuse corner lies inside the circle: replace it by V.
        if (best_angles.at_s0 > kPi / 2) {
            within[s0] = within[best];
            s0 = best;
            within[best] = 0;
        } else {
            within[s1] = within[best];
            s1 = best;
            within[best] = 1;
        }
    }
}

}  // namespace hcs::measure
