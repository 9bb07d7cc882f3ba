// Zernike shape moments of objects (centrosome.zernike as CellProfiler's MeasureObjectSizeShape
// calls it): pixel centres mapped into each object's minimum enclosing circle, the magnitude of
// the sum of each Zernike polynomial over the object divided by the circle's area.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "hcs/measure/object_set.hpp"

namespace hcs::measure {

// (n, m) for n = 0..max_order, m = n mod 2, ..., n: the 30 indexes of orders 0..9.
std::vector<std::pair<int, int>> zernike_indexes(int max_order);

// One row per object (index = object number - 1), one column per index; NaN for empty objects.
std::vector<std::vector<double>> zernike_moments(const ObjectSet& objects,
                                                 const std::vector<std::pair<int, int>>& indexes);

}  // namespace hcs::measure
