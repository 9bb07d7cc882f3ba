// How well profiles separate groups: mean average precision of retrieving a profile's own group
// (replicate wells of a treatment, wells of a genotype) by cosine similarity, as in
// Kalinin et al. 2025 (copairs) and pycytominer's evaluation; with a permutation baseline.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "hcs/core/feature_table.hpp"

namespace hcs::profile {

// Average precision of each query row: the other rows ranked by decreasing cosine similarity,
// precision averaged over the ranks of the rows sharing the query's label. NaN features are read
// as 0. A query without another row of its label gets NaN.
std::vector<double> average_precisions(const Eigen::MatrixXd& profiles,
                                       const std::vector<std::string>& labels);

// Mean of the finite average precisions.
double mean_average_precision(const Eigen::MatrixXd& profiles,
                              const std::vector<std::string>& labels);

// The mean of mean_average_precision over `permutations` random relabellings (seeded): the
// figure a method without any signal would reach on these group sizes.
double permuted_map_baseline(const Eigen::MatrixXd& profiles, std::vector<std::string> labels,
                             int permutations, std::uint64_t seed);

// Labels of each row of a table: the values of `columns` joined by "|".
std::vector<std::string> row_labels(const FeatureTable& table,
                                    const std::vector<std::string>& columns);

}  // namespace hcs::profile
