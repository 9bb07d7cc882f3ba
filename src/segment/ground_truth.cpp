#include "hcs/segment/ground_truth.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "hcs/core/csv_table.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/segment/object_matching.hpp"

namespace hcs::segment {
namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

// The cells of one Markdown table row "| a | b | c |", without the outer bars.
std::vector<std::string> table_cells(const std::string& line) {
    std::vector<std::string> cells;
    std::stringstream row(line.substr(1));
    std::string cell;
    while (std::getline(row, cell, '|')) cells.push_back(trimmed(cell));
    if (!cells.empty() && cells.back().empty()) cells.pop_back();
    return cells;
}

int count_cell(const std::string& cell, const std::filesystem::path& file, int line_number) {
    std::size_t used = 0;
    int value = -1;
    try {
        value = std::stoi(cell, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != cell.size() || value < 0) {
        throw InputError(file.string() + ":" + std::to_string(line_number) + ": count '" + cell +
                         "' is not a whole number");
    }
    return value;
}

// Indexes of the `needed` columns in a table's header row; InputError naming one that is absent.
std::vector<std::size_t> header_columns(const std::vector<std::string>& header,
                                        const std::vector<std::string>& needed,
                                        const std::filesystem::path& file, int line_number) {
    std::vector<std::size_t> at;
    for (const std::string& name : needed) {
        const auto found = std::find(header.begin(), header.end(), name);
        if (found == header.end()) {
            throw InputError(file.string() + ":" + std::to_string(line_number) +
                             ": the per-image table has no column '" + name + "'");
        }
        at.push_back(static_cast<std::size_t>(found - header.begin()));
    }
    return at;
}

}  // namespace

DetectionCounts& DetectionCounts::operator+=(const DetectionCounts& other) {
    true_positives += other.true_positives;
    false_positives += other.false_positives;
    false_negatives += other.false_negatives;
    return *this;
}

double DetectionCounts::f1() const {
    return f1_score(true_positives, false_positives, false_negatives);
}

DetectionCounts count_detections(const cv::Mat& truth, const cv::Mat& predicted, double min_iou,
                                 bool ignore_unmatched_at_border) {
    const ObjectMatching matching = match_objects(truth, predicted, min_iou, false);
    DetectionCounts counts{matching.matched, matching.false_positives(),
                           matching.false_negatives()};
    if (ignore_unmatched_at_border) {
        const std::vector<unsigned char> at_border = objects_touching_border(predicted);
        for (int label : matching.unmatched_predicted) counts.false_positives -= at_border[label];
    }
    return counts;
}

std::vector<AnnotatedImage> read_annotated_set(const std::filesystem::path& folder) {
    const CsvTable manifest = read_csv(folder / "manifest.csv");
    const std::size_t image = manifest.column("image");
    const std::size_t mask = manifest.column("mask");
    const std::size_t diameter = manifest.column("typical_diameter_px");
    std::vector<AnnotatedImage> images;
    for (const auto& row : manifest.rows) {
        AnnotatedImage annotated;
        annotated.image = folder / row[image];
        annotated.mask = folder / row[mask];
        annotated.name = annotated.image.filename().string();
        try {
            annotated.typical_diameter = std::stod(row[diameter]);
        } catch (const std::exception&) {
            throw InputError(manifest.path.string() + ": typical_diameter_px '" + row[diameter] +
                             "' of " + annotated.name + " is not a number");
        }
        images.push_back(annotated);
    }
    return images;
}

std::map<std::string, DetectionCounts> read_baseline_counts(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw InputError(file.string() + ": cannot be read");

    // The table's columns are found by their header names, so that an added or moved column
    // cannot shift the counts read.
    const std::vector<std::string> needed = {"set", "image", "TP", "FP", "FN"};
    std::vector<std::size_t> at;  // index of each needed column, once the header is read
    std::map<std::string, DetectionCounts> counts;
    bool in_table_section = false;
    std::string line;
    for (int line_number = 1; std::getline(in, line); ++line_number) {
        if (line.rfind("## ", 0) == 0) {
            in_table_section = trimmed(line) == "## Per image";
            at.clear();
        }
        if (!in_table_section || line.rfind("|", 0) != 0) continue;
        const std::vector<std::string> cells = table_cells(line);
        if (at.empty()) {  // the first row is the header, the second its |---| rule
            at = header_columns(cells, needed, file, line_number);
            continue;
        }
        if (!cells.empty() && cells.front().find("---") != std::string::npos) continue;
        if (cells.size() <= *std::max_element(at.begin(), at.end())) {
            throw InputError(file.string() + ":" + std::to_string(line_number) + ": " +
                             std::to_string(cells.size()) + " cells, fewer than the header's");
        }
        counts[cells[at[0]] + "/" + cells[at[1]]] = {count_cell(cells[at[2]], file, line_number),
                                                     count_cell(cells[at[3]], file, line_number),
                                                     count_cell(cells[at[4]], file, line_number)};
    }
    if (counts.empty()) throw InputError(file.string() + ": no \"## Per image\" table");
    return counts;
}

}  // namespace hcs::segment
