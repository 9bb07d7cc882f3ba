// Cytoplasm as CellProfiler 5's IdentifyTertiaryObjects computes it (cellprofiler_library
// identifytertiaryobjects): the cell minus its nucleus, the nucleus first shrunk by its outline,
// and a cell that would vanish keeps its first pixel so no cytoplasm number goes missing.
#include <stdexcept>
#include <vector>

#include "hcs/segment/identify_secondary.hpp"

namespace hcs::segment {
namespace {

// centrosome's outline(): an object pixel with any 8-neighbour of another label (background
// included), or on the image edge.
bool on_outline(const cv::Mat& labels, int row, int col) {
    const int label = labels.at<int>(row, col);
    if (label == 0) return false;
    if (row == 0 || col == 0 || row == labels.rows - 1 || col == labels.cols - 1) return true;
    for (int di = -1; di <= 1; ++di) {
        const int* line = labels.ptr<int>(row + di);
        for (int dj = -1; dj <= 1; ++dj) {
            if (line[col + dj] != label) return true;
        }
    }
    return false;
}

// numpy.unique(cells, return_index=True): the first pixel of each label in raster order.
std::vector<int> first_pixels(const cv::Mat& cells, int largest) {
    std::vector<int> first(largest + 1, -1);
    for (int index = 0; index < static_cast<int>(cells.total()); ++index) {
        const int label = cells.at<int>(index / cells.cols, index % cells.cols);
        if (first[label] < 0) first[label] = index;
    }
    return first;
}

}  // namespace

cv::Mat identify_cytoplasm(const cv::Mat& cells, const cv::Mat& nuclei, bool shrink) {
    if (cells.size() != nuclei.size() || cells.type() != CV_32S || nuclei.type() != CV_32S) {
        throw std::invalid_argument("identify_cytoplasm: cells and nuclei differ (need CV_32S)");
    }
    cv::Mat cytoplasm = cells.clone();
    for (int row = 0; row < cells.rows; ++row) {
        const int* nucleus = nuclei.ptr<int>(row);
        int* out = cytoplasm.ptr<int>(row);
        for (int col = 0; col < cells.cols; ++col) {
            const bool keep = nucleus[col] == 0 || (shrink && on_outline(nuclei, row, col));
            if (!keep) out[col] = 0;
        }
    }

    double largest = 0;
    cv::minMaxLoc(cells, nullptr, &largest);
    std::vector<char> present(static_cast<int>(largest) + 1, 0);
    for (int row = 0; row < cytoplasm.rows; ++row) {
        const int* line = cytoplasm.ptr<int>(row);
        for (int col = 0; col < cytoplasm.cols; ++col) present[line[col]] = 1;
    }
    const std::vector<int> first = first_pixels(cells, static_cast<int>(largest));
    for (int label = 1; label <= static_cast<int>(largest); ++label) {
        if (present[label] || first[label] < 0) continue;
        cytoplasm.at<int>(first[label] / cells.cols, first[label] % cells.cols) = label;
    }
    return cytoplasm;
}

}  // namespace hcs::segment
