// Seeded sampling without replacement by a partial Fisher-Yates shuffle.
#include "hcs/profile/cell_sampling.hpp"

#include <algorithm>

namespace hcs::profile {

std::mt19937_64 seeded_generator(std::uint64_t seed, std::uint64_t stream) {
    std::seed_seq sequence{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                           static_cast<std::uint32_t>(stream),
                           static_cast<std::uint32_t>(stream >> 32)};
    return std::mt19937_64(sequence);
}

std::vector<std::size_t> sample_rows(const std::vector<std::size_t>& rows, std::size_t count,
                                     std::mt19937_64& generator) {
    if (count >= rows.size()) return rows;
    std::vector<std::size_t> pool = rows;
    for (std::size_t i = 0; i < count; ++i) {
        std::uniform_int_distribution<std::size_t> pick(i, pool.size() - 1);
        std::swap(pool[i], pool[pick(generator)]);
    }
    pool.resize(count);
    std::sort(pool.begin(), pool.end());
    return pool;
}

}  // namespace hcs::profile

#include <cmath>

namespace hcs::profile {

Eigen::MatrixXd gather_rows(const FeatureMatrix& features, const std::vector<std::size_t>& rows) {
    Eigen::MatrixXd gathered(rows.size(), features.cols());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        gathered.row(i) = features.row(rows[i]);
    }
    return gathered.unaryExpr([](double value) { return std::isnan(value) ? 0.0 : value; });
}

}  // namespace hcs::profile
