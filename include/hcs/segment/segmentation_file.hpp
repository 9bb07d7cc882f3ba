// The segmentation file of one image set, seg/<plate>_<well>_<site>.h5 (DESIGN.md §4):
// /labels/nuclei, /labels/cells, /labels/cytoplasm as uint32 (a nucleus, its cell and its
// cytoplasm share one number), /labels/nuclei_unfiltered and /labels/cells_unfiltered (the
// objects before border and size filtering, for MeasureObjectNeighbors), image figures and
// Metadata_* as attributes of the root group, and the provenance JSON. Also the optional
// exports: 16-bit label TIFFs and an outline PNG.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

namespace hcs::segment {

// Version of the layout above, stored as the root attribute "hcs_format".
inline constexpr const char* kSegmentationFormat = "hcs-segmentation/1";

struct Segmentation {
    int image_number = 0;              // root attribute ImageNumber
    cv::Mat nuclei, cells, cytoplasm;  // CV_32S, 0 = background
    // CellProfiler's internal objects before filtering, in their own numbering (not the final
    // one): nuclei after border removal and the too-small filter (small_removed_segmented),
    // cells grown from every seed, border nuclei's included, holes filled. MeasureObjectNeighbors
    // counts neighbours among these. Empty when unknown; then neither is written.
    cv::Mat nuclei_unfiltered, cells_unfiltered;
    // Count_Nuclei, Threshold_FinalThreshold_Nuclei, ImageQuality_*: one number each.
    std::map<std::string, double> image_figures;
    std::map<std::string, std::string> metadata;  // Metadata_* -> value
    nlohmann::json provenance;  // hcs_version, config, inputs, intensity_scaling, ...
};

// Writes `segmentation` to `path` atomically (temporary name, then rename).
void write_segmentation_file(const Segmentation& segmentation, const std::filesystem::path& path);

// Reads a file written by write_segmentation_file; InputError naming the file when it is not
// one (missing, not HDF5, a dataset missing).
Segmentation read_segmentation_file(const std::filesystem::path& path);

// Writes <stem>_nuclei.tif, <stem>_cells.tif, <stem>_cytoplasm.tif in `folder` as 16-bit
// Deflate-compressed TIFFs, atomically; InputError when a label exceeds 65535. Returns the paths.
std::vector<std::filesystem::path> write_label_tiffs(const Segmentation& segmentation,
                                                     const std::filesystem::path& folder,
                                                     const std::string& stem);

// An RGB picture of `image` (CV_32F, 0..1, stretched to its maximum) with nucleus outlines in
// green and cell outlines in magenta.
cv::Mat draw_outlines(const cv::Mat& image, const cv::Mat& nuclei, const cv::Mat& cells);

// Writes draw_outlines(...) as a PNG, atomically.
void write_outlines_png(const cv::Mat& image, const Segmentation& segmentation,
                        const std::filesystem::path& path);

// The segmentation file name of an image set: "<plate>_<well>_<site>.h5".
std::string segmentation_file_name(const std::string& image_set_name);

}  // namespace hcs::segment
