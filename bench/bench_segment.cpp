// Seconds per image set of nuclei (IdentifyPrimaryObjects) and cells (IdentifySecondaryObjects)
// on one thread over the 48 BBBC013 wells, and the ratio to CellProfiler 5's ExecutionTime
// medians for the same modules on the same images (fixture bbbc013-plate-percell/Image.csv.gz).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <numeric>
#include <vector>

#include <opencv2/core.hpp>

#include "hcs/core/config.hpp"
#include "hcs/core/csv_table.hpp"
#include "hcs/core/stage.hpp"
#include "hcs/segment/identify_primary.hpp"
#include "hcs/segment/identify_secondary.hpp"
#include "hcs/segment/segment_image_set.hpp"

namespace {

const std::filesystem::path kShared = HCS_SHARED_DIR;
const std::filesystem::path kSource = HCS_SOURCE_DIR;

// CPU seconds of the calling thread, as CellProfiler's ExecutionTime is CPU time.
double thread_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

// Median over the plate of the ExecutionTime_NN<module> column CellProfiler wrote.
double cellprofiler_median(const hcs::CsvTable& table, const std::string& module) {
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        const std::string& column = table.header[i];
        if (column.rfind("ExecutionTime_", 0) != 0 || column.find(module) == std::string::npos) {
            continue;
        }
        std::vector<double> seconds;
        for (const auto& row : table.rows) seconds.push_back(std::stod(row[i]));
        return median(seconds);
    }
    std::fprintf(stderr, "no ExecutionTime column for %s\n", module.c_str());
    return 0;
}

struct Timings {
    std::vector<double> nuclei, cells, cytoplasm, whole;
};

Timings time_plate(const std::vector<hcs::ImageSet>& image_sets, const nlohmann::json& config) {
    using namespace hcs::segment;
    const SegmentSettings settings = read_segment_settings(config);
    Timings timings;
    for (const auto& image_set : image_sets) {
        const auto channels = read_channels(image_set, settings);
        const cv::Mat& dna = channels.at(settings.nuclei_channel).pixels;
        const cv::Mat& gfp = channels.at(settings.cells_channel).pixels;
        double start = thread_cpu_seconds();
        const PrimaryResult nuclei = identify_primary(dna, settings.nuclei);
        timings.nuclei.push_back(thread_cpu_seconds() - start);
        start = thread_cpu_seconds();
        const SecondaryResult cells = identify_secondary(gfp, nuclei, settings.cells);
        timings.cells.push_back(thread_cpu_seconds() - start);
        start = thread_cpu_seconds();
        identify_cytoplasm(cells.labels, nuclei.labels, settings.shrink_nuclei_for_cytoplasm);
        timings.cytoplasm.push_back(thread_cpu_seconds() - start);
        // Everything hcs-segment does for an image set but writing: reading both channels,
        // image-quality figures, the three object sets.
        start = thread_cpu_seconds();
        segment_image_set(image_set, settings, {}, config);
        timings.whole.push_back(thread_cpu_seconds() - start);
    }
    return timings;
}

void print_row(const char* what, const std::vector<double>& ours, double cellprofiler) {
    const double our_median = median(ours);
    std::printf("%-34s %10.4f %10.4f %14.3f %10.1fx\n", what, our_median,
                std::accumulate(ours.begin(), ours.end(), 0.0) / double(ours.size()), cellprofiler,
                cellprofiler / our_median);
}

}  // namespace

int main() {
    cv::setNumThreads(0);  // one thread, as CellProfiler's per-module times are one process
    const nlohmann::json config = hcs::load_config(kSource / "configs/bbbc013.json");
    hcs::StageOptions options;
    options.data_root = (kShared / "data").string();
    const auto image_sets = hcs::load_image_sets(options, config);
    const hcs::CsvTable cellprofiler =
        hcs::read_csv(kShared / "fixtures/cellprofiler/bbbc013-plate-percell/Image.csv.gz");

    std::fprintf(stderr, "timing %zu BBBC013 image sets on one thread...\n", image_sets.size());
    const Timings timings = time_plate(image_sets, config);
    const double primary = cellprofiler_median(cellprofiler, "IdentifyPrimaryObjects");
    const double secondary = cellprofiler_median(cellprofiler, "IdentifySecondaryObjects");
    const double tertiary = cellprofiler_median(cellprofiler, "IdentifyTertiaryObjects");
    const double loading = cellprofiler_median(cellprofiler, "NamesAndTypes");

    std::printf("CPU seconds per image set, %zu image sets, one thread\n", image_sets.size());
    std::printf("%-34s %10s %10s %14s %11s\n", "step", "median", "mean", "CellProfiler",
                "speed-up");
    print_row("nuclei (IdentifyPrimaryObjects)", timings.nuclei, primary);
    print_row("cells (IdentifySecondaryObjects)", timings.cells, secondary);
    print_row("cytoplasm (IdentifyTertiaryObj.)", timings.cytoplasm, tertiary);
    print_row("image set (load+quality+3 objects)", timings.whole,
              loading + primary + secondary + tertiary);
    std::printf(
        "CellProfiler: median ExecutionTime_* (CPU s) over the plate's Image.csv.gz; the "
        "last row compares with NamesAndTypes + the three Identify modules.\n");
    return 0;
}
