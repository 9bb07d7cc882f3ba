// Seeded watershed by priority flooding (Beucher and Meyer 1993), with scikit-image 0.19's
// ordering: a heap of (value, age), labels given when a pixel is pushed, neighbours visited
// orthogonal first, then diagonal.
#include <cstdint>
#include <queue>
#include <vector>

#include "hcs/segment/marker_watershed.hpp"

namespace hcs::segment {
namespace {

struct FloodElement {
    double value;
    std::uint64_t age;
    int index;
};

struct LaterFirst {
    bool operator()(const FloodElement& a, const FloodElement& b) const {
        if (a.value != b.value) return a.value > b.value;
        if (a.age != b.age) return a.age > b.age;
        return a.index > b.index;
    }
};

// scikit-image sorts the 3x3 offsets by city-block distance, keeping raster order within a
// distance: up, left, right, down, then the four diagonals.
constexpr int kNeighbourRows[8] = {-1, 0, 0, 1, -1, -1, 1, 1};
constexpr int kNeighbourColumns[8] = {0, -1, 1, 0, -1, 1, -1, 1};

}  // namespace

cv::Mat marker_watershed(const cv::Mat& surface, const cv::Mat& markers, const cv::Mat& mask) {
    CV_Assert(surface.type() == CV_64F && markers.type() == CV_32S);
    CV_Assert(markers.size() == surface.size() && (mask.empty() || mask.size() == surface.size()));
    const int rows = surface.rows, columns = surface.cols;
    cv::Mat labels = markers.clone();
    if (!mask.empty()) labels.setTo(0, mask == 0);
    const double* value = surface.ptr<double>();
    int* label = labels.ptr<int>();
    const unsigned char* allowed = mask.empty() ? nullptr : mask.ptr<unsigned char>();

    std::priority_queue<FloodElement, std::vector<FloodElement>, LaterFirst> heap;
    for (int index = 0; index < rows * columns; ++index) {
        if (label[index] != 0) heap.push({value[index], 0, index});
    }
    std::uint64_t age = 0;
    while (!heap.empty()) {
        const FloodElement element = heap.top();
        heap.pop();
        const int row = element.index / columns, column = element.index % columns;
        for (int k = 0; k < 8; ++k) {
            const int r = row + kNeighbourRows[k], c = column + kNeighbourColumns[k];
            if (r < 0 || r >= rows || c < 0 || c >= columns) continue;
            const int neighbour = r * columns + c;
            if ((allowed && !allowed[neighbour]) || label[neighbour] != 0) continue;
            label[neighbour] = label[element.index];
            heap.push({value[neighbour], ++age, neighbour});
        }
    }
    return labels;
}

}  // namespace hcs::segment
