// Per-well Count_Nuclei of a folder of segmentation files against CellProfiler's per-image table
// (Image.csv or Image.csv.gz), and the worst relative difference. Usage:
//   compare_segment_counts <seg folder> <Image.csv.gz> [largest allowed relative difference]
// Exit code 0 when every well is within the allowed difference (default 0.02), else 1.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "hcs/core/csv_table.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/segment/segmentation_file.hpp"

namespace {

// CellProfiler's Count_Nuclei per well. Pipelines that extract WellRow and WellColumn from the
// file names (BBBC013's) leave Metadata_Well empty, so those are preferred when present.
std::map<std::string, double> cellprofiler_counts(const std::filesystem::path& path) {
    const hcs::CsvTable table = hcs::read_csv(path);
    const auto row_at = table.find_column("Metadata_WellRow");
    const auto column_at = table.find_column("Metadata_WellColumn");
    const auto well_at = table.find_column("Metadata_Well");
    const auto count_at = table.column("Count_Nuclei");
    std::map<std::string, double> counts;
    for (const auto& row : table.rows) {
        const std::string well =
            row_at && column_at ? row[*row_at] + row[*column_at] : row[well_at.value()];
        counts[well] = std::stod(row[count_at]);
    }
    return counts;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s <seg folder> <Image.csv[.gz]> [allowed difference]\n",
                     argv[0]);
        return 2;
    }
    const double allowed = argc > 3 ? std::stod(argv[3]) : 0.02;
    try {
        const auto expected = cellprofiler_counts(argv[2]);
        std::map<std::string, double> ours;
        for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
            if (entry.path().extension() != ".h5") continue;
            const auto segmentation = hcs::segment::read_segmentation_file(entry.path());
            ours[segmentation.metadata.at("Metadata_Well")] =
                segmentation.image_figures.at("Count_Nuclei");
        }
        double worst = 0;
        std::string worst_well = "none";
        std::printf("%-6s %8s %14s %10s\n", "well", "ours", "CellProfiler", "rel. diff");
        for (const auto& [well, count] : ours) {
            const auto found = expected.find(well);
            if (found == expected.end()) {
                std::printf("%-6s %8.0f %14s\n", well.c_str(), count, "absent");
                continue;
            }
            const double difference = std::abs(count - found->second) / found->second;
            std::printf("%-6s %8.0f %14.0f %10.4f\n", well.c_str(), count, found->second,
                        difference);
            if (difference >= worst) {
                worst = difference;
                worst_well = well;
            }
        }
        std::printf("%zu wells compared; worst relative difference %.4f (%s); allowed %.4f\n",
                    ours.size(), worst, worst_well.c_str(), allowed);
        return !ours.empty() && worst <= allowed ? 0 : 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "compare_segment_counts: %s\n", error.what());
        return 1;
    }
}
