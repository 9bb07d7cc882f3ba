// Mean average precision of same-label retrieval by cosine similarity (the figure copairs and
// the JUMP Cell Painting papers report), computed exactly over all rows.
#include "hcs/profile/replicate_map.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "hcs/profile/cell_sampling.hpp"
#include "hcs/profile/groups.hpp"

namespace hcs::profile {
namespace {

Eigen::MatrixXd unit_rows(const Eigen::MatrixXd& profiles) {
    Eigen::MatrixXd rows =
        profiles.unaryExpr([](double value) { return std::isnan(value) ? 0.0 : value; });
    for (Eigen::Index row = 0; row < rows.rows(); ++row) {
        const double length = rows.row(row).norm();
        if (length > 0) rows.row(row) /= length;
    }
    return rows;
}

double average_precision(const Eigen::VectorXd& similarity, std::size_t query,
                         const std::vector<std::string>& labels) {
    std::vector<std::size_t> others;
    for (std::size_t row = 0; row < labels.size(); ++row) {
        if (row != query) others.push_back(row);
    }
    // Ties broken by row index, so the figure does not depend on the sort's whims.
    std::stable_sort(others.begin(), others.end(),
                     [&](std::size_t a, std::size_t b) { return similarity(a) > similarity(b); });
    double precision_sum = 0;
    std::size_t hits = 0;
    for (std::size_t rank = 0; rank < others.size(); ++rank) {
        if (labels[others[rank]] != labels[query]) continue;
        ++hits;
        precision_sum += static_cast<double>(hits) / static_cast<double>(rank + 1);
    }
    return hits == 0 ? std::numeric_limits<double>::quiet_NaN() : precision_sum / hits;
}

}  // namespace

std::vector<double> average_precisions(const Eigen::MatrixXd& profiles,
                                       const std::vector<std::string>& labels) {
    const Eigen::MatrixXd rows = unit_rows(profiles);
    const Eigen::MatrixXd similarity = rows * rows.transpose();
    std::vector<double> precisions(labels.size());
    for (std::size_t query = 0; query < labels.size(); ++query) {
        precisions[query] = average_precision(similarity.col(query), query, labels);
    }
    return precisions;
}

double mean_average_precision(const Eigen::MatrixXd& profiles,
                              const std::vector<std::string>& labels) {
    double sum = 0;
    std::size_t count = 0;
    for (double precision : average_precisions(profiles, labels)) {
        if (std::isnan(precision)) continue;
        sum += precision;
        ++count;
    }
    return count == 0 ? std::numeric_limits<double>::quiet_NaN() : sum / count;
}

double permuted_map_baseline(const Eigen::MatrixXd& profiles, std::vector<std::string> labels,
                             int permutations, std::uint64_t seed) {
    auto generator = seeded_generator(seed, 0);
    double sum = 0;
    for (int p = 0; p < permutations; ++p) {
        std::shuffle(labels.begin(), labels.end(), generator);
        sum += mean_average_precision(profiles, labels);
    }
    return sum / permutations;
}

std::vector<std::string> row_labels(const FeatureTable& table,
                                    const std::vector<std::string>& columns) {
    std::vector<std::string> labels(table.rows());
    for (const auto& column : columns) {
        const std::size_t index = require_metadata(table, column, "label");
        for (std::size_t row = 0; row < table.rows(); ++row) {
            labels[row] += (labels[row].empty() ? "" : "|") + table.metadata[row][index];
        }
    }
    return labels;
}

}  // namespace hcs::profile
