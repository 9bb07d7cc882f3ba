// Correcting an image with an illumination function as CellProfiler's CorrectIlluminationApply
// does with "Divide": pixels divided by the function, then clipped to 0..1.
#pragma once

#include <string>

#include <opencv2/core.hpp>

#include "hcs/core/image.hpp"

namespace hcs::illum {

// Divides CV_32F `pixels` in place by the CV_32F `function` (float32 division), then sets
// values below 0 to 0 and above 1 to 1 (CorrectIlluminationApply's "truncate" defaults).
// InputError when the sizes differ.
void apply_illumination(cv::Mat& pixels, const cv::Mat& function);

// The same for an image read from a file, with an error naming the image and the function file.
void apply_illumination(ChannelImage& image, const cv::Mat& function,
                        const std::string& function_file);

}  // namespace hcs::illum
