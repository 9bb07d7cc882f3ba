// The hcs-segment stage behind its command line: load the config and the image sets, segment
// every image set in parallel, write seg/<plate>_<well>_<site>.h5 (and the optional exports),
// and report failures (DESIGN.md §6).
#pragma once

#include "hcs/core/stage.hpp"

namespace hcs::segment {

struct SegmentOutputs {
    bool export_tiff = false;  // --export-tiff: 16-bit label TIFFs beside each .h5
    bool outlines = false;     // --outlines: <name>_outlines.png beside each .h5
};

// Runs the stage; returns kExitSuccess, or kExitInputError when an image set failed. A failure of
// the whole run (no image sets, a channel in no image set) throws InputError; a bad config value
// throws UsageError.
int run_segment_stage(const StageOptions& options, const SegmentOutputs& outputs);

}  // namespace hcs::segment
