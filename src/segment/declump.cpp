// Declumping of IdentifyPrimaryObjects (cellprofiler_library object_processing
// .separate_neighboring_objects): smoothing, maxima of intensity or of a noisy distance map,
// then a watershed (1 - image, or the inverted distance) or propagation from the maxima.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <vector>

#include "hcs/core/distance_transform.hpp"
#include "hcs/segment/declump.hpp"
#include "hcs/segment/declump_maxima.hpp"
#include "hcs/segment/fill_holes.hpp"
#include "hcs/segment/label_components.hpp"
#include "hcs/segment/marker_watershed.hpp"
#include "hcs/segment/seeded_noise.hpp"
#include "hcs/segment/separable_filter.hpp"

namespace hcs::segment {
namespace {

// CellProfiler's automatic declumping rules (identifyprimaryobjects, separate_neighboring_objects).
constexpr double kFilterSizePerDiameter = 2.35 / 3.5;  // smoothing filter = 2.35 * Dmin / 3.5
constexpr double kFilterSizeToSigma = 1.0 / 2.35;
constexpr double kLowResolutionDiameter = 10.0;  // resize factor 10 / Dmin when Dmin > 10
constexpr double kAutomaticSuppressionLowResolution = 7.0;
constexpr double kDiameterToSuppression = 1.0 / 1.5;  // suppression = Dmin / 1.5
// Shape declumping breaks ties of the distance map with uniform noise in [0, 0.001) after
// numpy.random.seed(0).
constexpr unsigned kNoiseSeed = 0;
constexpr double kNoiseAmplitude = 0.001;

// Propagation from the seeds within the mask on a flat image: centrosome.propagate with a zero
// image and weight 1, where a step costs sqrt(city-block length) (1 or sqrt 2) and a pixel takes
// the label of the seed nearest along such paths ("Propagate" dividing lines). Ties go to the
// lower label, then the lower position, as centrosome's heap of (distance, label, i, j) orders.
cv::Mat propagate_on_flat_image(const cv::Mat& seeds, const cv::Mat& mask) {
    struct Step {
        double distance;
        int label;
        int index;
        bool operator>(const Step& other) const {
            if (distance != other.distance) return distance > other.distance;
            if (label != other.label) return label > other.label;
            return index > other.index;
        }
    };
    const int rows = seeds.rows, columns = seeds.cols;
    cv::Mat labels = cv::Mat::zeros(seeds.size(), CV_32S);
    int* label = labels.ptr<int>();
    const int* seed = seeds.ptr<int>();
    const unsigned char* inside = mask.ptr<unsigned char>();
    std::priority_queue<Step, std::vector<Step>, std::greater<Step>> heap;
    for (int index = 0; index < rows * columns; ++index) {
        if (seed[index] != 0 && inside[index]) heap.push({0.0, seed[index], index});
    }
    const double diagonal = std::sqrt(2.0);
    while (!heap.empty()) {
        const Step step = heap.top();
        heap.pop();
        if (label[step.index] != 0) continue;
        label[step.index] = step.label;
        const int row = step.index / columns, column = step.index % columns;
        for (int dy = -1; dy <= 1; ++dy) {
            for (int dx = -1; dx <= 1; ++dx) {
                const int r = row + dy, c = column + dx;
                if ((!dx && !dy) || r < 0 || r >= rows || c < 0 || c >= columns) continue;
                const int neighbour = r * columns + c;
                if (label[neighbour] != 0 || !inside[neighbour]) continue;
                heap.push({step.distance + (dx && dy ? diagonal : 1.0), step.label, neighbour});
            }
        }
    }
    for (int index = 0; index < rows * columns; ++index) {
        if (seed[index] != 0) label[index] = seed[index];
    }
    return labels;
}

}  // namespace

cv::Mat euclidean_distance_map(const cv::Mat& mask) {
    cv::Mat distance = squared_distance_transform(mask);
    for (int row = 0; row < distance.rows; ++row) {
        double* line = distance.ptr<double>(row);
        // A mask without any zero pixel has no nearest background: scipy then measures from
        // the point (-1, -1) just outside the first corner, and so does this.
        for (int column = 0; column < distance.cols; ++column)
            line[column] = std::isinf(line[column]) ? std::hypot(row + 1.0, column + 1.0)
                                                    : std::sqrt(line[column]);
    }
    return distance;
}

cv::Mat declump_smoothed_image(const cv::Mat& image, double filter_size) {
    if (filter_size == 0) return image.clone();
    const double sigma = filter_size * kFilterSizeToSigma;
    const int half = std::max(static_cast<int>(filter_size / 2.0), 1);
    std::vector<double> kernel(2 * half + 1);
    for (int k = -half; k <= half; ++k) {
        kernel[k + half] =
            1.0 / std::sqrt(2.0 * M_PI) / sigma * std::exp(-0.5 * k * k / (sigma * sigma));
    }
    // The smoothed all-ones image that corrects the edge: separable, so the product of the
    // kernel mass inside the image along each axis.
    const cv::Mat edge = correlate_separable_ones(image.size(), kernel);
    const cv::Mat smoothed = correlate_separable<float>(image, kernel);
    cv::Mat blurred(image.size(), CV_32F);
    for (int row = 0; row < image.rows; ++row) {
        const float* numerator = smoothed.ptr<float>(row);
        const double* denominator = edge.ptr<double>(row);
        float* out = blurred.ptr<float>(row);
        for (int column = 0; column < image.cols; ++column) {
            out[column] = static_cast<float>(numerator[column] / denominator[column]);
        }
    }
    return blurred;
}

DeclumpResult separate_neighboring_objects(const cv::Mat& image, const cv::Mat& clumps,
                                           const PrimarySettings& settings) {
    DeclumpResult result;
    const double minimum_diameter = settings.typical_diameter_min;
    if (settings.declump == DeclumpMethod::None || settings.dividing_lines == DividingLines::None) {
        result.labels = clumps.clone();
        result.seeds = cv::Mat::zeros(clumps.size(), CV_32S);
        return result;
    }

    // Maxima suppression and the optional lower-resolution search.
    double resize_factor = 1.0;
    double suppression = settings.maxima_suppression_size;
    if (minimum_diameter > kLowResolutionDiameter && settings.low_resolution_maxima) {
        resize_factor = kLowResolutionDiameter / minimum_diameter;
        suppression = settings.automatic_maxima_suppression ? kAutomaticSuppressionLowResolution
                                                            : suppression * resize_factor + 0.5;
    } else if (settings.automatic_maxima_suppression) {
        suppression = minimum_diameter * kDiameterToSuppression;
    }
    result.maxima_suppression_size = suppression;
    const double disk_radius = std::max(1.0, suppression - 0.5);

    // Seeds: maxima of the smoothed intensity, or of the distance map made unique by noise.
    cv::Mat distance;
    cv::Mat maxima;
    if (settings.declump == DeclumpMethod::Intensity) {
        const double filter_size = settings.automatic_smoothing
                                       ? kFilterSizePerDiameter * minimum_diameter
                                       : settings.smoothing_filter_size;
        cv::Mat blurred;
        declump_smoothed_image(image, filter_size).convertTo(blurred, CV_64F);
        maxima = declump_maxima(blurred, clumps, disk_radius, resize_factor);
    } else {
        const cv::Mat foreground =
            settings.fill_holes == FillHoles::Never ? fill_labeled_holes(clumps) > 0 : clumps > 0;
        distance = euclidean_distance_map(foreground) +
                   numpy_seeded_uniform(image.rows, image.cols, kNoiseSeed, 0.0, kNoiseAmplitude);
        maxima = declump_maxima(distance, clumps, disk_radius, resize_factor);
    }
    result.seeds = label_components(maxima, 8);

    // Dividing lines.
    const cv::Mat inside = clumps != 0;
    if (settings.dividing_lines == DividingLines::Propagate) {
        result.labels = propagate_on_flat_image(result.seeds, inside);
        return result;
    }
    cv::Mat surface;
    if (settings.dividing_lines == DividingLines::Intensity) {
        cv::Mat inverted = 1.0f - image;  // float32 arithmetic, as CellProfiler's 1 - image
        inverted.convertTo(surface, CV_64F);
    } else {
        if (distance.empty()) distance = euclidean_distance_map(inside);
        double lowest = 0;
        cv::minMaxLoc(-distance, &lowest);
        surface = -distance - lowest;
    }
    result.labels = marker_watershed(surface, result.seeds, inside);
    return result;
}

}  // namespace hcs::segment
