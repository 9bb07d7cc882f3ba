// Nuclei as CellProfiler 5's IdentifyPrimaryObjects finds them (cellprofiler_library
// modules/_identifyprimaryobjects.py): threshold, fill holes, label, declump, drop border and
// out-of-range objects, fill holes again, renumber.
#include <chrono>
#include <cmath>
#include <vector>

#include <spdlog/spdlog.h>

#include "hcs/segment/declump.hpp"
#include "hcs/segment/fill_holes.hpp"
#include "hcs/segment/identify_primary.hpp"
#include "hcs/segment/label_components.hpp"

namespace hcs::segment {
namespace {

// "Use advanced settings?" = No: the threshold smoothing scale CellProfiler applies whatever the
// setting reads, and the diameter above which the low-resolution maxima search is used.
constexpr double kAutomaticSmoothingScale = 1.0;
constexpr int kAutomaticLowResolutionDiameter = 10;

// The settings CellProfiler actually applies: with advanced settings off, global minimum
// cross-entropy (smoothing scale 1, no log transform) and automatic intensity declumping replace
// the user's; the correction factor and the bounds stay (threshold(automatic=True)).
PrimarySettings effective_settings(const PrimarySettings& settings) {
    if (settings.use_advanced_settings) return settings;
    PrimarySettings automatic = settings;
    automatic.threshold.log_transform = false;
    automatic.threshold.method = ThresholdMethod::MinimumCrossEntropy;
    automatic.threshold.smoothing_scale = kAutomaticSmoothingScale;
    automatic.declump = DeclumpMethod::Intensity;
    automatic.dividing_lines = DividingLines::Intensity;
    automatic.fill_holes = FillHoles::AfterThresholdAndDeclumping;
    automatic.automatic_smoothing = true;
    automatic.automatic_maxima_suppression = true;
    automatic.low_resolution_maxima =
        settings.typical_diameter_min > kAutomaticLowResolutionDiameter;
    return automatic;
}

// Labels of objects with a pixel on the image edge set to 0 (object_processing.filter_on_border).
cv::Mat without_border_objects(const cv::Mat& labels) {
    double maximum = 0;
    cv::minMaxLoc(labels, nullptr, &maximum);
    std::vector<unsigned char> on_border(static_cast<std::size_t>(maximum) + 1, 0);
    for (int column = 0; column < labels.cols; ++column) {
        on_border[labels.at<int>(0, column)] = 1;
        on_border[labels.at<int>(labels.rows - 1, column)] = 1;
    }
    for (int row = 0; row < labels.rows; ++row) {
        on_border[labels.at<int>(row, 0)] = 1;
        on_border[labels.at<int>(row, labels.cols - 1)] = 1;
    }
    on_border[0] = 1;
    cv::Mat kept = labels.clone();
    int* label = kept.ptr<int>();
    for (std::size_t i = 0, end = kept.total(); i < end; ++i) {
        if (on_border[label[i]]) label[i] = 0;
    }
    return kept;
}

// object_processing.filter_on_size: objects below pi * Dmin^2 / 4 pixels go; with
// `drop_large`, those above pi * Dmax^2 / 4 too.
cv::Mat without_out_of_range(const cv::Mat& labels, int diameter_min, int diameter_max,
                             bool drop_large) {
    double maximum = 0;
    cv::minMaxLoc(labels, nullptr, &maximum);
    std::vector<long> area(static_cast<std::size_t>(maximum) + 1, 0);
    const int* source = labels.ptr<int>();
    for (std::size_t i = 0, end = labels.total(); i < end; ++i) ++area[source[i]];
    const double smallest = M_PI * diameter_min * diameter_min / 4.0;
    const double largest = M_PI * diameter_max * diameter_max / 4.0;
    std::vector<int> new_label(area.size(), 0);
    for (std::size_t object = 1; object < area.size(); ++object) {
        const bool dropped = area[object] < smallest || (drop_large && area[object] > largest);
        new_label[object] = dropped ? 0 : static_cast<int>(object);
    }
    cv::Mat kept(labels.size(), CV_32S);
    int* label = kept.ptr<int>();
    for (std::size_t i = 0, end = labels.total(); i < end; ++i) label[i] = new_label[source[i]];
    return kept;
}

}  // namespace

PrimaryResult identify_primary(const cv::Mat& image, const PrimarySettings& user_settings) {
    CV_Assert(image.type() == CV_32F);
    const auto start = std::chrono::steady_clock::now();
    const PrimarySettings settings = effective_settings(user_settings);
    PrimaryResult result;

    // Threshold; holes smaller than Dmax^2 pixels filled before labelling.
    result.threshold = compute_threshold(image, settings.threshold);
    cv::Mat foreground = result.threshold.foreground;
    if (settings.fill_holes == FillHoles::AfterThresholdAndDeclumping) {
        const long limit =
            static_cast<long>(settings.typical_diameter_max) * settings.typical_diameter_max;
        foreground = fill_labeled_holes(foreground, limit) > 0;
    }
    const cv::Mat clumps = label_components(foreground, 8);

    // Declump; these labels are CellProfiler's "unedited" objects.
    const DeclumpResult declumped = separate_neighboring_objects(image, clumps, settings);
    result.unedited_labels = declumped.labels;

    // Border and size filters, the final hole fill, consecutive numbering.
    cv::Mat labels = settings.discard_border_objects ? without_border_objects(declumped.labels)
                                                     : declumped.labels.clone();
    if (settings.discard_outside_diameter) {
        result.small_removed_labels = without_out_of_range(labels, settings.typical_diameter_min,
                                                           settings.typical_diameter_max, false);
        labels = without_out_of_range(labels, settings.typical_diameter_min,
                                      settings.typical_diameter_max, true);
    } else {
        result.small_removed_labels = labels.clone();
    }
    if (settings.fill_holes != FillHoles::Never) labels = fill_labeled_holes(labels);
    result.labels = relabel_consecutively(labels, &result.count);

    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    spdlog::debug("nuclei: threshold {:.6f}, {} objects, {:.3f} s",
                  result.threshold.final_threshold, result.count, seconds);
    return result;
}

}  // namespace hcs::segment
