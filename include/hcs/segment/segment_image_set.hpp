// One image set through segmentation, as CellProfiler's pipeline runs it: read the channels,
// divide by their illumination functions if the config names any, find nuclei
// (IdentifyPrimaryObjects), grow cells from them (IdentifySecondaryObjects), subtract nuclei
// from cells (IdentifyTertiaryObjects), and collect the image figures.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include "hcs/core/image.hpp"
#include "hcs/core/image_set.hpp"
#include "hcs/segment/segment_settings.hpp"
#include "hcs/segment/segmentation_file.hpp"

namespace hcs::segment {

// Channel name -> illumination function (CV_32F, every value > 0), with the file it came from.
struct IlluminationFunction {
    std::filesystem::path path;
    cv::Mat function;
};
using IlluminationFunctions = std::map<std::string, IlluminationFunction>;

// Reads the functions /illum/functions names for one plate ("{plate}" in a path becomes
// `plate`, as hcs-illum names its files): a float TIFF (as hcs-illum and CellProfiler's
// CorrectIlluminationCalculate save it), any image OpenCV reads, or an HDF5 file holding a
// dataset named after the channel under /functions (hcs-illum's illum/<plate>.h5) or at its
// root. InputError naming the file when it is unreadable or holds a value <= 0.
IlluminationFunctions read_illumination_functions(const SegmentSettings& settings,
                                                  const std::string& plate = "");

// ILLUMINATION CORRECTION HOOK (CellProfiler's CorrectIlluminationApply, "Divide", with values
// below 0 set to 0 and above 1 set to 1): pixels /= function, then clipped to 0..1. The function
// must have the image's size; InputError naming both files otherwise.
void correct_illumination(ChannelImage& channel, const IlluminationFunction& function);

// Reads every channel of the image set with the configured camera bit depth. InputError naming
// the file for a missing or unreadable one, naming both files when two channels differ in size,
// and naming the channel when the nuclei or cells channel is absent.
std::map<std::string, ChannelImage> read_channels(const ImageSet& image_set,
                                                  const SegmentSettings& settings);

// Throws InputError naming the manifest's column (FileName_<channel>, or the config's column map)
// or, for a folder scan (`manifest` empty), the channel, when the nuclei or cells channel the
// config names is in none of the image sets: a whole-run failure, nothing written.
void check_channels_present(const std::vector<ImageSet>& image_sets,
                            const SegmentSettings& settings, const nlohmann::json& config,
                            const std::filesystem::path& manifest);

// Segments the channels as read: image-quality figures from the raw channels, then each channel
// with a function divided by it (correct_illumination), then nuclei, cells and cytoplasm.
// `config` is the effective configuration, recorded in the provenance with the input files, the
// intensity scaling and the illumination correction.
Segmentation segment_channels(const ImageSet& image_set,
                              const std::map<std::string, ChannelImage>& channels,
                              const SegmentSettings& settings,
                              const IlluminationFunctions& illumination,
                              const nlohmann::json& config);

// read_channels, then segment_channels.
Segmentation segment_image_set(const ImageSet& image_set, const SegmentSettings& settings,
                               const IlluminationFunctions& illumination,
                               const nlohmann::json& config);

}  // namespace hcs::segment
