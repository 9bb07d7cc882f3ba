// How well each per-cell profiling method separates known groups on real CellProfiler output:
// the NF1 SQLite export (WT vs Het wells) and the BBBC013 per-cell fixture (replicate wells of
// each compound and dose; negative vs positive control wells). Prints mAP (cosine retrieval of
// a well's own group, replicate_map.hpp), its permutation baseline, and seconds per method.
// Usage: bench_profile_separation [threads]
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include <spdlog/spdlog.h>

#include "hcs/core/config.hpp"

#include "hcs/profile/profile_run.hpp"
#include "hcs/profile/replicate_map.hpp"

namespace {

using namespace hcs::profile;
const std::filesystem::path kShared = HCS_SHARED_DIR;
const char* kMethods[] = {"mean", "median", "mean+std", "ks",
                          "svm",  "gmm",    "factor",   "proportions"};
constexpr int kPermutations = 200;

// Rows of `wells` whose `column` is one of `values`.
std::vector<std::size_t> rows_with(const hcs::FeatureTable& wells, const std::string& column,
                                   const std::vector<std::string>& values) {
    std::vector<std::size_t> rows;
    const std::size_t index = wells.metadata_index(column);
    for (std::size_t row = 0; row < wells.rows(); ++row) {
        for (const auto& value : values) {
            if (wells.metadata[row][index] == value) rows.push_back(row);
        }
    }
    return rows;
}

void report(const char* data_set, const char* method, const hcs::FeatureTable& wells,
            const std::vector<std::string>& label_columns, const std::vector<std::size_t>& rows,
            double seconds) {
    const auto all_labels = row_labels(wells, label_columns);
    Eigen::MatrixXd profiles(rows.size(), wells.features.cols());
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        profiles.row(i) = wells.features.row(rows[i]);
        labels.push_back(all_labels[rows[i]]);
    }
    std::printf("%-22s %-9s wells %3zu  features %4zu  mAP %.3f  baseline %.3f  %6.2f s\n",
                data_set, method, rows.size(), wells.feature_names.size(),
                mean_average_precision(profiles, labels),
                permuted_map_baseline(profiles, labels, kPermutations, 1), seconds);
}

template <typename Report>
void run_methods(const CellInput& input, ProfileOptions options, int threads, Report&& each) {
    for (const char* method : kMethods) {
        options.method = parse_profile_method(method);
        const auto start = std::chrono::steady_clock::now();
        const ProfileResult result = run_profiling(input, options, threads);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        each(method, result.wells, seconds);
    }
}

ProfileOptions options_from(const std::string& config_file) {
    return ProfileOptions::from_config(
        hcs::load_config(std::filesystem::path(HCS_SOURCE_DIR) / "configs" / config_file));
}

}  // namespace

int main(int argc, char** argv) {
    const int threads = argc > 1 ? std::atoi(argv[1]) : 0;
    spdlog::set_level(spdlog::level::warn);

    const auto nf1 = kShared / "data/nf1-plate1-cellprofiler-sqlite";
    ProfileOptions options = options_from("profile-nf1.json");
    options.input.plate_map = nf1 / "platemap_NF1_CP.csv";
    const CellInput nf1_input =
        read_cell_input({nf1 / "all_cellprofiler.sqlite.gz"}, options.input);
    run_methods(nf1_input, options, threads, [](const char* method, const auto& wells, double s) {
        std::vector<std::size_t> all(wells.rows());
        for (std::size_t row = 0; row < all.size(); ++row) all[row] = row;
        report("NF1 WT vs Het", method, wells, {"Metadata_genotype"}, all, s);
    });

    const auto plate = kShared / "fixtures/cellprofiler/bbbc013-plate-percell";
    options = options_from("profile-bbbc013.json");
    options.input.image_metadata = plate / "wells.csv";
    const CellInput bbbc013_input = read_cell_input({plate}, options.input);
    run_methods(bbbc013_input, options, threads,
                [](const char* method, const auto& wells, double s) {
                    std::vector<std::size_t> all(wells.rows());
                    for (std::size_t row = 0; row < all.size(); ++row) all[row] = row;
                    report("BBBC013 dose replicates", method, wells,
                           {"Metadata_Compound", "Metadata_Concentration"}, all, s);
                    report("BBBC013 neg vs pos", method, wells, {"Metadata_ControlType"},
                           rows_with(wells, "Metadata_ControlType", {"negative", "positive"}), s);
                });
    return 0;
}
