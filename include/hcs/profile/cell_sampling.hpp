// Reproducible random samples of cells: every method that samples takes a seed from the config,
// and each group derives its own stream from it, so results do not depend on the thread count.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace hcs::profile {

// A generator for one group (or step) of a seeded computation.
std::mt19937_64 seeded_generator(std::uint64_t seed, std::uint64_t stream);

// `count` distinct elements of `rows` drawn without replacement (all of them, in their order,
// when count >= rows.size()), returned in sorted order.
std::vector<std::size_t> sample_rows(const std::vector<std::size_t>& rows, std::size_t count,
                                     std::mt19937_64& generator);

}  // namespace hcs::profile

#include <Eigen/Dense>

#include "hcs/core/feature_table.hpp"

namespace hcs::profile {

// The given rows as a dense matrix with NaN replaced by 0. After normalisation against the
// controls 0 is the controls' centre, so a missing value pulls a cell towards the controls
// instead of removing it (the SVM, PCA and factor analysis cannot take NaN).
Eigen::MatrixXd gather_rows(const FeatureMatrix& features, const std::vector<std::size_t>& rows);

}  // namespace hcs::profile
