// Seeded watershed by priority flooding (Beucher and Meyer 1993), with scikit-image 0.19's
// ordering: a heap of (value, age), labels given when a pixel is pushed, neighbours visited
// orthogonal first, then diagonal.
#include <algorithm>
#include <cstdint>
#include <queue>
#include <vector>

#include "hcs/segment/marker_watershed.hpp"
#include "hcs/segment/threshold_methods.hpp"

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

namespace {

// Above this many distinct surface values the flooding uses a heap instead of one queue per
// value (8- and 16-bit images have at most 65536).
constexpr std::size_t kMaxQueueLevels = 65536;

// Priority flooding with a FIFO queue per distinct value: a FIFO keeps the pixels of one value
// in the order they were reached, which is the (value, age) order of scikit-image's heap.
void flood_by_levels(const double* value, int* label, const unsigned char* allowed, int rows,
                     int columns, const std::vector<double>& levels) {
    std::vector<std::vector<int>> queue(levels.size());
    std::vector<std::size_t> head(levels.size(), 0);
    std::size_t lowest = levels.size();
    auto push = [&](int index) {
        const std::size_t level = static_cast<std::size_t>(
            std::lower_bound(levels.begin(), levels.end(), value[index]) - levels.begin());
        queue[level].push_back(index);
        lowest = std::min(lowest, level);
    };
    for (int index = 0; index < rows * columns; ++index) {
        if (label[index] != 0) push(index);
    }
    while (lowest < levels.size()) {
        if (head[lowest] == queue[lowest].size()) {
            ++lowest;
            continue;
        }
        const int index = queue[lowest][head[lowest]++];
        const int row = index / columns, column = index % columns;
        for (int k = 0; k < 8; ++k) {
            const int r = row + kNeighbourRows[k], c = column + kNeighbourColumns[k];
            if (r < 0 || r >= rows || c < 0 || c >= columns) continue;
            const int neighbour = r * columns + c;
            if ((allowed && !allowed[neighbour]) || label[neighbour] != 0) continue;
            label[neighbour] = label[index];
            push(neighbour);
        }
    }
}

void flood_by_heap(const double* value, int* label, const unsigned char* allowed, int rows,
                   int columns) {
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
}

}  // namespace

cv::Mat marker_watershed(const cv::Mat& surface, const cv::Mat& markers, const cv::Mat& mask) {
    CV_Assert(surface.type() == CV_64F && markers.type() == CV_32S);
    CV_Assert(markers.size() == surface.size() && (mask.empty() || mask.size() == surface.size()));
    const cv::Mat values = surface.isContinuous() ? surface : surface.clone();
    const cv::Mat inside = mask.empty() || mask.isContinuous() ? mask : mask.clone();
    cv::Mat labels = markers.clone();
    if (!inside.empty()) labels.setTo(0, inside == 0);
    const double* value = values.ptr<double>();
    int* label = labels.ptr<int>();
    const unsigned char* allowed = inside.empty() ? nullptr : inside.ptr<unsigned char>();

    // Distinct values inside the mask; surfaces made from float images (1 - image) are sorted
    // by the radix sort of the threshold methods, others by std::sort.
    std::vector<float> single;
    bool all_single = true;
    for (std::size_t index = 0, end = values.total(); index < end && all_single; ++index) {
        if (allowed && !allowed[index]) continue;
        single.push_back(static_cast<float>(value[index]));
        all_single = static_cast<double>(single.back()) == value[index];
    }
    std::vector<double> levels;
    if (all_single) {
        single = sorted_pixels(single);
        single.erase(std::unique(single.begin(), single.end()), single.end());
        levels.assign(single.begin(), single.end());
    } else {
        for (std::size_t index = 0, end = values.total(); index < end; ++index) {
            if (!allowed || allowed[index]) levels.push_back(value[index]);
        }
        std::sort(levels.begin(), levels.end());
        levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    }
    if (levels.size() <= kMaxQueueLevels) {
        flood_by_levels(value, label, allowed, values.rows, values.cols, levels);
    } else {
        flood_by_heap(value, label, allowed, values.rows, values.cols);
    }
    return labels;
}

}  // namespace hcs::segment
