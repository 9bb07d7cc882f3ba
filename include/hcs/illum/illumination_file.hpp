// Illumination function files: <plate>.h5 with every channel's function, its settings and the
// images it came from, and <plate>_<channel>.tif (32-bit float TIFF) per channel.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include "hcs/illum/plate_illumination.hpp"

namespace hcs::illum {

// Writes a CV_32F image as a single-page 32-bit float TIFF (Deflate), with `description` in
// the ImageDescription tag. Not atomic by itself; callers wrap it in write_atomically.
void write_float_tiff(const std::filesystem::path& path, const cv::Mat& pixels,
                      const std::string& description);

// The record kept with each function: provenance (version, configuration, inputs, scaling),
// settings, filter size, plate, channel and image files.
nlohmann::json illumination_record(const PlateIllumination& plate, const std::string& channel,
                                   const nlohmann::json& provenance);

// Writes <folder>/<plate>.h5 and <folder>/<plate>_<channel>.tif, each atomically; returns the
// paths written. HDF5 layout: /functions/<channel> (float32), /images/<channel> (strings),
// root attributes "plate", "settings", "filter_size", "provenance" (JSON text).
std::vector<std::filesystem::path> write_plate_illumination(const std::filesystem::path& folder,
                                                            const PlateIllumination& plate,
                                                            const nlohmann::json& provenance);

// Reads one illumination function as CV_32F: from a .h5 file written above (`channel` names
// the dataset; it may be omitted when the file holds one channel), or from any single-page
// float TIFF (CellProfiler's saved functions included). InputError naming the file otherwise.
cv::Mat read_illumination_function(const std::filesystem::path& path,
                                   const std::string& channel = "");

// The function file the config names for a channel: "illum": {"functions": {"<channel>":
// "<path>"}}, with "{plate}" in the path replaced by the plate. Empty when none is configured
// (correction off for that channel).
std::filesystem::path configured_function_path(const nlohmann::json& config,
                                               const std::string& channel,
                                               const std::string& plate = "");

}  // namespace hcs::illum
