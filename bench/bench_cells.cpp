// Seconds per image of cells (IdentifySecondaryObjects) and cytoplasm (IdentifyTertiaryObjects)
// on the 48 BBBC013 wells, one thread, against CellProfiler 5's recorded median CPU seconds for
// the same modules on the same images (fixtures/cellprofiler/bbbc013-plate-percell). Also prints
// how well cells grown from our own nuclei agree with CellProfiler's cells.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include "hcs/core/csv_table.hpp"
#include "hcs/core/image_reader.hpp"
#include "hcs/segment/cellprofiler_settings.hpp"
#include "hcs/segment/identify_primary.hpp"
#include "hcs/segment/identify_secondary.hpp"

namespace fs = std::filesystem;
using namespace hcs::segment;

namespace {

const fs::path kShared = HCS_SHARED_DIR;
const fs::path kPlate = kShared / "fixtures/cellprofiler/bbbc013-plate-percell";
constexpr int kRepeats = 5;  // each image is timed this many times; the fastest run counts

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

template <typename Work>
double fastest_seconds(Work&& work) {
    double best = 1e300;
    for (int run = 0; run < kRepeats; ++run) {
        // CPU seconds, as CellProfiler's ExecutionTime columns are (user + system).
        const std::clock_t start = std::clock();
        work();
        best = std::min(best, static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
    }
    return best;
}

double cellprofiler_median_seconds(const std::string& module) {
    const hcs::CsvTable timings = hcs::read_csv(kPlate / "timing_per_module.csv");
    for (const auto& row : timings.rows) {
        if (row[timings.column("module")] == module) {
            return std::stod(row[timings.column("cpu_median_s")]);
        }
    }
    return 0;
}

double agreement(const cv::Mat& ours, const cv::Mat& theirs) {
    const cv::Mat in_union = (ours != 0) | (theirs != 0);
    const cv::Mat agreeing = in_union & (ours == theirs);
    const int total = cv::countNonZero(in_union);
    return total == 0 ? 1.0 : static_cast<double>(cv::countNonZero(agreeing)) / total;
}

struct WellFigures {
    double cells_seconds, cytoplasm_seconds, cells_agreement, cytoplasm_agreement;
};

// BBBC013's files are Channel<c>-<NN>-<row>-<column>.tif with NN = 12 * row index + column.
std::string file_suffix(char row, int column) {
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, "%02d-%c-%02d.tif", 12 * (row - 'A') + column, row,
                  column);
    return suffix;
}

WellFigures run_well(const std::string& well, const std::string& suffix,
                     const PrimarySettings& nuclei_settings) {
    const fs::path images = kShared / "data/bbbc013/images";
    const cv::Mat gfp = hcs::read_image(images / ("Channel1-" + suffix)).pixels;
    const cv::Mat dna = hcs::read_image(images / ("Channel2-" + suffix)).pixels;
    const PrimaryResult nuclei = identify_primary(dna, nuclei_settings);

    SecondarySettings cell_settings;  // Propagation, lambda 0.05, MCE with smoothing 0
    cell_settings.threshold.method = ThresholdMethod::MinimumCrossEntropy;
    cell_settings.threshold.smoothing_scale = 0;
    SecondaryResult cells;
    WellFigures figures{};
    figures.cells_seconds =
        fastest_seconds([&] { cells = identify_secondary(gfp, nuclei, cell_settings); });
    cv::Mat cytoplasm;
    figures.cytoplasm_seconds =
        fastest_seconds([&] { cytoplasm = identify_cytoplasm(cells.labels, nuclei.labels); });

    const fs::path labels = kPlate / "labels";
    figures.cells_agreement =
        agreement(cells.labels, hcs::read_labels(labels / (well + "_Cells.tif")));
    figures.cytoplasm_agreement =
        agreement(cytoplasm, hcs::read_labels(labels / (well + "_Cytoplasm.tif")));
    return figures;
}

}  // namespace

int main() {
    cv::setNumThreads(1);
    std::ifstream settings_file(kShared / "fixtures/cellprofiler/bbbc013-A01/settings.json");
    const PrimarySettings nuclei_settings =
        primary_settings_from_cellprofiler(nlohmann::json::parse(settings_file));

    // BBBC013's 48 wells: rows A, B, E and F, columns 1-12.
    std::vector<double> cells_seconds, cytoplasm_seconds, cells_agreement, cytoplasm_agreement;
    for (const char row : std::string("ABEF"))
        for (int column = 1; column <= 12; ++column) {
            char well[4];
            std::snprintf(well, sizeof well, "%c%02d", row, column);
            const WellFigures f = run_well(well, file_suffix(row, column), nuclei_settings);
            cells_seconds.push_back(f.cells_seconds);
            cytoplasm_seconds.push_back(f.cytoplasm_seconds);
            cells_agreement.push_back(f.cells_agreement);
            cytoplasm_agreement.push_back(f.cytoplasm_agreement);
            std::fprintf(stderr, "%s cells %.4f s cytoplasm %.4f s agreement %.4f %%\n", well,
                         f.cells_seconds, f.cytoplasm_seconds, 100 * f.cells_agreement);
        }

    const double cp_cells = cellprofiler_median_seconds("06IdentifySecondaryObjects");
    const double cp_cytoplasm = cellprofiler_median_seconds("07IdentifyTertiaryObjects");
    const double ours_cells = median(cells_seconds);
    const double ours_cytoplasm = median(cytoplasm_seconds);
    std::printf("cells (IdentifySecondaryObjects, propagation + MCE threshold + hole fill):\n");
    std::printf(
        "  median %.4f s per 640x640 image, one thread, CPU time; CellProfiler %.2f s: %.0fx\n",
        ours_cells, cp_cells, cp_cells / ours_cells);
    std::printf("cytoplasm (IdentifyTertiaryObjects):\n");
    std::printf("  median %.4f s per image; CellProfiler %.2f s: %.0fx\n", ours_cytoplasm,
                cp_cytoplasm, cp_cytoplasm / ours_cytoplasm);
    std::printf(
        "cells from our own nuclei vs CellProfiler's cells, 48 wells: median %.4f %%, "
        "min %.4f %% of union pixels agree\n",
        100 * median(cells_agreement),
        100 * *std::min_element(cells_agreement.begin(), cells_agreement.end()));
    std::printf("cytoplasm from our own nuclei and cells, 48 wells: median %.4f %%, min %.4f %%\n",
                100 * median(cytoplasm_agreement),
                100 * *std::min_element(cytoplasm_agreement.begin(), cytoplasm_agreement.end()));
    return 0;
}
