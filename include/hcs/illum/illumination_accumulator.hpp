// The running sum behind an "All: Across cycles" illumination function: images are added one at
// a time in image-number order, so memory does not grow with the number of images.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "hcs/core/image.hpp"
#include "hcs/illum/illumination_settings.hpp"

namespace hcs::illum {

class IlluminationAccumulator {
  public:
    explicit IlluminationAccumulator(const IlluminationSettings& settings);

    // Adds one image: Regular adds its pixels to a float32 sum (as CellProfiler does, so the
    // rounding matches); Background adds its block minima to a float64 sum. An image whose size
    // differs from the first one's is an InputError naming both files.
    void add(const ChannelImage& image);

    // The mean image, float32: sum / count computed in float64 and rounded once, as numpy
    // divides CellProfiler's float32 sum by its int32 count. Empty before the first add.
    cv::Mat average() const;

    std::size_t count() const { return files_.size(); }
    const std::vector<std::filesystem::path>& files() const { return files_; }

  private:
    IlluminationSettings settings_;
    cv::Mat sum_;
    std::vector<std::filesystem::path> files_;
};

}  // namespace hcs::illum
