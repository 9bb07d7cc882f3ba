// Per-object intensity features following CellProfiler's MeasureObjectIntensity
// (cellprofiler_library measureobjectintensity): sums in float64 over float32 pixels in raster
// order, edge = inner boundary (skimage find_boundaries mode "inner"), CellProfiler's quantiles.

#include "hcs/measure/intensity.hpp"

#include "hcs/measure/numpy_argsort.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace hcs::measure {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// CellProfiler takes the MAD as the quantile 1 / (image dimensions) of |x - median|: for 2-D
// images the median of the absolute deviations from its own (interpolated) median.
constexpr double kMadFraction = 1.0 / 2.0;

// Columns of Location_MaxIntensity_X and _Y among the 21 features below.
constexpr std::size_t kMaxXColumn = 18, kMaxYColumn = 19;

// The five plain statistics of a list of pixel values (raster order).
struct Summary {
    double integrated = kNaN, mean = kNaN, std = kNaN, minimum = kNaN, maximum = kNaN;
};

Summary summarise(const std::vector<double>& values) {
    Summary summary;
    if (values.empty()) return summary;
    double sum = 0;
    for (double value : values) sum += value;
    summary.integrated = sum;
    summary.mean = sum / static_cast<double>(values.size());
    double squares = 0;
    for (double value : values) squares += (value - summary.mean) * (value - summary.mean);
    summary.std = std::sqrt(squares / static_cast<double>(values.size()));
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    summary.minimum = *low;
    summary.maximum = *high;
    return summary;
}

// cellprofiler_quantile of values not yet sorted: only the two order statistics it reads are
// put in place (nth_element), which is all the MAD needs.
double quantile_unsorted(std::vector<double>& values, double fraction) {
    if (values.empty()) return kNaN;
    const double position = static_cast<double>(values.size()) * fraction;
    const double below = std::floor(position);
    const auto index = std::min(static_cast<std::size_t>(below), values.size() - 1);
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index),
                     values.end());
    if (index + 1 >= values.size()) return values[index];
    const double next =
        *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(index) + 1, values.end());
    const double weight = position - below;
    return values[index] * (1 - weight) + next * weight;
}

// A pixel is on the inner edge when one of its 4-neighbours inside the image holds another
// label (skimage find_boundaries, mode "inner": grey dilation != erosion, edges reflected).
bool on_inner_edge(const cv::Mat& labels, int x, int y, int label) {
    if (x > 0 && labels.at<int>(y, x - 1) != label) return true;
    if (x + 1 < labels.cols && labels.at<int>(y, x + 1) != label) return true;
    if (y > 0 && labels.at<int>(y - 1, x) != label) return true;
    if (y + 1 < labels.rows && labels.at<int>(y + 1, x) != label) return true;
    return false;
}

// Every feature of one object, in the order of the names below.
std::vector<double> measure_one(const cv::Mat& labels, const cv::Mat& image, cv::Rect box,
                                int label, bool& tied_maximum) {
    std::vector<double> values, edge_values;
    values.reserve(static_cast<std::size_t>(box.area()));
    edge_values.reserve(static_cast<std::size_t>(2 * (box.width + box.height)));
    double sum_x = 0, sum_y = 0, weighted_x = 0, weighted_y = 0;
    double best = -std::numeric_limits<double>::infinity();
    int best_x = 0, best_y = 0;
    for (int y = box.y; y < box.y + box.height; ++y) {
        const int* label_row = labels.ptr<int>(y);
        const float* pixel_row = image.ptr<float>(y);
        for (int x = box.x; x < box.x + box.width; ++x) {
            if (label_row[x] != label || !std::isfinite(pixel_row[x])) continue;
            const double value = pixel_row[x];
            values.push_back(value);
            sum_x += x;
            sum_y += y;
            weighted_x += static_cast<double>(x) * value;
            weighted_y += static_cast<double>(y) * value;
            if (value == best) tied_maximum = true;
            if (value > best) {  // the only maximum so far; ties are settled by the caller
                best = value;
                best_x = x;
                best_y = y;
                tied_maximum = false;
            }
            if (on_inner_edge(labels, x, y, label)) edge_values.push_back(value);
        }
    }
    const Summary whole = summarise(values);
    const Summary edge = summarise(edge_values);
    if (values.empty()) return std::vector<double>(21, kNaN);

    const double count = static_cast<double>(values.size());
    const double center_x = sum_x / count, center_y = sum_y / count;
    const double mass_x = weighted_x / whole.integrated, mass_y = weighted_y / whole.integrated;
    const double displacement = std::sqrt((center_x - mass_x) * (center_x - mass_x) +
                                          (center_y - mass_y) * (center_y - mass_y));

    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const double median = cellprofiler_quantile(sorted, 0.5);
    std::vector<double> deviations(sorted.size());
    for (std::size_t i = 0; i < sorted.size(); ++i) deviations[i] = std::abs(sorted[i] - median);

    return {whole.integrated,
            whole.mean,
            whole.std,
            whole.minimum,
            whole.maximum,
            edge.integrated,
            edge.mean,
            edge.std,
            edge.minimum,
            edge.maximum,
            displacement,
            cellprofiler_quantile(sorted, 0.25),
            median,
            quantile_unsorted(deviations, kMadFraction),
            cellprofiler_quantile(sorted, 0.75),
            mass_x,
            mass_y,
            0.0,
            static_cast<double>(best_x),
            static_cast<double>(best_y),
            0.0};
}

// Where scipy.ndimage.maximum_position puts each object's maximum when values tie: it sorts
// all labelled pixels (raster order) with NumPy's argsort and keeps, per label, the last one.
std::vector<cv::Point> maximum_positions_as_scipy(const cv::Mat& labels, const cv::Mat& image,
                                                  int count) {
    std::vector<double> values;  // float32 pixels, exactly representable: same order as NumPy's
    std::vector<cv::Point> where;
    std::vector<int> owner;
    for (int y = 0; y < labels.rows; ++y) {
        const int* label_row = labels.ptr<int>(y);
        const float* pixel_row = image.ptr<float>(y);
        for (int x = 0; x < labels.cols; ++x) {
            if (label_row[x] <= 0) continue;
            values.push_back(pixel_row[x]);
            where.emplace_back(x, y);
            owner.push_back(label_row[x]);
        }
    }
    std::vector<cv::Point> positions(static_cast<std::size_t>(count) + 1);
    for (std::int64_t index : numpy_argsort(values)) positions[owner[index]] = where[index];
    return positions;
}

}  // namespace

double cellprofiler_quantile(const std::vector<double>& sorted, double fraction) {
    if (sorted.empty()) return kNaN;
    const double position = static_cast<double>(sorted.size()) * fraction;
    const double below = std::floor(position);
    const auto index = static_cast<std::size_t>(below);
    if (index + 1 >= sorted.size()) return sorted[std::min(index, sorted.size() - 1)];
    const double weight = position - below;
    return sorted[index] * (1 - weight) + sorted[index + 1] * weight;
}

Measurements measure_intensity(const ObjectSet& objects, const cv::Mat& image,
                               const std::string& channel) {
    assert(image.type() == CV_32F && image.size() == objects.labels.size());
    static const char* const kIntensityNames[] = {
        "IntegratedIntensity", "MeanIntensity",    "StdIntensity",
        "MinIntensity",        "MaxIntensity",     "IntegratedIntensityEdge",
        "MeanIntensityEdge",   "StdIntensityEdge", "MinIntensityEdge",
        "MaxIntensityEdge",    "MassDisplacement", "LowerQuartileIntensity",
        "MedianIntensity",     "MADIntensity",     "UpperQuartileIntensity"};
    static const char* const kLocationNames[] = {"CenterMassIntensity_X", "CenterMassIntensity_Y",
                                                 "CenterMassIntensity_Z", "MaxIntensity_X",
                                                 "MaxIntensity_Y",        "MaxIntensity_Z"};

    Measurements result;
    for (const char* name : kIntensityNames) {
        result.emplace_back(std::string("Intensity_") + name + "_" + channel,
                            std::vector<double>(static_cast<std::size_t>(objects.count), kNaN));
    }
    for (const char* name : kLocationNames) {
        result.emplace_back(std::string("Location_") + name + "_" + channel,
                            std::vector<double>(static_cast<std::size_t>(objects.count), kNaN));
    }

    bool any_tie = false;
    for (int label = 1; label <= objects.count; ++label) {
        const cv::Rect box = objects.boxes[static_cast<std::size_t>(label - 1)];
        if (box.empty()) continue;
        bool tied = false;
        const std::vector<double> values = measure_one(objects.labels, image, box, label, tied);
        any_tie = any_tie || tied;
        for (std::size_t k = 0; k < values.size(); ++k) {
            result[k].second[static_cast<std::size_t>(label - 1)] = values[k];
        }
    }

    // Ties for the maximum (frequent in 8-bit images) need scipy's pick, one sort per image.
    if (any_tie) {
        const auto positions = maximum_positions_as_scipy(objects.labels, image, objects.count);
        for (int label = 1; label <= objects.count; ++label) {
            if (objects.boxes[static_cast<std::size_t>(label - 1)].empty()) continue;
            result[kMaxXColumn].second[label - 1] = positions[label].x;
            result[kMaxYColumn].second[label - 1] = positions[label].y;
        }
    }
    return result;
}

}  // namespace hcs::measure
