// CPU seconds per image set of hcs-measure's families on one thread for one BBBC013 well
// (CellProfiler's own labels of the fixture bbbc013-A01), the ratio to CellProfiler's median CPU
// seconds per module over the 48-well plate
// (fixtures/cellprofiler/bbbc013-plate-percell/timing_per_module.csv), and the peak resident
// memory. Usage: bench_measure [repeats (default 5)] [well folder]

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "hcs/core/csv_table.hpp"
#include "hcs/core/image_reader.hpp"
#include "hcs/measure/family_runner.hpp"
#include "hcs/measure/measure_image_set.hpp"

namespace {

namespace fs = std::filesystem;
const fs::path kShared = HCS_SHARED_DIR;

// CellProfiler module(s) doing the work of each of our families in the fixture pipeline.
const std::map<std::string, std::vector<std::string>> kModules = {
    {"AreaShape", {"08MeasureObjectSizeShape"}},
    {"Intensity", {"09MeasureObjectIntensity"}},
    {"Texture", {"10MeasureTexture"}},
    {"Granularity", {"11MeasureGranularity"}},
    {"RadialDistribution", {"12MeasureObjectIntensityDistribution"}},
    {"Correlation", {"13MeasureColocalization"}},
    {"Neighbors", {"14MeasureObjectNeighbors", "15MeasureObjectNeighbors"}},
    {"ImageQuality", {"16MeasureImageQuality"}},
};

std::map<std::string, double> cellprofiler_seconds() {
    const auto table = hcs::read_csv(kShared /
                                     "fixtures/cellprofiler/bbbc013-plate-percell/"
                                     "timing_per_module.csv");
    std::map<std::string, double> seconds;
    for (const auto& row : table.rows)
        seconds[row[table.column("module")]] = std::stod(row[table.column("cpu_median_s")]);
    return seconds;
}

}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const fs::path well =
        argc > 2 ? fs::path(argv[2]) : kShared / "fixtures/cellprofiler/bbbc013-A01";
    cv::setNumThreads(1);

    const auto image_table = hcs::read_csv(well / "Image.csv");
    std::map<std::string, hcs::ChannelImage> channels;
    for (const std::string channel : {"DNA", "GFP"}) {
        const auto& row = image_table.rows[0];
        channels[channel] =
            hcs::read_image(kShared / row[image_table.column("PathName_" + channel)] /
                            row[image_table.column("FileName_" + channel)]);
    }
    hcs::measure::ImageSetObjects objects;
    objects.nuclei = hcs::read_labels(well / "labels/Nuclei.tif");
    objects.cells = hcs::read_labels(well / "labels/Cells.tif");
    objects.cytoplasm = hcs::read_labels(well / "labels/Cytoplasm.tif");
    objects.nuclei_unfiltered =
        hcs::read_labels(well / "cp_internal_labels/Nuclei_small_removed.tif");
    objects.cells_unfiltered =
        hcs::read_labels(well / "cp_internal_labels/Cells_propagated_unfiltered.tif");
    hcs::measure::MeasureSettings settings;
    settings = hcs::measure::MeasureSettings::from_json(nlohmann::json::object());
    settings.channels = {"DNA", "GFP"};
    hcs::ImageSet image_set;
    image_set.plate = "BBBC013";
    image_set.well = well.filename().string();

    // Best of `repeats` per family (the least disturbed by other work on the machine).
    std::map<std::string, double> best;
    double best_total = 1e300;
    std::size_t cells = 0;
    for (int r = 0; r < repeats; ++r) {
        const double start = hcs::measure::thread_cpu_seconds();
        const auto measured =
            hcs::measure::measure_image_set(image_set, channels, objects, settings);
        const double total = hcs::measure::thread_cpu_seconds() - start;
        best_total = std::min(best_total, total);
        cells = measured.cells.rows();
        for (const auto& [family, seconds] : measured.seconds_per_family)
            best[family] = best.count(family) ? std::min(best[family], seconds) : seconds;
    }

    const auto cp = cellprofiler_seconds();
    std::printf("bench_measure: %s, %zu cells, 1 thread, best of %d\n",
                well.filename().string().c_str(), cells, repeats);
    std::printf("%-20s %12s %16s %10s\n", "family", "ours (CPU s)", "CellProfiler (CPU s)",
                "speed-up");
    double cp_total = 0;
    for (const auto& [family, seconds] : best) {
        double cp_seconds = 0;
        for (const auto& module : kModules.at(family)) cp_seconds += cp.at(module);
        cp_total += cp_seconds;
        std::printf("%-20s %12.4f %16.2f %9.1fx\n", family.c_str(), seconds, cp_seconds,
                    cp_seconds / seconds);
    }
    std::printf("%-20s %12.4f %16.2f %9.1fx\n", "whole image set", best_total, cp_total,
                cp_total / best_total);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak resident memory: %.1f MiB\n", usage.ru_maxrss / 1024.0);
    return 0;
}
