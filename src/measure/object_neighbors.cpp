// Neighbour features following CellProfiler's MeasureObjectNeighbors (cellprofiler_library
// measure_object_neighbors): dilation of each object on its own patch by a disk, outline overlap
// for PercentTouching, centre distances among all unfiltered objects for the closest distances
// and angle, and among the kept objects only for the closest object numbers.

#include "hcs/measure/object_neighbors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>

#include <opencv2/imgproc.hpp>

namespace hcs::measure {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kPi = 3.14159265358979323846;

// centrosome strel_disk(radius): offsets (dx, dy) with dx^2 + dy^2 <= radius^2.
std::vector<cv::Point> disk_offsets(double radius) {
    std::vector<cv::Point> offsets;
    const int reach = static_cast<int>(radius);
    for (int dy = -reach; dy <= reach; ++dy)
        for (int dx = -reach; dx <= reach; ++dx)
            if (dx * dx + dy * dy <= radius * radius) offsets.emplace_back(dx, dy);
    return offsets;
}

// centrosome strel_disk(radius) as an OpenCV structuring element.
cv::Mat disk_element(double radius) {
    const int reach = static_cast<int>(radius);
    cv::Mat element = cv::Mat::zeros(2 * reach + 1, 2 * reach + 1, CV_8U);
    for (const cv::Point& o : disk_offsets(radius)) element.at<uchar>(o.y + reach, o.x + reach) = 1;
    return element;
}

// Binary dilation of a 0/255 patch (scipy binary_dilation: outside the patch counts as 0).
cv::Mat dilate(const cv::Mat& mask, const cv::Mat& element) {
    cv::Mat out;
    cv::dilate(mask, out, element, cv::Point(-1, -1), 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    return out;
}

// centrosome outline: labelled pixels with an 8-neighbour of another value, or on the image edge.
cv::Mat outline(const cv::Mat& labels) {
    cv::Mat out = cv::Mat::zeros(labels.size(), CV_32S);
    for (int y = 0; y < labels.rows; ++y)
        for (int x = 0; x < labels.cols; ++x) {
            const int label = labels.at<int>(y, x);
            if (label == 0) continue;
            bool edge = x == 0 || y == 0 || x + 1 == labels.cols || y + 1 == labels.rows;
            for (int dy = -1; dy <= 1 && !edge; ++dy)
                for (int dx = -1; dx <= 1 && !edge; ++dx)
                    edge = labels.at<int>(y + dy, x + dx) != label;
            if (edge) out.at<int>(y, x) = label;
        }
    return out;
}

// Mean (x, y) of every label 1..count; NaN for labels without pixels (centers_of_labels).
std::vector<cv::Point2d> centres_of(const cv::Mat& labels, int count) {
    std::vector<double> sx(count + 1, 0), sy(count + 1, 0), n(count + 1, 0);
    for (int y = 0; y < labels.rows; ++y)
        for (int x = 0; x < labels.cols; ++x) {
            const int label = labels.at<int>(y, x);
            if (label > 0) sx[label] += x, sy[label] += y, n[label] += 1;
        }
    std::vector<cv::Point2d> centres(count);
    for (int k = 1; k <= count; ++k) centres[k - 1] = {sx[k] / n[k], sy[k] / n[k]};
    return centres;
}

// Bounding boxes of labels 1..count grown by `margin` and clipped to the image.
std::vector<cv::Rect> grown_boxes(const cv::Mat& labels, int count, int margin) {
    std::vector<cv::Rect> boxes(count);
    std::vector<int> x0(count + 1, INT32_MAX), y0(count + 1, INT32_MAX), x1(count + 1, -1),
        y1(count + 1, -1);
    for (int y = 0; y < labels.rows; ++y)
        for (int x = 0; x < labels.cols; ++x) {
            const int k = labels.at<int>(y, x);
            if (k <= 0) continue;
            x0[k] = std::min(x0[k], x), y0[k] = std::min(y0[k], y);
            x1[k] = std::max(x1[k], x), y1[k] = std::max(y1[k], y);
        }
    const cv::Rect image(0, 0, labels.cols, labels.rows);
    for (int k = 1; k <= count; ++k) {
        if (x1[k] < 0) continue;
        boxes[k - 1] = cv::Rect(cv::Point(x0[k] - margin, y0[k] - margin),
                                cv::Point(x1[k] + margin + 1, y1[k] + margin + 1)) &
                       image;
    }
    return boxes;
}

// Unfiltered label covering most of each kept object's pixels (relate_labels); 0 if none.
std::vector<int> match_to_unfiltered(const ObjectSet& kept, const cv::Mat& unfiltered) {
    std::vector<int> numbers(kept.count, 0);
    for (int k = 1; k <= kept.count; ++k) {
        const cv::Rect box = kept.boxes[k - 1];
        std::map<int, int> votes;
        for (int y = box.y; y < box.y + box.height; ++y)
            for (int x = box.x; x < box.x + box.width; ++x)
                if (kept.labels.at<int>(y, x) == k && unfiltered.at<int>(y, x) > 0)
                    ++votes[unfiltered.at<int>(y, x)];
        int best = 0;
        for (const auto& [label, n] : votes)
            if (best == 0 || n > votes[best]) best = label;
        numbers[k - 1] = best;
    }
    return numbers;
}

// Indexes of the three smallest distances, NaN last, ties by index (numpy argpartition over a
// handful of candidates behaves so in practice).
std::vector<int> three_closest(const std::vector<double>& distances) {
    std::vector<int> order(distances.size());
    std::iota(order.begin(), order.end(), 0);
    const auto key = [&](int i) { return std::isnan(distances[i]) ? INFINITY : distances[i]; };
    const std::size_t keep = std::min<std::size_t>(3, order.size());
    std::partial_sort(order.begin(), order.begin() + keep, order.end(),
                      [&](int a, int b) { return key(a) < key(b) || (key(a) == key(b) && a < b); });
    order.resize(keep);
    return order;
}

}  // namespace

std::string neighbor_scale(const NeighborSettings& settings) {
    switch (settings.method) {
        case NeighborMethod::ExpandUntilAdjacent:
            return "Expanded";
        case NeighborMethod::Adjacent:
            return "Adjacent";
        case NeighborMethod::WithinDistance:
            return std::to_string(settings.distance);
    }
    return "";
}

namespace {

// One line of scipy's Voronoi feature transform (ni_morphology.c _VoronoiFT, Maurer et al.
// 2003): `along` holds each element's site coordinate on the line (-1 = no site), `across` the
// squared offset of that site from the line. Returns, per element, the index of its nearest site,
// ties going to the earlier site exactly as scipy breaks them.
void voronoi_line(const std::vector<long>& along, const std::vector<long>& across,
                  std::vector<int>& nearest, std::vector<int>& stack) {
    const int length = static_cast<int>(along.size());
    int top = -1;
    for (int i = 0; i < length; ++i) {
        if (along[i] < 0) continue;
        while (top >= 1) {
            const int one = stack[top], two = stack[top - 1];
            const double a = double(along[one] - along[two]), b = double(along[i] - along[one]);
            const double c = a + b;
            if (c * across[one] - b * across[two] - a * across[i] - a * b * c <= 0) break;
            --top;
        }
        stack[++top] = i;
    }
    if (top < 0) {
        std::fill(nearest.begin(), nearest.begin() + length, -1);
        return;
    }
    int l = 0;
    for (int i = 0; i < length; ++i) {
        const auto delta = [&](int site) {
            const double t = double(along[stack[site]] - i);
            return t * t + double(across[stack[site]]);
        };
        double best = delta(l);
        while (l < top) {
            const double next = delta(l + 1);
            if (best <= next) break;
            best = next;
            ++l;
        }
        nearest[i] = stack[l];
    }
}

}  // namespace

cv::Mat expand_labels_to_nearest(const cv::Mat& labels) {
    const int rows = labels.rows, cols = labels.cols;
    // Pass along each column: the row of the nearest labelled pixel in that column.
    cv::Mat site_row(rows, cols, CV_32S, cv::Scalar(-1));
    std::vector<long> along(std::max(rows, cols)), across(along.size());
    std::vector<int> nearest(along.size()), stack(along.size());
    for (int x = 0; x < cols; ++x) {
        along.assign(rows, -1);
        across.assign(rows, 0);
        for (int y = 0; y < rows; ++y)
            if (labels.at<int>(y, x) != 0) along[y] = y;
        voronoi_line(along, across, nearest, stack);
        for (int y = 0; y < rows; ++y) site_row.at<int>(y, x) = nearest[y] < 0 ? -1 : nearest[y];
    }
    // Pass along each row over the column sites, each offset by its row distance.
    cv::Mat expanded(rows, cols, CV_32S, cv::Scalar(0));
    for (int y = 0; y < rows; ++y) {
        along.assign(cols, -1);
        across.assign(cols, 0);
        for (int x = 0; x < cols; ++x) {
            const int r = site_row.at<int>(y, x);
            if (r < 0) continue;
            along[x] = x;
            across[x] = long(r - y) * long(r - y);
        }
        voronoi_line(along, across, nearest, stack);
        for (int x = 0; x < cols; ++x) {
            if (nearest[x] < 0) continue;
            expanded.at<int>(y, x) = labels.at<int>(site_row.at<int>(y, nearest[x]), nearest[x]);
        }
    }
    return expanded;
}

namespace {

struct Closest {
    std::vector<double> first_distance, second_distance, angle;
};

// Closest distances and angle for every unfiltered object, over all unfiltered centres.
Closest closest_by_centre(const std::vector<cv::Point2d>& centres) {
    const int count = static_cast<int>(centres.size());
    Closest result{std::vector<double>(count, 0.0), std::vector<double>(count, 0.0),
                   std::vector<double>(count, 0.0)};
    std::vector<double> distances(count);
    for (int i = 0; i < count; ++i) {
        for (int j = 0; j < count; ++j)
            distances[j] = std::sqrt((centres[i].y - centres[j].y) * (centres[i].y - centres[j].y) +
                                     (centres[i].x - centres[j].x) * (centres[i].x - centres[j].x));
        const std::vector<int> order = three_closest(distances);
        const cv::Point2d first = centres[order[1]] - centres[i];
        result.first_distance[i] = std::sqrt(first.x * first.x + first.y * first.y);
        if (count < 3) continue;
        const cv::Point2d second = centres[order[2]] - centres[i];
        result.second_distance[i] = std::sqrt(second.x * second.x + second.y * second.y);
        const double dot = (first.x * second.x + first.y * second.y) /
                           std::sqrt((first.x * first.x + first.y * first.y) *
                                     (second.x * second.x + second.y * second.y));
        result.angle[i] = std::acos(dot) * 180.0 / kPi;
    }
    return result;
}

// First and second closest kept objects (kept numbering) by the centres of their unfiltered
// objects; 0 when there are too few objects (CellProfiler's lexsort of the distance matrix).
std::pair<std::vector<double>, std::vector<double>> closest_kept(
    const std::vector<cv::Point2d>& centres, const std::vector<int>& numbers) {
    const int kept = static_cast<int>(numbers.size());
    std::vector<double> first(kept, 0.0), second(kept, 0.0);
    if (kept <= 1) return {first, second};
    std::vector<int> order(kept);
    std::vector<double> distance(kept);
    for (int i = 0; i < kept; ++i) {
        if (numbers[i] == 0) continue;
        for (int j = 0; j < kept; ++j) {
            if (numbers[j] == 0) {
                distance[j] = INFINITY;
                continue;
            }
            const cv::Point2d d = centres[numbers[i] - 1] - centres[numbers[j] - 1];
            distance[j] = std::sqrt(d.y * d.y + d.x * d.x);
        }
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return distance[a] < distance[b]; });
        first[i] = order[1] + 1;
        if (kept > 2) second[i] = order[2] + 1;
    }
    return {first, second};
}

}  // namespace

Measurements measure_object_neighbors(const ObjectSet& kept, const cv::Mat& unfiltered,
                                      const NeighborSettings& settings) {
    double largest = 0;
    cv::minMaxLoc(unfiltered, nullptr, &largest);
    const int count = static_cast<int>(largest);
    const std::vector<int> numbers = match_to_unfiltered(kept, unfiltered);

    int distance = settings.distance;
    cv::Mat labels = unfiltered;
    if (settings.method == NeighborMethod::ExpandUntilAdjacent) {
        labels = expand_labels_to_nearest(unfiltered);
        distance = 1;
    } else if (settings.method == NeighborMethod::Adjacent) {
        distance = 1;
    }

    std::vector<double> neighbor_count(count, 0.0), touching(count, 0.0);
    Closest closest{std::vector<double>(count, 0.0), std::vector<double>(count, 0.0),
                    std::vector<double>(count, 0.0)};
    std::pair<std::vector<double>, std::vector<double>> closest_numbers{
        std::vector<double>(kept.count, 0.0), std::vector<double>(kept.count, 0.0)};
    if (count > 1) {
        const std::vector<cv::Point2d> centres = centres_of(unfiltered, count);
        closest = closest_by_centre(centres);
        closest_numbers = closest_kept(centres, numbers);

        const cv::Mat outlines = outline(labels);
        std::vector<double> perimeter(count + 1, 0.0);
        for (int y = 0; y < outlines.rows; ++y)
            for (int x = 0; x < outlines.cols; ++x) perimeter[outlines.at<int>(y, x)] += 1;

        const cv::Mat strel = disk_element(distance), strel_touching = disk_element(distance + 0.5);
        const std::vector<cv::Rect> boxes = grown_boxes(labels, count, distance);
        for (int number : numbers) {
            if (number == 0) continue;
            const cv::Rect box = boxes[number - 1];
            const cv::Mat patch = labels(box);
            const cv::Mat own = patch == number, others = (patch != 0) & (patch != number);
            const cv::Mat reach = dilate(own, strel);
            std::set<int> found;
            for (int y = 0; y < patch.rows; ++y)
                for (int x = 0; x < patch.cols; ++x) {
                    const int other = patch.at<int>(y, x);
                    if (reach.at<uchar>(y, x) && other != 0 && other != number) found.insert(other);
                }
            neighbor_count[number - 1] = static_cast<double>(found.size());

            const cv::Mat touch = dilate(others, strel_touching);
            double overlap = 0;
            for (int y = 0; y < patch.rows; ++y)
                for (int x = 0; x < patch.cols; ++x)
                    if (touch.at<uchar>(y, x) && outlines(box).at<int>(y, x) == number) ++overlap;
            touching[number - 1] = overlap * 100 / perimeter[number];
        }
    }

    const std::string scale = "_" + neighbor_scale(settings);
    Measurements result;
    for (const char* name : {"AngleBetweenNeighbors", "FirstClosestDistance",
                             "FirstClosestObjectNumber", "NumberOfNeighbors", "PercentTouching",
                             "SecondClosestDistance", "SecondClosestObjectNumber"}) {
        result.emplace_back(std::string("Neighbors_") + name + scale,
                            std::vector<double>(kept.count, kNaN));
    }
    for (int k = 0; k < kept.count; ++k) {
        const int number = numbers[k];
        if (number == 0) continue;  // an object without pixels: nothing to measure
        const int i = number - 1;
        const double values[] = {closest.angle[i],
                                 closest.first_distance[i],
                                 closest_numbers.first[k],
                                 neighbor_count[i],
                                 touching[i],
                                 closest.second_distance[i],
                                 closest_numbers.second[k]};
        for (std::size_t f = 0; f < result.size(); ++f) result[f].second[k] = values[f];
    }
    return result;
}

}  // namespace hcs::measure
