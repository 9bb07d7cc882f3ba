// Reading microscope images and label images: TIFF through libtiff, everything else through
// OpenCV. Every failure is an InputError naming the file.
#pragma once

#include <filesystem>

#include <opencv2/core.hpp>

#include "hcs/core/image.hpp"

namespace hcs {

// Reads one grey-scale image and scales it to 0..1: an 8-bit file by 255, a 16-bit file by 65535,
// or by 2^camera_bit_depth - 1 when camera_bit_depth > 0 (a 12-bit camera writing 16-bit files).
// Floating-point TIFFs are taken as they are. Multi-page TIFFs and colour images are refused.
ChannelImage read_image(const std::filesystem::path& path, int camera_bit_depth = 0);

// Reads a label image (0 = background, 1..N = objects) as CV_32S. Integer TIFF, PNG or BMP only;
// a floating-point file or a value above 2^31 - 1 is refused.
cv::Mat read_labels(const std::filesystem::path& path);

// The raw samples of a single-page grey TIFF, in their own type (CV_8U, CV_16U, CV_32S, CV_32F,
// CV_64F), with palettes that are a grey ramp mapped to their grey level.
cv::Mat read_tiff_raw(const std::filesystem::path& path);

}  // namespace hcs
