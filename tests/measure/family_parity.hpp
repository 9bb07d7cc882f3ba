// Shared by the per-family parity tests: loads one CellProfiler fixture set (labels, images,
// per-object tables) and compares our columns with CellProfiler's, value by value, under the
// project's rule |ours - CP| <= 1e-9 + 1e-6 |CP| (or both NaN).
#pragma once

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "hcs/core/csv_table.hpp"
#include "hcs/core/image_reader.hpp"
#include "hcs/measure/object_set.hpp"

namespace hcs::measure::testing {

inline std::filesystem::path shared_dir() {
    return std::filesystem::path(HCS_SHARED_DIR);
}

struct FixtureSet {
    std::string name;                                           // "bbbc013-A01"
    std::vector<std::pair<std::string, std::string>> channels;  // (channel, image path)
};

inline std::vector<FixtureSet> fixture_sets() {
    return {
        {"bbbc013-A01",
         {{"DNA", "data/bbbc013/images/Channel2-01-A-01.tif"},
          {"GFP", "data/bbbc013/images/Channel1-01-A-01.tif"}}},
        {"bbbc013-A07",
         {{"DNA", "data/bbbc013/images/Channel2-07-A-07.tif"},
          {"GFP", "data/bbbc013/images/Channel1-07-A-07.tif"}}},
        {"bbbc013-A12",
         {{"DNA", "data/bbbc013/images/Channel2-12-A-12.tif"},
          {"GFP", "data/bbbc013/images/Channel1-12-A-12.tif"}}},
        {"examplefly-01_POS002",
         {{"DNA", "data/examplefly/images/01_POS002_D.TIF"},
          {"GFP", "data/examplefly/images/01_POS002_F.TIF"},
          {"Actin", "data/examplefly/images/01_POS002_R.TIF"}}},
    };
}

inline std::filesystem::path fixture_dir(const FixtureSet& set) {
    return shared_dir() / "fixtures/cellprofiler" / set.name;
}

inline ObjectSet load_objects(const FixtureSet& set, const std::string& object) {
    return ObjectSet::from_labels(object,
                                  read_labels(fixture_dir(set) / "labels" / (object + ".tif")));
}

inline cv::Mat load_channel(const FixtureSet& set, const std::string& channel) {
    for (const auto& [name, path] : set.channels)
        if (name == channel) return read_image(shared_dir() / path).pixels;
    return cv::Mat();
}

inline double parse_value(const std::string& text) {
    if (text.empty() || text == "nan" || text == "NaN") return std::nan("");
    return std::stod(text);
}

// CellProfiler's per-object table as columns indexed by ObjectNumber - 1.
struct ObjectTable {
    std::map<std::string, std::vector<double>> columns;
    std::size_t rows = 0;
};

inline ObjectTable load_object_table(const FixtureSet& set, const std::string& object) {
    const CsvTable table = read_csv(fixture_dir(set) / (object + ".csv.gz"));
    const std::size_t number = table.column("ObjectNumber");
    ObjectTable result;
    result.rows = table.rows.size();
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        std::vector<double> values(table.rows.size(), std::nan(""));
        for (const auto& row : table.rows) {
            const auto index = static_cast<std::size_t>(std::stol(row[number])) - 1;
            if (index < values.size()) values[index] = parse_value(row[c]);
        }
        result.columns[table.header[c]] = std::move(values);
    }
    return result;
}

inline std::map<std::string, double> load_image_row(const FixtureSet& set) {
    const CsvTable table = read_csv(fixture_dir(set) / "Image.csv");
    std::map<std::string, double> row;
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        try {
            row[table.header[c]] = parse_value(table.rows.at(0)[c]);
        } catch (const std::exception&) {
            // text columns (file names, metadata) are not figures
        }
    }
    return row;
}

inline bool values_match(double ours, double reference) {
    if (std::isnan(ours) && std::isnan(reference)) return true;
    return std::fabs(ours - reference) <= 1e-9 + 1e-6 * std::fabs(reference);
}

// Tally of one comparison: columns compared, columns whose every value matches, values where
// we write NaN and CellProfiler its substitute for "cannot compute" (deliberate), and the
// worst difference, in units of the tolerance, over every value compared.
struct ParityReport {
    int columns = 0, matched_columns = 0, missing_columns = 0;
    long values = 0, matched_values = 0, deliberate_nan = 0;
    double worst = 0;
    std::string worst_column;
    std::vector<std::string> mismatched;

    void print(const std::string& title) const {
        std::printf(
            "[parity] %s: %d columns compared, %d match in every value, %d missing; "
            "%ld values, %ld match, %ld NaN where CellProfiler writes 0/1; "
            "worst |difference| / tolerance %.3g (%s)\n",
            title.c_str(), columns, matched_columns, missing_columns, values, matched_values,
            deliberate_nan, worst, worst_column.c_str());
        for (std::size_t k = 0; k < mismatched.size() && k < 8; ++k)
            std::printf("[parity]   differs: %s\n", mismatched[k].c_str());
    }
};

// `substitutes`: the values CellProfiler writes where a feature cannot be computed (0, and
// 1 for mahotas' Haralick correlation); a NaN of ours against one of them is deliberate.
inline void compare_column(const std::string& name, const std::vector<double>& ours,
                           const std::vector<double>& reference, ParityReport& report,
                           const std::vector<double>& substitutes = {0.0}) {
    ++report.columns;
    bool all = true;
    for (std::size_t k = 0; k < reference.size(); ++k) {
        const double value = k < ours.size() ? ours[k] : std::nan("");
        ++report.values;
        // difference in units of the tolerance: <= 1 is a match
        const double relative =
            std::fabs(value - reference[k]) / (1e-9 + 1e-6 * std::fabs(reference[k]));
        if (values_match(value, reference[k])) {
            ++report.matched_values;
            if (!std::isnan(relative) && relative > report.worst) {
                report.worst = relative;
                report.worst_column = name + " object " + std::to_string(k + 1);
            }
            continue;
        }
        bool deliberate = false;
        for (double s : substitutes) deliberate |= std::isnan(value) && reference[k] == s;
        if (deliberate) {
            ++report.deliberate_nan;
            continue;
        }
        all = false;
        if (!(relative <= report.worst)) {
            report.worst = std::isnan(relative) ? INFINITY : relative;
            report.worst_column = name + " object " + std::to_string(k + 1);
        }
    }
    if (all)
        ++report.matched_columns;
    else
        report.mismatched.push_back(name);
}

inline void compare_measurements(const std::string& object, const Measurements& ours,
                                 const ObjectTable& reference, ParityReport& report,
                                 const std::vector<double>& substitutes = {0.0}) {
    for (const auto& [name, values] : ours) {
        const auto found = reference.columns.find(name);
        if (found == reference.columns.end()) {
            ++report.missing_columns;
            report.mismatched.push_back(object + "_" + name + " (absent from fixture)");
            continue;
        }
        compare_column(object + "_" + name, values, found->second, report, substitutes);
    }
}

}  // namespace hcs::measure::testing
