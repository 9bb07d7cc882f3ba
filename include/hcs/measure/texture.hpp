// Haralick texture features (13 features x 4 directions per scale) as CellProfiler's
// MeasureTexture computes them through mahotas.features.haralick: grey levels requantised from
// the 8-bit range, objects measured on their bounding box with zero-valued pixels ignored.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "hcs/measure/object_set.hpp"

namespace hcs::measure {

struct TextureSettings {
    std::vector<int> scales{3};  // pixel distances of the co-occurrence pairs
    int gray_levels = 256;       // 2..256, CellProfiler's "gray levels to measure the texture at"
};

// The 13 features in CellProfiler's order and spelling (Texture_<name>_...).
constexpr int kHaralickFeatureCount = 13;
extern const std::array<const char*, kHaralickFeatureCount> kHaralickFeatureNames;

// Haralick features of one grey-level image for the 4 directions at distance `scale`.
// `levels` is CV_8U. With ignore_zeros, pairs involving level 0 are dropped (mahotas).
// Returns 4 rows of 13 values; a direction without any pair makes every value NaN (see docs).
std::array<std::array<double, kHaralickFeatureCount>, 4> haralick_features(const cv::Mat& levels,
                                                                           int scale,
                                                                           bool ignore_zeros);

// Requantises a CV_32F 0..1 image to grey levels as CellProfiler does: rint(x * 255) in float32
// (skimage img_as_ubyte), then, when gray_levels != 256, floor(v / 255 * (gray_levels - 1)).
cv::Mat texture_grey_levels(const cv::Mat& image, int gray_levels);

// Per-object features "Texture_<Feature>_<channel>_<scale>_<direction 00..03>_<gray levels>".
Measurements measure_texture(const ObjectSet& objects, const cv::Mat& image,
                             const std::string& channel, const TextureSettings& settings);

// Whole-image features with the same names (zero pixels are not ignored, as CellProfiler).
Measurements measure_image_texture(const cv::Mat& image, const std::string& channel,
                                   const TextureSettings& settings);

}  // namespace hcs::measure
