// Per-well medians of every per-cell feature of hcs-measure's tables against CellProfiler's
// per-object tables of the same plate (Nuclei.csv.xz, Cells.csv.xz, Cytoplasm.csv.xz, with
// ImageNumber joined to the well through Image.csv.gz). Usage:
//   compare_well_medians <cells folder> <CellProfiler folder> [tolerance, default 0.02]
// A feature passes "strict" when in every well |ours - theirs| <= tolerance * |theirs|; it
// passes "with floor" when |ours - theirs| <= tolerance * max(|theirs|, floor), the floor being
// the feature's typical size: the median of |value| over all of CellProfiler's cells of the
// plate (so a median near 0 of a feature that swings around 0 is not judged relatively).
// Both NaN is a match; one NaN is not. Exit code 0 when at least 95% pass with the floor.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "hcs/core/csv_table.hpp"
#include "hcs/core/feature_table.hpp"

namespace {

constexpr double kRequiredShare = 0.95;  // pass when 95% of features agree (docs/end-to-end.md)
const char* const kObjects[] = {"Nuclei", "Cells", "Cytoplasm"};

using Values = std::vector<double>;
// feature -> well -> the values of its cells
using ValuesByWell = std::map<std::string, std::map<std::string, Values>>;

// Median of the values that are not NaN (pandas' median with skipna); NaN when none.
double median(Values values) {
    values.erase(
        std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }),
        values.end());
    if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
    const std::size_t middle = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + middle, values.end());
    const double upper = values[middle];
    if (values.size() % 2 == 1) return upper;
    return (upper + *std::max_element(values.begin(), values.begin() + middle)) / 2;
}

double parse_number(const std::string& cell) {
    if (cell.empty()) return std::numeric_limits<double>::quiet_NaN();
    char* end = nullptr;
    const double value = std::strtod(cell.c_str(), &end);
    return end == cell.c_str() ? std::numeric_limits<double>::quiet_NaN() : value;
}

// ImageNumber -> well, from Metadata_WellRow + Metadata_WellColumn (BBBC013's pipeline leaves
// Metadata_Well empty) or Metadata_Well.
std::map<std::string, std::string> wells_by_image_number(const std::filesystem::path& image_csv) {
    const hcs::CsvTable table = hcs::read_csv(image_csv);
    const auto row_at = table.find_column("Metadata_WellRow");
    const auto column_at = table.find_column("Metadata_WellColumn");
    const auto well_at = table.find_column("Metadata_Well");
    const auto number_at = table.column("ImageNumber");
    std::map<std::string, std::string> wells;
    for (const auto& row : table.rows) {
        wells[row[number_at]] =
            row_at && column_at ? row[*row_at] + row[*column_at] : row[well_at.value()];
    }
    return wells;
}

// CellProfiler's columns carry no object prefix; ours do (Nuclei_AreaShape_Area).
void add_cellprofiler_object(const std::filesystem::path& path, const std::string& object,
                             const std::map<std::string, std::string>& wells,
                             ValuesByWell& values) {
    const hcs::CsvTable table = hcs::read_csv(path);
    const std::size_t number_at = table.column("ImageNumber");
    for (std::size_t column = 0; column < table.header.size(); ++column) {
        const std::string& name = table.header[column];
        if (name == "ImageNumber" || name == "ObjectNumber" || name.rfind("Metadata_", 0) == 0) {
            continue;
        }
        auto& by_well = values[object + "_" + name];
        for (const auto& row : table.rows) {
            by_well[wells.at(row[number_at])].push_back(parse_number(row[column]));
        }
    }
}

ValuesByWell read_ours(const std::filesystem::path& folder) {
    ValuesByWell values;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".h5") continue;
        hcs::FeatureTable table;
        try {
            table = hcs::read_feature_table(entry.path());
        } catch (const std::exception& error) {
            std::printf("unreadable, left out: %s\n", error.what());
            continue;
        }
        const std::size_t well_at = table.metadata_index("Metadata_Well");
        for (std::size_t feature = 0; feature < table.feature_names.size(); ++feature) {
            auto& by_well = values[table.feature_names[feature]];
            for (std::size_t row = 0; row < table.rows(); ++row) {
                by_well[table.metadata[row][well_at]].push_back(table.features(
                    static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(feature)));
            }
        }
    }
    return values;
}

struct FeatureResult {
    std::string feature;
    bool strict = true, with_floor = true;
    double worst = 0;  // largest |ours - theirs| / max(|theirs|, floor) over the wells
    std::string worst_well;
    double ours = 0, theirs = 0, floor = 0;
};

double typical_size(const std::map<std::string, Values>& by_well) {
    Values sizes;
    for (const auto& [well, values] : by_well) {
        for (double value : values) sizes.push_back(std::abs(value));
    }
    return median(sizes);
}

FeatureResult compare_feature(const std::string& feature, const std::map<std::string, Values>& ours,
                              const std::map<std::string, Values>& theirs, double tolerance) {
    FeatureResult result;
    result.feature = feature;
    result.floor = typical_size(theirs);
    for (const auto& [well, their_values] : theirs) {
        const auto found = ours.find(well);
        const double mine =
            found == ours.end() ? std::numeric_limits<double>::quiet_NaN() : median(found->second);
        const double reference = median(their_values);
        double relative = 0, floored = 0;
        if (std::isnan(mine) != std::isnan(reference)) {
            relative = floored = std::numeric_limits<double>::infinity();
        } else if (!std::isnan(mine)) {
            const double difference = std::abs(mine - reference);
            relative = difference == 0 ? 0 : difference / std::abs(reference);
            const double scale = std::max(std::abs(reference), result.floor);
            floored = difference == 0 ? 0 : difference / scale;
        }
        result.strict = result.strict && relative <= tolerance;
        result.with_floor = result.with_floor && floored <= tolerance;
        if (floored > result.worst || result.worst_well.empty()) {
            result.worst = floored;
            result.worst_well = well;
            result.ours = mine;
            result.theirs = reference;
        }
    }
    return result;
}

void print_names(const char* title, const std::vector<std::string>& names) {
    std::printf("%s: %zu", title, names.size());
    for (std::size_t i = 0; i < names.size() && i < 8; ++i) {
        std::printf("%s %s", i == 0 ? "" : ",", names[i].c_str());
    }
    std::printf("%s\n", names.size() > 8 ? ", ..." : "");
}

// "<Object>_<Category>" of a feature name: Nuclei_Texture, Cells_Neighbors, ...
std::string family_of(const std::string& feature) {
    const auto first = feature.find('_');
    const auto second = feature.find('_', first + 1);
    return feature.substr(0, second);
}

// Per family: features compared, and how many fail each rule, so a failing family stands out.
void print_families(const std::vector<FeatureResult>& results) {
    std::map<std::string, std::array<int, 3>> families;
    for (const auto& result : results) {
        auto& counts = families[family_of(result.feature)];
        ++counts[0];
        counts[1] += !result.strict;
        counts[2] += !result.with_floor;
    }
    std::printf("%-28s %8s %12s %14s\n", "family", "features", "fail strict", "fail w/ floor");
    for (const auto& [family, counts] : families) {
        std::printf("%-28s %8d %12d %14d\n", family.c_str(), counts[0], counts[1], counts[2]);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s <cells folder> <CellProfiler folder> [tolerance]\n",
                     argv[0]);
        return 2;
    }
    const double tolerance = argc > 3 ? std::stod(argv[3]) : 0.02;
    try {
        const std::filesystem::path cellprofiler = argv[2];
        const auto wells = wells_by_image_number(cellprofiler / "Image.csv.gz");
        ValuesByWell theirs;
        for (const char* object : kObjects) {
            add_cellprofiler_object(cellprofiler / (std::string(object) + ".csv.xz"), object, wells,
                                    theirs);
        }
        const ValuesByWell ours = read_ours(argv[1]);

        std::vector<FeatureResult> results;
        std::vector<std::string> only_ours, only_theirs;
        for (const auto& [feature, by_well] : ours) {
            if (!theirs.count(feature)) only_ours.push_back(feature);
        }
        for (const auto& [feature, by_well] : theirs) {
            const auto found = ours.find(feature);
            if (found == ours.end()) {
                only_theirs.push_back(feature);
                continue;
            }
            results.push_back(compare_feature(feature, found->second, by_well, tolerance));
        }
        std::size_t wells_ours = 0;
        if (!ours.empty()) wells_ours = ours.begin()->second.size();

        int strict = 0, with_floor = 0;
        for (const auto& result : results) {
            strict += result.strict;
            with_floor += result.with_floor;
        }
        const double share_strict = results.empty() ? 0 : double(strict) / results.size();
        const double share_floor = results.empty() ? 0 : double(with_floor) / results.size();
        std::printf("wells: ours %zu, CellProfiler %zu\n", wells_ours, wells.size());
        print_names("features only in ours (not compared)", only_ours);
        print_names("features only in CellProfiler's tables (not compared)", only_theirs);
        std::printf("features compared: %zu; tolerance %.3g in every well\n", results.size(),
                    tolerance);
        std::printf("pass strict (relative to |CellProfiler|): %d (%.1f%%)\n", strict,
                    100 * share_strict);
        std::printf(
            "pass with floor (relative to max(|CellProfiler|, median |value|)): %d "
            "(%.1f%%)\n",
            with_floor, 100 * share_floor);

        print_families(results);
        std::sort(results.begin(), results.end(),
                  [](const FeatureResult& a, const FeatureResult& b) { return a.worst > b.worst; });
        std::printf(
            "10 worst features (difference / max(|CellProfiler|, floor) in the worst well):\n");
        std::printf("%-62s %-5s %9s %14s %14s %12s\n", "feature", "well", "worst", "ours",
                    "CellProfiler", "floor");
        for (std::size_t i = 0; i < results.size() && i < 10; ++i) {
            const auto& r = results[i];
            std::printf("%-62s %-5s %9.4g %14.7g %14.7g %12.5g\n", r.feature.c_str(),
                        r.worst_well.c_str(), r.worst, r.ours, r.theirs, r.floor);
        }
        std::printf("every feature failing with the floor (worst well, its ratio):\n");
        for (const auto& r : results) {
            if (!r.with_floor)
                std::printf("  %s %s %.4g\n", r.feature.c_str(), r.worst_well.c_str(), r.worst);
        }
        const bool pass = share_floor >= kRequiredShare;
        std::printf("%s: %.1f%% of features within %.3g of CellProfiler's well medians with the "
                    "floor (%.1f%% strict); %.0f%% required\n",
                    pass ? "PASS" : "FAIL", 100 * share_floor, tolerance, 100 * share_strict,
                    100 * kRequiredShare);
        return pass ? 0 : 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "compare_well_medians: %s\n", error.what());
        return 1;
    }
}
