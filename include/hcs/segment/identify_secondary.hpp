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
    ThresholdSettings threshold;   // CellProfiler's secondary default: Otsu, smoothing 0
    double regularization = 0.05;  // lambda of Jones et al. 2005
    int distance_to_dilate = 10;   // pixels, for Distance - N / Distance - B
    bool fill_holes = true;
    // "Discard secondary objects touching the border of the image?" (CellProfiler's default: No).
    // Cells of nuclei that touched the border are dropped whatever this says: those nuclei are
    // not final nuclei, so their territories have no number to take.
    bool discard_border_cells = false;
};

struct SecondaryResult {
    cv::Mat labels;             // CV_32S cells, each numbered as its final nucleus
    cv::Mat unfiltered_labels;  // hole-filled growth before renumbering (seed numbering)
    ThresholdResult threshold;  // NaN thresholds for Distance - N, which uses none
};

// Grows cells from `nuclei` (the primary result: its seeds are the unedited nuclei restricted to
// final plus border-touching nuclei, as CellProfiler seeds them) over the CV_32F `image`.
SecondaryResult identify_secondary(const cv::Mat& image, const PrimaryResult& nuclei,
                                   const SecondarySettings& settings);

// The same from explicit seeds (CV_32S) and a foreground mask (CV_8U), for parity runs from
// CellProfiler's own seeds and threshold. `final_nuclei` gives the numbering of the output.
cv::Mat grow_cells(const cv::Mat& image, const cv::Mat& seeds, const cv::Mat& foreground,
                   const cv::Mat& final_nuclei, const SecondarySettings& settings);

// CellProfiler's seeds: the unedited (declumped) nuclei restricted to the pixels of final nuclei
// plus every object that touches the image border (which competes for territory and is dropped
// afterwards). Numbering stays that of `unedited_nuclei`.
cv::Mat cell_seeds(const cv::Mat& unedited_nuclei, const cv::Mat& final_nuclei);

// The chosen method grown from `seeds`, holes filled: CellProfiler's unfiltered secondary
// objects, still in seed numbering (its cp_internal_labels/Cells_*_unfiltered.tif).
cv::Mat grow_unfiltered_cells(const cv::Mat& image, const cv::Mat& seeds, const cv::Mat& foreground,
                              const SecondarySettings& settings);

// Gives every region of `unfiltered` the largest final nucleus number inside it, 0 if none
// (CellProfiler's filter_labels), so that cell k is the cell of nucleus k.
cv::Mat renumber_to_final_nuclei(const cv::Mat& unfiltered, const cv::Mat& final_nuclei);

// Cytoplasm as IdentifyTertiaryObjects with "shrink" on: the cell minus its nucleus, where a
// nucleus is first shrunk by one pixel along its outline so that every cytoplasm stays a ring.
cv::Mat identify_cytoplasm(const cv::Mat& cells, const cv::Mat& nuclei, bool shrink = true);

}  // namespace hcs::segment
