// centrosome's convex hull (_convex_hull.pyx convex_hull_ijv: per-column lowest and highest
// pixel, lower then upper envelope, CONVEX test with its U-turn rule) and minimum enclosing
// circle (cpmorphology.minimum_enclosing_circle, Chrystal 1884), one object at a time.

#include "hcs/measure/enclosing_circle.hpp"

#include <cmath>
#include <limits>

#include "hcs/measure/numpy_argsort.hpp"

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

namespace {

// Circle of a hull with fewer than three vertices (centrosome's degenerate cases).
EnclosingCircle small_hull_circle(const std::vector<cv::Point>& hull) {
    EnclosingCircle circle;
    if (hull.empty()) {
        circle.center_i = circle.center_j = std::numeric_limits<double>::quiet_NaN();
    } else if (hull.size() == 1) {
        circle = {double(hull[0].y), double(hull[0].x), 0.0};
    } else {
        circle.center_i = (hull[0].y + hull[1].y) / 2.0;
        circle.center_j = (hull[0].x + hull[1].x) / 2.0;
        const double di = circle.center_i - hull[0].y, dj = circle.center_j - hull[0].x;
        circle.radius = std::sqrt(di * di + dj * dj);
    }
    return circle;
}

// The state of one object in Chrystal's iteration.
struct Search {
    std::size_t s0 = 0, s1 = 1;
    std::vector<int> within;  // centrosome's within_label_indexes
    bool active = false;
};

}  // namespace

std::vector<EnclosingCircle> centrosome_enclosing_circles(
    const std::vector<std::vector<cv::Point>>& hulls) {
    std::vector<EnclosingCircle> circles(hulls.size());
    std::vector<Search> searches(hulls.size());
    for (std::size_t h = 0; h < hulls.size(); ++h) {
        if (hulls[h].size() < 3) {
            circles[h] = small_hull_circle(hulls[h]);
            continue;
        }
        searches[h].active = true;
        searches[h].within.resize(hulls[h].size());
        for (std::size_t k = 0; k < hulls[h].size(); ++k) searches[h].within[k] = int(k);
    }
    const auto point = [&](std::size_t h, std::size_t k) {
        return cv::Point2d(hulls[h][k].x, hulls[h][k].y);
    };

    for (;;) {
        // Candidate vertices of every active object, in centrosome's array order.
        std::vector<std::size_t> owner, vertex;
        std::vector<Angles> vertex_angles;
        std::vector<double> at_v;
        for (std::size_t h = 0; h < hulls.size(); ++h) {
            if (!searches[h].active) continue;
            for (std::size_t k = 0; k < hulls[h].size(); ++k) {
                if (searches[h].within[k] < 2) continue;
                const Angles a =
                    angles(point(h, searches[h].s0), point(h, searches[h].s1), point(h, k));
                owner.push_back(h);
                vertex.push_back(k);
                vertex_angles.push_back(a);
                at_v.push_back(a.at_v);
            }
        }
        // scipy's minimum_position: per object the first of its vertices in NumPy's argsort order.
        std::vector<std::ptrdiff_t> chosen(hulls.size(), -1);
        for (std::int64_t index : numpy_argsort(at_v))
            if (chosen[owner[index]] < 0) chosen[owner[index]] = index;

        bool any_active = false;
        for (std::size_t h = 0; h < hulls.size(); ++h) {
            Search& search = searches[h];
            if (!search.active) continue;
            const std::ptrdiff_t best = chosen[h];
            if (best < 0 || vertex_angles[best].at_v >= kPi / 2) {  // S0-S1 is the diameter
                const cv::Point2d a = point(h, search.s0), b = point(h, search.s1);
                circles[h].center_i = (a.y + b.y) / 2;
                circles[h].center_j = (a.x + b.x) / 2;
                circles[h].radius =
                    std::sqrt((a.y - b.y) * (a.y - b.y) + (a.x - b.x) * (a.x - b.x)) / 2;
                search.active = false;
                continue;
            }
            const Angles& a = vertex_angles[best];
            const std::size_t v = vertex[best];
            if (a.at_s1 <= kPi / 2 && a.at_s0 <= kPi / 2 && a.at_v <= kPi / 2) {
                circles[h] = circumcircle(point(h, search.s0), point(h, search.s1), point(h, v));
                search.active = false;
                continue;
            }
            // The obtuse corner lies inside the circle: replace it by V.
            if (a.at_s0 > kPi / 2) {
                search.within[search.s0] = search.within[v];
                search.s0 = v;
                search.within[v] = 0;
            } else {
                search.within[search.s1] = search.within[v];
                search.s1 = v;
                search.within[v] = 1;
            }
            any_active = true;
        }
        if (!any_active) return circles;
    }
}

}  // namespace hcs::measure
