// Benchmark of per-cell profiling: 1,000,000 synthetic cells x 500 features (2 plates x 384
// wells, 32 control wells per plate) through the mean, median and KS profiles. Prints seconds
// per method. Usage: bench_profile [cells] [features] [threads]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>

#include "hcs/core/parallel.hpp"
#include "hcs/profile/groups.hpp"
#include "hcs/profile/profile_average.hpp"
#include "hcs/profile/profile_ks.hpp"

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kPlates = 2;
constexpr int kWellsPerPlate = 384;
constexpr int kControlWellsPerPlate = 32;
constexpr std::size_t kRowsPerBlock = 4096;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds of this process over all threads: on a shared machine the wall time also counts
// the time other processes held the cores.
double cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return now.tv_sec + now.tv_nsec * 1e-9;
}

std::string well_name(int well) {
    char name[8];
    std::snprintf(name, sizeof(name), "%c%02d", 'A' + well / 24, well % 24 + 1);
    return name;
}

// Cells in plate, well order; every well's features shifted by a small well-specific amount,
// so profiles differ from the controls as a screen's would.
hcs::FeatureTable synthetic_cells(std::size_t cells, std::size_t features, int threads) {
    hcs::FeatureTable table;
    table.metadata_names = {"Metadata_Plate", "Metadata_Well", "Metadata_ControlType"};
    for (std::size_t f = 0; f < features; ++f) {
        table.feature_names.push_back("Cells_Synthetic_Feature_" + std::to_string(f));
    }
    const std::size_t wells = kPlates * kWellsPerPlate;
    table.metadata.resize(cells);
    for (std::size_t cell = 0; cell < cells; ++cell) {
        const std::size_t well = cell * wells / cells;
        const int in_plate = static_cast<int>(well % kWellsPerPlate);
        table.metadata[cell] = {"P" + std::to_string(well / kWellsPerPlate + 1),
                                well_name(in_plate),
                                in_plate < kControlWellsPerPlate ? "negative" : "treated"};
    }
    table.features.resize(cells, features);
    const std::size_t blocks = (cells + kRowsPerBlock - 1) / kRowsPerBlock;
    hcs::parallel_for(blocks, threads, [&](std::size_t block) {
        std::mt19937_64 generator(block);
        std::normal_distribution<double> normal;
        const std::size_t end = std::min(cells, (block + 1) * kRowsPerBlock);
        for (std::size_t cell = block * kRowsPerBlock; cell < end; ++cell) {
            const double shift = 0.05 * static_cast<double>((cell * wells / cells) % 7);
            double* row = table.features.data() + cell * features;
            for (std::size_t f = 0; f < features; ++f) row[f] = normal(generator) + shift;
        }
    });
    return table;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t cells = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    const std::size_t features = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 500;
    const int threads = hcs::thread_count(argc > 3 ? std::atoi(argv[3]) : 0);
    std::printf("bench_profile: %zu cells x %zu features, %d plates x %d wells, %d threads\n",
                cells, features, kPlates, kWellsPerPlate, threads);

    auto start = Clock::now();
    const hcs::FeatureTable table = synthetic_cells(cells, features, threads);
    std::printf("generate synthetic cells   %8.2f s\n", seconds_since(start));

    start = Clock::now();
    const auto wells = hcs::profile::group_rows(table, {"Metadata_Plate", "Metadata_Well"});
    const auto controls =
        hcs::profile::plate_controls(table, wells, "Metadata_Plate", hcs::profile::ControlSpec{});
    std::printf("group cells into %zu wells %8.2f s\n", wells.size(), seconds_since(start));

    double total = 0;
    auto timed = [&](const char* name, auto&& method) {
        const auto begin = Clock::now();
        const double cpu_begin = cpu_seconds();
        const hcs::profile::Profiles profiles = method();
        const double elapsed = seconds_since(begin);
        total += elapsed;
        std::printf("%-26s %8.2f s wall %8.2f s CPU  (well 40, feature 0: %.4f)\n", name, elapsed,
                    cpu_seconds() - cpu_begin, profiles.values(40, 0));
    };
    timed("mean", [&] { return hcs::profile::profile_mean(table, wells, threads); });
    timed("median", [&] { return hcs::profile::profile_median(table, wells, threads); });
    timed("ks", [&] { return hcs::profile::profile_ks(table, wells, controls, threads); });
    std::printf("mean + median + ks         %8.2f s\n", total);
    return 0;
}
