// Reading a row-major cell table one feature at a time, with each group's values contiguous, so
// per-well statistics (medians, KS) run on short slices. Columns are copied in blocks, so the
// 4 KB stride between a cell's rows is paid once per block and not once per feature.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "hcs/core/feature_table.hpp"

namespace hcs::profile {

// Row indices of several row sets laid end to end: set s occupies [offsets[s], offsets[s + 1]).
struct ColumnLayout {
    std::vector<std::size_t> order;
    std::vector<std::size_t> offsets;

    std::size_t sets() const { return offsets.size() - 1; }
};

ColumnLayout layout_of(const std::vector<std::vector<std::size_t>>& row_sets);

// Calls work(column, values) for every feature column, values holding that column's entries in
// layout order; work may reorder values within a set's slice. Columns run in parallel.
void for_each_column(const FeatureMatrix& features, const ColumnLayout& layout, int threads,
                     const std::function<void(std::size_t, std::vector<double>&)>& work);

}  // namespace hcs::profile
