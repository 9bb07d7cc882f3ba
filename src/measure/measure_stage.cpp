// One image set through hcs-measure: images and labels in, per-cell and per-image tables out,
// written atomically only after every measurement succeeded (DESIGN.md §4, §6).

#include "hcs/measure/measure_stage.hpp"

#include <chrono>

#include <spdlog/spdlog.h>

#include "hcs/core/errors.hpp"
#include "hcs/core/feature_table.hpp"
#include "hcs/core/image_reader.hpp"
#include "hcs/core/provenance.hpp"
#include "hcs/measure/label_files.hpp"

namespace hcs::measure {

namespace {

// The image-level figures as a one-row table with the cells' metadata columns.
FeatureTable image_table(const ImageSet& image_set, const ImageSetMeasurements& measured) {
    FeatureTable table;
    std::vector<std::string> cells;
    for (const auto& [name, value] : image_set.metadata) {
        table.metadata_names.push_back(name);
        cells.push_back(value);
    }
    table.metadata_names.push_back("ImageNumber");
    cells.push_back(std::to_string(image_set.image_number));
    table.metadata.push_back(cells);
    table.features.resize(1, static_cast<Eigen::Index>(measured.image.size()));
    for (std::size_t i = 0; i < measured.image.size(); ++i) {
        table.feature_names.push_back(measured.image[i].first);
        table.features(0, static_cast<Eigen::Index>(i)) = measured.image[i].second;
    }
    return table;
}

}  // namespace

void measure_and_write(const ImageSet& image_set, const MeasureRun& run) {
    const auto start = std::chrono::steady_clock::now();
    std::map<std::string, ChannelImage> channels;
    Provenance provenance{"hcs-measure", run.config, {}, ""};
    for (const auto& [channel, file] : image_set.channel_files) {
        channels[channel] = read_image(file, run.camera_bit_depth);
        provenance.inputs.push_back(file.string());
        provenance.intensity_scaling = channels[channel].scaling.rule;
    }
    const ImageSetObjects objects = load_image_set_objects(image_set, run.segmentation);
    if (objects.nuclei.empty() && objects.cells.empty() && objects.cytoplasm.empty()) {
        throw InputError("no Nuclei, Cells or Cytoplasm labels");
    }
    const ImageSetMeasurements measured =
        measure_image_set(image_set, channels, objects, run.settings);

    const std::string stem = image_set.name() + "." + run.format;
    const std::string provenance_json = provenance.to_json().dump();
    write_feature_table(measured.cells, run.output / "cells" / stem, provenance_json);
    write_feature_table(image_table(image_set, measured), run.output / "images" / stem,
                        provenance_json);

    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    spdlog::info("{}: {} cells, {:.2f} s", image_set.name(), measured.cells.rows(), seconds);
    for (const auto& [family, family_seconds] : measured.seconds_per_family)
        spdlog::debug("{}: {} {:.3f} s", image_set.name(), family, family_seconds);
}

}  // namespace hcs::measure
