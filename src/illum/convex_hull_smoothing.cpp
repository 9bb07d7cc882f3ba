// Convex hull smoothing of an illumination function (CellProfiler smooth_with_convex_hull,
// centrosome.filter.convex_hull_transform). Hulls are built from the highest level down, each
// from the previous hull's vertices plus the edge pixels of its own level, so every pixel is
// handled once. Known difference: centrosome rasterises hull edges with Bresenham lines and
// OpenCV's fillConvexPoly is used here, so pixels exactly on a hull edge can differ by a level.
#include "hcs/illum/convex_hull_smoothing.hpp"

#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace hcs::illum {
namespace {

// CellProfiler erodes and dilates around the transform with a disk of this radius.
constexpr int kMorphologyRadius = 2;

cv::Mat disk_footprint(int radius) {
    cv::Mat footprint = cv::Mat::zeros(2 * radius + 1, 2 * radius + 1, CV_8U);
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            if (dx * dx + dy * dy <= radius * radius)
                footprint.at<uint8_t>(dy + radius, dx + radius) = 1;
        }
    }
    return footprint;
}

cv::Mat padded_morphology(const cv::Mat& image, int radius, double pad, bool erode) {
    cv::Mat image64, padded, filtered;
    image.convertTo(image64, CV_64F);
    cv::copyMakeBorder(image64, padded, radius, radius, radius, radius, cv::BORDER_CONSTANT, pad);
    const cv::Mat footprint = disk_footprint(radius);
    if (erode) {
        cv::erode(padded, filtered, footprint, cv::Point(-1, -1), 1, cv::BORDER_REPLICATE);
    } else {
        cv::dilate(padded, filtered, footprint, cv::Point(-1, -1), 1, cv::BORDER_REPLICATE);
    }
    return filtered(cv::Rect(radius, radius, image.cols, image.rows)).clone();
}

// Integer levels 0..levels-1 as centrosome computes them: int((v - min) * (levels - 1) / range).
cv::Mat integer_levels(const cv::Mat& image, double minimum, double maximum, int levels) {
    cv::Mat level(image.size(), CV_32S);
    for (int y = 0; y < image.rows; ++y) {
        for (int x = 0; x < image.cols; ++x) {
            const double scaled = (image.at<double>(y, x) - minimum) * (levels - 1);
            level.at<int>(y, x) = static_cast<int>(scaled / (maximum - minimum));
        }
    }
    return level;
}

// Pixels that can be hull vertices at their own level: a pixel all of whose 8 neighbours are
// at least as high lies inside the hull of its level. Border pixels always can.
std::vector<std::vector<cv::Point>> edge_pixels_by_level(const cv::Mat& level, int levels) {
    std::vector<std::vector<cv::Point>> edges(levels);
    for (int y = 0; y < level.rows; ++y) {
        for (int x = 0; x < level.cols; ++x) {
            const int value = level.at<int>(y, x);
            bool edge = y == 0 || x == 0 || y == level.rows - 1 || x == level.cols - 1;
            for (int dy = -1; dy <= 1 && !edge; ++dy) {
                for (int dx = -1; dx <= 1 && !edge; ++dx) {
                    edge = level.at<int>(y + dy, x + dx) < value;
                }
            }
            if (edge && value > 0) edges[value].emplace_back(x, y);
        }
    }
    return edges;
}

void fill_hull(cv::Mat& output, const std::vector<cv::Point>& hull, int value) {
    if (hull.size() == 1) {
        output.at<int>(hull[0]) = value;
    } else if (hull.size() == 2) {
        cv::line(output, hull[0], hull[1], value, 1, cv::LINE_8);
    } else {
        cv::fillConvexPoly(output, hull, value, cv::LINE_8);
    }
}

}  // namespace

cv::Mat grey_erosion_disk(const cv::Mat& image, int radius) {
    return padded_morphology(image, radius, 1.0, true);
}

cv::Mat grey_dilation_disk(const cv::Mat& image, int radius) {
    return padded_morphology(image, radius, 0.0, false);
}

cv::Mat convex_hull_transform(const cv::Mat& image, int levels) {
    cv::Mat image64;
    image.convertTo(image64, CV_64F);
    double minimum = 0, maximum = 0;
    cv::minMaxLoc(image64, &minimum, &maximum);
    if (minimum == maximum) return image64;

    const cv::Mat level = integer_levels(image64, minimum, maximum, levels);
    const auto edges = edge_pixels_by_level(level, levels);

    // Hulls from the top level down: hull(level >= k) = hull(hull(level >= k+1) + edges at k).
    std::vector<std::vector<cv::Point>> hulls(levels);
    std::vector<cv::Point> previous;
    for (int k = levels - 1; k >= 1; --k) {
        if (edges[k].empty()) {
            hulls[k] = previous;
            continue;
        }
        std::vector<cv::Point> points = previous;
        points.insert(points.end(), edges[k].begin(), edges[k].end());
        cv::convexHull(points, hulls[k]);
        previous = hulls[k];
    }

    cv::Mat transformed = cv::Mat::zeros(image.size(), CV_32S);
    for (int k = 1; k < levels; ++k) {
        if (!hulls[k].empty()) fill_hull(transformed, hulls[k], k);
    }

    // A level below a pixel's own can only come from a level without pixels; centrosome maps
    // every pixel to a level that is present, which the nested hulls give here as well.
    cv::Mat result(image.size(), CV_64F);
    for (int y = 0; y < image.rows; ++y) {
        for (int x = 0; x < image.cols; ++x) {
            const int k = transformed.at<int>(y, x);
            result.at<double>(y, x) = minimum + static_cast<double>(k) * (maximum - minimum) /
                                                    static_cast<double>(levels - 1);
        }
    }
    return result;
}

cv::Mat convex_hull_smoothing(const cv::Mat& pixels) {
    const cv::Mat eroded = grey_erosion_disk(pixels, kMorphologyRadius);
    const cv::Mat transformed = convex_hull_transform(eroded);
    cv::Mat result;
    grey_dilation_disk(transformed, kMorphologyRadius).convertTo(result, CV_32F);
    return result;
}

}  // namespace hcs::illum
