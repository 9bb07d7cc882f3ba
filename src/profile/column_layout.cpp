// Blocked column extraction from the row-major feature matrix, in parallel over column blocks.
#include "hcs/profile/column_layout.hpp"

#include <algorithm>

#include "hcs/core/parallel.hpp"

namespace hcs::profile {
namespace {

// 16 doubles = two 64-byte cache lines of each row per pass over the table.
constexpr std::size_t kColumnsPerBlock = 16;

}  // namespace

ColumnLayout layout_of(const std::vector<std::vector<std::size_t>>& row_sets) {
    ColumnLayout layout;
    layout.offsets.push_back(0);
    for (const auto& rows : row_sets) {
        layout.order.insert(layout.order.end(), rows.begin(), rows.end());
        layout.offsets.push_back(layout.order.size());
    }
    return layout;
}

void for_each_column(const FeatureMatrix& features, const ColumnLayout& layout, int threads,
                     const std::function<void(std::size_t, std::vector<double>&)>& work) {
    const std::size_t columns = static_cast<std::size_t>(features.cols());
    const std::size_t blocks = (columns + kColumnsPerBlock - 1) / kColumnsPerBlock;
    parallel_for(blocks, threads, [&](std::size_t block) {
        const std::size_t first = block * kColumnsPerBlock;
        const std::size_t count = std::min(kColumnsPerBlock, columns - first);
        std::vector<std::vector<double>> values(count, std::vector<double>(layout.order.size()));
        for (std::size_t i = 0; i < layout.order.size(); ++i) {
            const double* row = features.data() + layout.order[i] * columns + first;
            for (std::size_t c = 0; c < count; ++c) values[c][i] = row[c];
        }
        for (std::size_t c = 0; c < count; ++c) work(first + c, values[c]);
    });
}

}  // namespace hcs::profile
