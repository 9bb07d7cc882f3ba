// The settings of the hcs-segment stage, read from the "segment", "image" and "illum" sections of
// the effective JSON config. Setting names and defaults follow CellProfiler 5's
// IdentifyPrimaryObjects, IdentifySecondaryObjects and IdentifyTertiaryObjects.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "hcs/segment/identify_primary.hpp"
#include "hcs/segment/identify_secondary.hpp"

namespace hcs::segment {

struct SegmentSettings {
    std::string nuclei_channel = "DNA";       // /image/channels/nuclei
    std::string cells_channel = "GFP";        // /image/channels/cells
    int camera_bit_depth = 0;                 // /image/camera_bit_depth (0 = the file's own)
    PrimarySettings nuclei;                   // /segment/nuclei
    SecondarySettings cells;                  // /segment/cells
    bool shrink_nuclei_for_cytoplasm = true;  // /segment/cytoplasm/shrink_nuclei
    // /illum/functions: channel -> illumination function file each image is divided by.
    std::map<std::string, std::filesystem::path> illumination_functions;
};

// Reads the settings from an effective config (defaults already merged in). A value of the wrong
// type or an unknown method name is a UsageError naming the key and the value.
SegmentSettings read_segment_settings(const nlohmann::json& config);

// The threshold settings of one "threshold" object (shared by nuclei and cells); keys absent
// from `section` keep the values of `base`. `where` names the section in errors.
ThresholdSettings read_threshold_settings(const nlohmann::json& section,
                                          const ThresholdSettings& base, const std::string& where);

}  // namespace hcs::segment
