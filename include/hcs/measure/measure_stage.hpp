// hcs-measure's work on one image set: read its images and labels, measure, and write
// cells/<name>.<ext> (one row per cell) and images/<name>.<ext> (image-level figures).
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "hcs/core/image_set.hpp"
#include "hcs/measure/measure_image_set.hpp"

namespace hcs::measure {

struct MeasureRun {
    std::filesystem::path output;        // cells/ and images/ go here
    std::filesystem::path segmentation;  // seg/<name>.h5 files, when no manifest labels
    std::string format = "h5";           // "h5", "csv" or "csv.gz"
    int camera_bit_depth = 0;            // as hcs::read_image
    MeasureSettings settings;
    nlohmann::json config;  // effective configuration, for provenance
};

// Throws InputError (one line) for bad input; writes nothing for this image set then.
void measure_and_write(const ImageSet& image_set, const MeasureRun& run);

}  // namespace hcs::measure
