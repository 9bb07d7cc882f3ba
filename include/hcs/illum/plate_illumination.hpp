// One illumination function per channel from all image sets of a plate: CellProfiler's
// CorrectIlluminationCalculate in "All: Across cycles" mode, grouped by plate.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "hcs/core/image_set.hpp"
#include "hcs/illum/illumination_settings.hpp"

namespace hcs::illum {

struct PlateIllumination {
    std::string plate;
    IlluminationSettings settings;
    double filter_size = 0;                                  // smoothing filter size used
    std::map<std::string, cv::Mat> functions;                // channel -> CV_32F function
    std::map<std::string, std::vector<std::string>> images;  // channel -> files, in order
    std::string intensity_scaling;                           // rule of the first image
};

// Image sets grouped by plate, each group in the order given (plate, well, site).
std::map<std::string, std::vector<ImageSet>> group_by_plate(const std::vector<ImageSet>& sets);

// Reads every image of the plate's image sets (in parallel, a batch of `threads` image sets at a
// time) and adds them to one running sum per channel in image-number order, then finishes each
// function. Memory holds one batch of images and one sum per channel, whatever the plate's size.
// InputError (one line naming the file or image set) for: no image sets; an image set lacking
// one of the channels of the first; images of different sizes; an unreadable image.
PlateIllumination compute_plate_illumination(const std::string& plate,
                                             const std::vector<ImageSet>& image_sets,
                                             const IlluminationSettings& settings,
                                             int camera_bit_depth = 0, int threads = 0);

}  // namespace hcs::illum
