// Size and shape features per object as CellProfiler 5's MeasureObjectSizeShape reports them:
// scikit-image 0.19 regionprops (area, bounding box, centroid, moments-based axes and
// orientation, perimeter, convex area, Euler number), centrosome's radii (distance transform of
// the padded crop), Feret diameters (convex hull of pixel centres) and Zernike moments.

#include "hcs/measure/area_shape.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>

#include "hcs/measure/object_geometry.hpp"
#include "hcs/measure/zernike.hpp"

namespace hcs::measure {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// CellProfiler's Zernike features run over orders 0..9 (ZERNIKE_N = 9).
constexpr int kZernikeOrder = 9;
// Relative size under which a second moment counts as zero (rounding of the sums, ~1e-16).
constexpr double kMomentRoundingTolerance = 1e-12;

// Feature names in the order CellProfiler's exporter writes them (alphabetical).
const std::array<const char*, 25> kShapeNames = {"Area",
                                                 "BoundingBoxArea",
                                                 "BoundingBoxMaximum_X",
                                                 "BoundingBoxMaximum_Y",
                                                 "BoundingBoxMinimum_X",
                                                 "BoundingBoxMinimum_Y",
                                                 "Center_X",
                                                 "Center_Y",
                                                 "Compactness",
                                                 "ConvexArea",
                                                 "Eccentricity",
                                                 "EquivalentDiameter",
                                                 "EulerNumber",
                                                 "Extent",
                                                 "FormFactor",
                                                 "MajorAxisLength",
                                                 "MaxFeretDiameter",
                                                 "MaximumRadius",
                                                 "MeanRadius",
                                                 "MedianRadius",
                                                 "MinFeretDiameter",
                                                 "MinorAxisLength",
                                                 "Orientation",
                                                 "Perimeter",
                                                 "Solidity"};

enum Shape {
    kArea,
    kBoundingBoxArea,
    kMaxX,
    kMaxY,
    kMinX,
    kMinY,
    kCenterX,
    kCenterY,
    kCompactness,
    kConvexArea,
    kEccentricity,
    kEquivalentDiameter,
    kEulerNumber,
    kExtent,
    kFormFactor,
    kMajorAxis,
    kMaxFeret,
    kMaximumRadius,
    kMeanRadius,
    kMedianRadius,
    kMinFeret,
    kMinorAxis,
    kOrientation,
    kPerimeter,
    kSolidity
};

// The object's pixels as a CV_8U crop of its bounding box (skimage regionprops "image").
cv::Mat object_mask(const ObjectSet& objects, cv::Rect box, int label) {
    cv::Mat mask(box.size(), CV_8U);
    for (int y = 0; y < box.height; ++y) {
        const int* row = objects.labels.ptr<int>(box.y + y);
        uchar* out = mask.ptr<uchar>(y);
        for (int x = 0; x < box.width; ++x) out[x] = row[box.x + x] == label ? 1 : 0;
    }
    return mask;
}

// Second central moments -> axes, eccentricity and orientation (skimage 0.19 inertia_tensor).
void moment_features(const cv::Mat& mask, double area, std::array<double, 25>& f) {
    double sum_x = 0, sum_y = 0;
    for (int y = 0; y < mask.rows; ++y)
        for (int x = 0; x < mask.cols; ++x)
            if (mask.at<uchar>(y, x)) sum_x += x, sum_y += y;
    const double cx = sum_x / area, cy = sum_y / area;
    double mu_xx = 0, mu_yy = 0, mu_xy = 0;
    for (int y = 0; y < mask.rows; ++y)
        for (int x = 0; x < mask.cols; ++x)
            if (mask.at<uchar>(y, x)) {
                mu_xx += (x - cx) * (x - cx);
                mu_yy += (y - cy) * (y - cy);
                mu_xy += (x - cx) * (y - cy);
            }

    // A cross moment or axis difference within rounding of zero is zero: scikit-image's sums in
    // another order land on exact zeros there, and the sign of that zero picks the orientation
    // (+90 rather than -90, +45 rather than -45) in its special cases.
    const double scale = kMomentRoundingTolerance * (mu_xx + mu_yy);
    if (std::abs(mu_xy) <= scale) mu_xy = 0.0;
    if (std::abs(mu_xx - mu_yy) <= scale) mu_yy = mu_xx;

    // Inertia tensor [[a, b], [b, c]] in (row, column) axes: a = var(columns), c = var(rows).
    const double a = mu_xx / area, b = -mu_xy / area, c = mu_yy / area;
    const double half_trace = (a + c) / 2;
    const double root = std::sqrt(((a - c) / 2) * ((a - c) / 2) + b * b);
    const double major = std::max(half_trace + root, 0.0);
    const double minor = std::max(half_trace - root, 0.0);
    f[kMajorAxis] = 4 * std::sqrt(major);
    f[kMinorAxis] = 4 * std::sqrt(minor);
    f[kEccentricity] = major == 0 ? 0.0 : std::sqrt(1 - minor / major);

    double orientation = 0;
    if (a - c == 0) {
        orientation = b < 0 ? -kPi / 4 : kPi / 4;
    } else {
        orientation = 0.5 * std::atan2(-2 * b, c - a);
    }
    f[kOrientation] = orientation * (180 / kPi);
}

// First and last object pixel of every row and column: the only pixels that can be hull
// vertices (skimage's possible_hull), so hulls are built from these alone.
std::vector<cv::Point> possible_hull(const cv::Mat& mask) {
    std::vector<cv::Point> ends;
    std::vector<int> top(mask.cols, -1), bottom(mask.cols, -1);
    for (int y = 0; y < mask.rows; ++y) {
        const uchar* row = mask.ptr<uchar>(y);
        int first = -1, last = -1;
        for (int x = 0; x < mask.cols; ++x) {
            if (!row[x]) continue;
            if (first < 0) first = x;
            last = x;
            if (top[x] < 0) top[x] = y;
            bottom[x] = y;
        }
        if (first >= 0) ends.insert(ends.end(), {{first, y}, {last, y}});
    }
    for (int x = 0; x < mask.cols; ++x)
        if (top[x] >= 0) ends.insert(ends.end(), {{x, top[x]}, {x, bottom[x]}});
    return ends;
}

// Pixels of the crop inside the hull of the pixels' edge midpoints (skimage convex_hull_image
// with offset coordinates; points on the hull's edges count). That hull is the hull of the pixel
// centres grown by the diamond of edge midpoints, so the centres' hull vertices suffice. Each row
// holds one run of hull pixels containing the row's object pixels: only the run's ends are
// searched.
double convex_area(const cv::Mat& mask, const std::vector<cv::Point2d>& centre_hull) {
    std::vector<cv::Point2d> corners;
    for (const cv::Point2d& p : centre_hull) {
        corners.insert(corners.end(), {{p.x - 0.5, double(p.y)},
                                       {p.x + 0.5, double(p.y)},
                                       {double(p.x), p.y - 0.5},
                                       {double(p.x), p.y + 0.5}});
    }
    const std::vector<cv::Point2d> hull = convex_hull(std::move(corners));
    const auto inside = [&](int x, int y) {
        return inside_or_on_hull(hull, {double(x), double(y)});
    };
    double count = 0;
    for (int y = 0; y < mask.rows; ++y) {
        const uchar* row = mask.ptr<uchar>(y);
        int first = -1, last = -1;
        for (int x = 0; x < mask.cols; ++x)
            if (row[x]) last = x, first = first < 0 ? x : first;
        if (first < 0) {  // a row without object pixels (a concave gap): test every pixel
            for (int x = 0; x < mask.cols; ++x) count += inside(x, y) ? 1 : 0;
            continue;
        }
        int left = first, right = last;
        while (left > 0 && inside(left - 1, y)) --left;
        while (right + 1 < mask.cols && inside(right + 1, y)) ++right;
        count += right - left + 1;
    }
    return count;
}

// Min and max Feret diameters of the hull of pixel centres (centrosome feret_diameter): the
// narrowest caliper width over the hull's edges and the longest vertex-to-vertex distance.
std::pair<double, double> feret_diameters(const std::vector<cv::Point2d>& hull) {
    double longest = 0;
    for (std::size_t i = 0; i < hull.size(); ++i)
        for (std::size_t j = i + 1; j < hull.size(); ++j)
            longest = std::max(longest, std::hypot(hull[i].x - hull[j].x, hull[i].y - hull[j].y));
    if (hull.size() < 3) return {0.0, longest};

    double narrowest = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < hull.size(); ++i) {
        const cv::Point2d p = hull[i], q = hull[(i + 1) % hull.size()];
        const double length = std::hypot(q.x - p.x, q.y - p.y);
        double widest = 0;
        for (const cv::Point2d& r : hull) {
            const double area2 = std::abs((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
            widest = std::max(widest, area2 / length);
        }
        narrowest = std::min(narrowest, widest);
    }
    return {narrowest, longest};
}

// Maximum, mean and median distance to the background over the object's pixels, on the crop
// padded by one pixel (CellProfiler pads "to assist the distance transform").
void radius_features(const cv::Mat& mask, std::array<double, 25>& f) {
    cv::Mat padded;
    cv::copyMakeBorder(mask, padded, 1, 1, 1, 1, cv::BORDER_CONSTANT, 0);
    const cv::Mat distances = exact_distance_transform(padded);
    std::vector<double> inside;
    for (int y = 0; y < padded.rows; ++y)
        for (int x = 0; x < padded.cols; ++x)
            if (padded.at<uchar>(y, x)) inside.push_back(distances.at<double>(y, x));
    double sum = 0;
    for (double d : inside) sum += d;
    f[kMeanRadius] = sum / static_cast<double>(inside.size());
    f[kMaximumRadius] = *std::max_element(inside.begin(), inside.end());
    // centrosome's median_of_labels: the middle value, or the mean of the two middle values.
    const auto middle = static_cast<std::ptrdiff_t>((inside.size() - 1) / 2);
    std::nth_element(inside.begin(), inside.begin() + middle, inside.end());
    const double low = inside[static_cast<std::size_t>(middle)];
    const double high = *std::min_element(inside.begin() + middle + 1, inside.end());
    f[kMedianRadius] = inside.size() % 2 == 1 ? low : (low + high) / 2;
}

std::array<double, 25> shape_of(const ObjectSet& objects, cv::Rect box, int label) {
    std::array<double, 25> f;
    const cv::Mat mask = object_mask(objects, box, label);
    const double area = cv::countNonZero(mask);
    f[kArea] = area;
    f[kBoundingBoxArea] = static_cast<double>(box.area());
    f[kMinX] = box.x;
    f[kMinY] = box.y;
    f[kMaxX] = box.x + box.width;  // exclusive, as regionprops' bbox
    f[kMaxY] = box.y + box.height;

    double sum_x = 0, sum_y = 0;
    for (int y = 0; y < mask.rows; ++y)
        for (int x = 0; x < mask.cols; ++x)
            if (mask.at<uchar>(y, x)) sum_x += box.x + x, sum_y += box.y + y;
    f[kCenterX] = sum_x / area;
    f[kCenterY] = sum_y / area;

    moment_features(mask, area, f);
    f[kPerimeter] = perimeter_4(mask);
    f[kFormFactor] = 4 * kPi * area / (f[kPerimeter] * f[kPerimeter]);
    f[kCompactness] = f[kPerimeter] * f[kPerimeter] / std::max(4 * kPi * area, 1.0);
    const std::vector<cv::Point> ends = possible_hull(mask);
    const std::vector<cv::Point2d> centre_hull =
        convex_hull(std::vector<cv::Point2d>(ends.begin(), ends.end()));
    f[kConvexArea] = convex_area(mask, centre_hull);
    f[kSolidity] = area / f[kConvexArea];
    f[kExtent] = area / f[kBoundingBoxArea];
    f[kEquivalentDiameter] = std::sqrt(4 * area / kPi);
    f[kEulerNumber] = euler_number_8(mask);
    std::tie(f[kMinFeret], f[kMaxFeret]) = feret_diameters(centre_hull);
    radius_features(mask, f);
    return f;
}

// The advanced features of every object as further AreaShape_ columns.
void append_advanced(const ObjectSet& objects, Measurements& result) {
    const auto count = static_cast<std::size_t>(objects.count);
    const std::size_t first = result.size();
    for (int label = 1; label <= objects.count; ++label) {
        const cv::Rect box = objects.boxes[static_cast<std::size_t>(label - 1)];
        if (box.empty()) continue;
        const auto features = advanced_shape_features(object_mask(objects, box, label));
        if (result.size() == first) {
            for (const auto& [name, value] : features)
                result.emplace_back("AreaShape_" + name, std::vector<double>(count, kNaN));
        }
        for (std::size_t k = 0; k < features.size(); ++k)
            result[first + k].second[static_cast<std::size_t>(label - 1)] = features[k].second;
    }
}

}  // namespace

double perimeter_4(const cv::Mat& mask) {
    // Boundary = pixels whose 4-neighbourhood is not all foreground (outside counts as 0).
    cv::Mat padded;
    cv::copyMakeBorder(mask, padded, 1, 1, 1, 1, cv::BORDER_CONSTANT, 0);
    cv::Mat border = cv::Mat::zeros(padded.size(), CV_8U);
    for (int y = 1; y + 1 < padded.rows; ++y)
        for (int x = 1; x + 1 < padded.cols; ++x)
            if (padded.at<uchar>(y, x) &&
                !(padded.at<uchar>(y - 1, x) && padded.at<uchar>(y + 1, x) &&
                  padded.at<uchar>(y, x - 1) && padded.at<uchar>(y, x + 1)))
                border.at<uchar>(y, x) = 1;

    // skimage's code: 1 for the pixel, 2 per 4-neighbour, 10 per diagonal neighbour on the border.
    std::array<double, 50> weights{};
    for (int code : {5, 7, 15, 17, 25, 27}) weights[code] = 1;
    for (int code : {21, 33}) weights[code] = std::sqrt(2.0);
    for (int code : {13, 23}) weights[code] = (1 + std::sqrt(2.0)) / 2;
    double total = 0;
    for (int y = 1; y + 1 < border.rows; ++y)
        for (int x = 1; x + 1 < border.cols; ++x) {
            if (!border.at<uchar>(y, x)) continue;
            const int code = 1 +
                             2 * (border.at<uchar>(y - 1, x) + border.at<uchar>(y + 1, x) +
                                  border.at<uchar>(y, x - 1) + border.at<uchar>(y, x + 1)) +
                             10 * (border.at<uchar>(y - 1, x - 1) + border.at<uchar>(y - 1, x + 1) +
                                   border.at<uchar>(y + 1, x - 1) + border.at<uchar>(y + 1, x + 1));
            total += weights[static_cast<std::size_t>(code)];
        }
    return total;
}

int euler_number_8(const cv::Mat& mask) {
    cv::Mat padded;
    cv::copyMakeBorder(mask, padded, 1, 1, 1, 1, cv::BORDER_CONSTANT, 0);
    int one = 0, three = 0, diagonal = 0;
    for (int y = 0; y + 1 < padded.rows; ++y)
        for (int x = 0; x + 1 < padded.cols; ++x) {
            const int a = padded.at<uchar>(y, x) != 0, b = padded.at<uchar>(y, x + 1) != 0;
            const int c = padded.at<uchar>(y + 1, x) != 0, d = padded.at<uchar>(y + 1, x + 1) != 0;
            const int set = a + b + c + d;
            if (set == 1) ++one;
            if (set == 3) ++three;
            if (set == 2 && a == d) ++diagonal;
        }
    return (one - three - 2 * diagonal) / 4;
}

Measurements measure_area_shape(const ObjectSet& objects, const AreaShapeSettings& settings) {
    const auto count = static_cast<std::size_t>(objects.count);
    Measurements result;
    for (const char* name : kShapeNames) {
        result.emplace_back(std::string("AreaShape_") + name, std::vector<double>(count, kNaN));
    }
    for (int label = 1; label <= objects.count; ++label) {
        const cv::Rect box = objects.boxes[static_cast<std::size_t>(label - 1)];
        if (box.empty()) continue;
        const std::array<double, 25> f = shape_of(objects, box, label);
        for (std::size_t k = 0; k < f.size(); ++k) result[k].second[label - 1] = f[k];
    }

    if (settings.advanced) append_advanced(objects, result);
    if (settings.zernike) {
        const auto indexes = zernike_indexes(kZernikeOrder);
        const auto moments = zernike_moments(objects, indexes);
        for (std::size_t i = 0; i < indexes.size(); ++i) {
            std::vector<double> values(count);
            for (std::size_t k = 0; k < count; ++k) values[k] = moments[k][i];
            result.emplace_back("AreaShape_Zernike_" + std::to_string(indexes[i].first) + "_" +
                                    std::to_string(indexes[i].second),
                                std::move(values));
        }
    }
    return result;
}

}  // namespace hcs::measure
