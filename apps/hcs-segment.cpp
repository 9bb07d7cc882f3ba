// hcs-segment: nuclei, cells and cytoplasm of every image set, one seg/<plate>_<well>_<site>.h5
// each (DESIGN.md §4). Argument parsing only; the work is in hcs::segment::run_segment_stage.
#include <CLI/CLI.hpp>

#include "hcs/core/stage.hpp"
#include "hcs/segment/segment_stage.hpp"

int main(int argc, char** argv) {
    CLI::App app{
        "hcs-segment: find nuclei, cells and cytoplasm in every image set "
        "(CellProfiler's IdentifyPrimary/Secondary/TertiaryObjects)",
        "hcs-segment"};
    hcs::StageOptions options;
    hcs::segment::SegmentOutputs outputs;
    hcs::add_common_options(app, options);
    hcs::add_image_set_options(app, options);
    app.add_flag("--export-tiff", outputs.export_tiff,
                 "Also write 16-bit label TIFFs <name>_nuclei.tif, _cells.tif, _cytoplasm.tif");
    app.add_flag("--outlines", outputs.outlines,
                 "Also write <name>_outlines.png: nucleus and cell outlines over the nuclei image");
    return hcs::run_stage(app, argc, argv, options,
                          [&] { return hcs::segment::run_segment_stage(options, outputs); });
}
