// Builds an ObjectSet from a label image: the object count and every object's bounding box from
// one raster scan, so each measurement family can work on crops (DESIGN.md §7).

#include "hcs/measure/object_set.hpp"

#include <algorithm>
#include <cassert>

namespace hcs::measure {

namespace {

// Running extent of one object during the scan; empty until its first pixel.
struct Extent {
    int left = 0, top = 0, right = -1, bottom = -1;
    void add(int x, int y) {
        if (right < left) {
            left = right = x;
            top = bottom = y;
            return;
        }
        left = std::min(left, x);
        right = std::max(right, x);
        top = std::min(top, y);
        bottom = std::max(bottom, y);
    }
};

}  // namespace

ObjectSet ObjectSet::from_labels(std::string name, cv::Mat labels) {
    assert(labels.type() == CV_32S);
    ObjectSet objects;
    objects.name = std::move(name);

    double largest = 0;
    if (!labels.empty()) cv::minMaxLoc(labels, nullptr, &largest);
    objects.count = static_cast<int>(largest);

    std::vector<Extent> extents(static_cast<std::size_t>(objects.count) + 1);
    for (int y = 0; y < labels.rows; ++y) {
        const int* row = labels.ptr<int>(y);
        for (int x = 0; x < labels.cols; ++x) {
            if (row[x] > 0) extents[static_cast<std::size_t>(row[x])].add(x, y);
        }
    }

    objects.boxes.resize(static_cast<std::size_t>(objects.count));
    for (int label = 1; label <= objects.count; ++label) {
        const Extent& extent = extents[static_cast<std::size_t>(label)];
        if (extent.right < extent.left) continue;  // number unused: empty box
        objects.boxes[static_cast<std::size_t>(label - 1)] =
            cv::Rect(extent.left, extent.top, extent.right - extent.left + 1,
                     extent.bottom - extent.top + 1);
    }
    objects.labels = std::move(labels);
    return objects;
}

}  // namespace hcs::measure
