// Cells as CellProfiler 5's IdentifySecondaryObjects grows them from nuclei: propagation
// (Jones, Carpenter and Golland 2005), watershed on the gradient or the image, or a fixed-distance
// expansion; the cell channel's own threshold; fill holes; border nuclei compete for territory
// and their cells are dropped afterwards.
#pragma once

#include <opencv2/core.hpp>

#include "hcs/segment/identify_primary.hpp"
#include "hcs/segment/threshold.hpp"

namespace hcs::segment {

enum class SecondaryMethod { Propagation, WatershedGradient, WatershedImage, DistanceN, DistanceB };

struct SecondarySettings {
    SecondaryMethod method = SecondaryMethod::Propagation;
    ThresholdSettings threshold;          // CellProfiler's secondary default: Otsu, smoothing 0
    double regularization = 0.05;         // lambda of Jones et al. 2005
    int distance_to_dilate = 10;          // pixels, for Distance - N / Distance - B
    bool fill_holes = true;
    bool discard_border_cells = true;     // drop cells whose nucleus touched the border
};

struct SecondaryResult {
    cv::Mat labels;              // CV_32S cells, each numbered as its final nucleus
    cv::Mat unfiltered_labels;   // hole-filled propagation before border filtering
    ThresholdResult threshold;
};

// Grows cells from `nuclei` (the primary result: its seeds are the unedited nuclei restricted to
// final plus border-touching nuclei, as CellProfiler seeds them) over the CV_32F `image`.
SecondaryResult identify_secondary(const cv::Mat& image, const PrimaryResult& nuclei,
                                   const SecondarySettings& settings);

// The same from explicit seeds (CV_32S) and a foreground mask (CV_8U), for parity runs from
// CellProfiler's own seeds and threshold. `final_nuclei` gives the numbering of the output.
cv::Mat grow_cells(const cv::Mat& image, const cv::Mat& seeds, const cv::Mat& foreground,
                   const cv::Mat& final_nuclei, const SecondarySettings& settings);

// Cytoplasm as IdentifyTertiaryObjects with "shrink" on: the cell minus its nucleus, where a
// nucleus is first shrunk by one pixel along its outline so that every cytoplasm stays a ring.
cv::Mat identify_cytoplasm(const cv::Mat& cells, const cv::Mat& nuclei, bool shrink = true);

}  // namespace hcs::segment
