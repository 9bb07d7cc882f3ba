// The objects one measurement family sees: a label image, the number of objects, and each
// object's bounding box from one scan of the labels, so families work on crops, never on a
// full-image pass per object (DESIGN.md §7).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <opencv2/core.hpp>

namespace hcs::measure {

struct ObjectSet {
    std::string name;  // "Nuclei", "Cells", "Cytoplasm"
    cv::Mat labels;    // CV_32S, 0 = background, 1..count
    int count = 0;
    std::vector<cv::Rect> boxes;  // boxes[i] bounds object i + 1; empty Rect if absent

    // Builds boxes and count (the largest label) from one pass over `labels`.
    static ObjectSet from_labels(std::string name, cv::Mat labels);
};

// One family's output for one object set: feature names without the object prefix, exactly as
// CellProfiler's per-object tables name them ("AreaShape_Area",
// "Intensity_MeanIntensity_DNA"), each with one value per object (index = object number - 1).
using Measurements = std::vector<std::pair<std::string, std::vector<double>>>;

// Moves the columns of `from` to the end of `into`.
inline void append(Measurements& into, Measurements&& from) {
    for (auto& column : from) into.push_back(std::move(column));
}

}  // namespace hcs::measure
