// Cells as CellProfiler 5's IdentifySecondaryObjects finds them: seeds from the nuclei, the cell
// channel's threshold, one of five growth methods, holes filled, each region renumbered to the
// final nucleus inside it (cellprofiler_library identifysecondaryobjects and filter_labels).
#include "hcs/segment/identify_secondary.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <vector>

#include "hcs/segment/distance_expansion.hpp"
#include "hcs/segment/fill_background_holes.hpp"
#include "hcs/segment/propagate.hpp"
#include "hcs/segment/watershed_cells.hpp"

namespace hcs::segment {
namespace {

int largest_label(const cv::Mat& labels) {
    double largest = 0;
    if (!labels.empty()) cv::minMaxLoc(labels, nullptr, &largest);
    return static_cast<int>(largest);
}

std::vector<char> labels_on_border(const cv::Mat& labels) {
    std::vector<char> touching(largest_label(labels) + 1, 0);
    for (int col = 0; col < labels.cols; ++col) {
        touching[labels.at<int>(0, col)] = 1;
        touching[labels.at<int>(labels.rows - 1, col)] = 1;
    }
    for (int row = 0; row < labels.rows; ++row) {
        touching[labels.at<int>(row, 0)] = 1;
        touching[labels.at<int>(row, labels.cols - 1)] = 1;
    }
    touching[0] = 0;
    return touching;
}

// "Discard secondary objects touching the border": cells with a pixel on the image edge go.
void drop_border_cells(cv::Mat& cells) {
    const std::vector<char> touching = labels_on_border(cells);
    cells.forEach<int>([&](int& label, const int*) {
        if (touching[label]) label = 0;
    });
}

void check_sizes(const cv::Mat& image, const cv::Mat& seeds, const cv::Mat& foreground) {
    if (seeds.type() != CV_32S || seeds.size() != image.size() ||
        (!foreground.empty() && foreground.size() != image.size())) {
        throw std::invalid_argument("grow cells: image, seeds (CV_32S) and mask differ in size");
    }
}

}  // namespace

cv::Mat cell_seeds(const cv::Mat& unedited_nuclei, const cv::Mat& final_nuclei) {
    const std::vector<char> touching = labels_on_border(unedited_nuclei);
    cv::Mat seeds = unedited_nuclei.clone();
    for (int row = 0; row < seeds.rows; ++row) {
        int* seed = seeds.ptr<int>(row);
        const int* final_label = final_nuclei.ptr<int>(row);
        for (int col = 0; col < seeds.cols; ++col) {
            if (!touching[seed[col]] && final_label[col] == 0) seed[col] = 0;
        }
    }
    return seeds;
}

cv::Mat grow_unfiltered_cells(const cv::Mat& image, const cv::Mat& seeds, const cv::Mat& foreground,
                              const SecondarySettings& settings) {
    check_sizes(image, seeds, foreground);
    cv::Mat grown;
    switch (settings.method) {
        case SecondaryMethod::Propagation:
            grown = propagate(image, seeds, foreground != 0, settings.regularization).labels;
            break;
        case SecondaryMethod::WatershedGradient:
            grown = watershed_gradient_cells(image, seeds, foreground);
            break;
        case SecondaryMethod::WatershedImage:
            grown = watershed_image_cells(image, seeds, foreground);
            break;
        case SecondaryMethod::DistanceN:
            grown = expand_seeds_by_distance(seeds, settings.distance_to_dilate);
            break;
        case SecondaryMethod::DistanceB:
            grown = expand_seeds_within_foreground(image, seeds, foreground != 0,
                                                   settings.distance_to_dilate);
            break;
    }
    if (!settings.fill_holes) return grown;
    return fill_background_holes(grown);
}

cv::Mat renumber_to_final_nuclei(const cv::Mat& unfiltered, const cv::Mat& final_nuclei) {
    std::vector<int> final_number(largest_label(unfiltered) + 1, 0);
    for (int row = 0; row < unfiltered.rows; ++row) {
        const int* region = unfiltered.ptr<int>(row);
        const int* nucleus = final_nuclei.ptr<int>(row);
        for (int col = 0; col < unfiltered.cols; ++col) {
            int& number = final_number[region[col]];
            number = std::max(number, nucleus[col]);
        }
    }
    final_number[0] = 0;
    cv::Mat cells(unfiltered.size(), CV_32S);
    for (int row = 0; row < unfiltered.rows; ++row) {
        const int* region = unfiltered.ptr<int>(row);
        int* cell = cells.ptr<int>(row);
        for (int col = 0; col < unfiltered.cols; ++col) cell[col] = final_number[region[col]];
    }
    return cells;
}

cv::Mat grow_cells(const cv::Mat& image, const cv::Mat& seeds, const cv::Mat& foreground,
                   const cv::Mat& final_nuclei, const SecondarySettings& settings) {
    cv::Mat cells = renumber_to_final_nuclei(
        grow_unfiltered_cells(image, seeds, foreground, settings), final_nuclei);
    if (settings.discard_border_cells) drop_border_cells(cells);
    return cells;
}

SecondaryResult identify_secondary(const cv::Mat& image, const PrimaryResult& nuclei,
                                   const SecondarySettings& settings) {
    if (nuclei.labels.size() != image.size()) {
        throw std::invalid_argument("identify_secondary: nuclei and cell image differ in size");
    }
    SecondaryResult result;
    // Distance - N uses no threshold: CellProfiler records none, so neither do we (NaN).
    cv::Mat foreground;
    if (settings.method == SecondaryMethod::DistanceN) {
        result.threshold.final_threshold = std::numeric_limits<double>::quiet_NaN();
        result.threshold.original_threshold = std::numeric_limits<double>::quiet_NaN();
    } else {
        result.threshold = compute_threshold(image, settings.threshold);
        foreground = result.threshold.foreground;
    }
    // Without the unedited nuclei (labels from elsewhere), the final nuclei are the seeds.
    const cv::Mat& unedited =
        nuclei.unedited_labels.empty() ? nuclei.labels : nuclei.unedited_labels;
    const cv::Mat seeds = cell_seeds(unedited, nuclei.labels);
    result.unfiltered_labels = grow_unfiltered_cells(image, seeds, foreground, settings);
    result.labels = renumber_to_final_nuclei(result.unfiltered_labels, nuclei.labels);
    if (settings.discard_border_cells) drop_border_cells(result.labels);
    return result;
}

}  // namespace hcs::segment
