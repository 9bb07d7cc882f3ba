// Nuclei as CellProfiler 5's IdentifyPrimaryObjects finds them: threshold, fill holes, declump
// (intensity or shape, dividing lines by intensity, shape or propagation), discard border and
// out-of-range objects, renumber.
#pragma once

#include <opencv2/core.hpp>

#include "hcs/segment/threshold.hpp"

namespace hcs::segment {

enum class DeclumpMethod { Intensity, Shape, None };
enum class DividingLines { Intensity, Shape, Propagate, None };
enum class FillHoles { AfterThresholdAndDeclumping, AfterDeclumping, Never };

struct PrimarySettings {
    int typical_diameter_min = 10;  // pixels
    int typical_diameter_max = 40;
    bool discard_outside_diameter = true;
    bool discard_border_objects = true;
    ThresholdSettings threshold;
    DeclumpMethod declump = DeclumpMethod::Intensity;
    DividingLines dividing_lines = DividingLines::Intensity;
    // "Use advanced settings?" = No in CellProfiler 5: the threshold and declumping settings are
    // replaced by the automatic ones (see the fixture READMEs).
    bool use_advanced_settings = true;
    bool automatic_smoothing = true;  // filter size from typical_diameter_min
    double smoothing_filter_size = 10;
    bool automatic_maxima_suppression = true;
    double maxima_suppression_size = 7;
    bool low_resolution_maxima = true;  // "Speed up by using lower-resolution image..."
    FillHoles fill_holes = FillHoles::AfterThresholdAndDeclumping;
};

struct PrimaryResult {
    cv::Mat labels;                // CV_32S final nuclei 1..N (CellProfiler's numbering)
    cv::Mat unedited_labels;       // after declumping, before size and border filters
    cv::Mat small_removed_labels;  // after the size filter only (border objects kept)
    int count = 0;
    ThresholdResult threshold;
};

PrimaryResult identify_primary(const cv::Mat& image, const PrimarySettings& settings);

}  // namespace hcs::segment
