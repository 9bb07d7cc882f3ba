// One channel of one field of view, with intensities scaled to 0..1 as CellProfiler scales them,
// and the rule that scaled it (recorded in every output).
#pragma once

#include <filesystem>
#include <string>

#include <opencv2/core.hpp>

namespace hcs {

struct IntensityScaling {
    // Value the raw integer is divided by (255, 4095, 65535); 1 for floating-point files.
    double divisor = 1.0;
    // Human-readable rule, for example "raw/255 (8-bit)".
    std::string rule;
};

struct ChannelImage {
    std::filesystem::path path;
    // CV_32F, 0..1. CellProfiler computes k/divisor in float64 and rounds to float32.
    cv::Mat pixels;
    IntensityScaling scaling;
};

}  // namespace hcs
