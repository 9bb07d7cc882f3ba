// Neighbour relations between objects of one set (CellProfiler MeasureObjectNeighbors with the
// objects as their own neighbours): count, percent of the perimeter touching, the two closest
// objects by centre distance and the angle between them.
#pragma once

#include <string>

#include <opencv2/core.hpp>

#include "hcs/measure/object_set.hpp"

namespace hcs::measure {

enum class NeighborMethod { ExpandUntilAdjacent, Adjacent, WithinDistance };

struct NeighborSettings {
    NeighborMethod method = NeighborMethod::ExpandUntilAdjacent;
    int distance = 5;  // pixels, for WithinDistance
};

// Feature names end in the scale CellProfiler appends: "Expanded", "Adjacent" or the distance.
std::string neighbor_scale(const NeighborSettings& settings);

// Measures the final objects `kept` among all objects of `unfiltered`, the same segmentation
// before objects touching the border (and, for nuclei, too large) were discarded: CellProfiler
// counts those as neighbours too ("consider objects discarded for touching image border").
// Each kept object is matched to the unfiltered object covering most of its pixels; pass the
// kept labels as `unfiltered` when no earlier labels exist. Features "Neighbors_<Feature>_<scale>".
Measurements measure_object_neighbors(const ObjectSet& kept, const cv::Mat& unfiltered,
                                      const NeighborSettings& settings);

// For every pixel, the label of the nearest labelled pixel (Euclidean; labelled pixels keep
// their own): CellProfiler's "expand until adjacent" through scipy's feature transform.
cv::Mat expand_labels_to_nearest(const cv::Mat& labels);

}  // namespace hcs::measure
