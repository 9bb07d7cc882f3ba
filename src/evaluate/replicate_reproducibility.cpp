// Replicate reproducibility: mean similarity of replicate wells minus mean similarity of
// non-replicate wells, a label-free criterion for choosing normalisation and transforms.
#include "hcs/evaluate/replicate_reproducibility.hpp"

#include <cmath>
#include <limits>
#include <map>

#include "hcs/core/errors.hpp"
#include "hcs/profile/groups.hpp"

namespace hcs {

ReplicateReproducibility replicate_reproducibility(
    const FeatureTable& wells, const std::vector<std::string>& treatment_columns,
    SimilarityMeasure measure) {
    std::vector<std::size_t> columns;
    for (const auto& name : treatment_columns) {
        columns.push_back(profile::require_metadata(wells, name, "treatment"));
    }
    std::map<std::vector<std::string>, int> treatment_ids;
    std::vector<int> treatment_of(wells.rows());
    for (std::size_t row = 0; row < wells.rows(); ++row) {
        std::vector<std::string> key;
        for (std::size_t column : columns) key.push_back(wells.metadata[row][column]);
        treatment_of[row] =
            treatment_ids.emplace(key, static_cast<int>(treatment_ids.size())).first->second;
    }

    const Eigen::MatrixXd similarity = similarity_matrix(wells.features, measure);
    std::vector<double> replicate_sum(treatment_ids.size(), 0.0);
    std::vector<std::size_t> replicate_pairs(treatment_ids.size(), 0);
    double other_sum = 0;
    std::size_t other_pairs = 0;
    for (std::size_t a = 0; a < wells.rows(); ++a) {
        for (std::size_t b = a + 1; b < wells.rows(); ++b) {
            const double value =
                similarity(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b));
            if (std::isnan(value)) continue;
            if (treatment_of[a] == treatment_of[b]) {
                replicate_sum[static_cast<std::size_t>(treatment_of[a])] += value;
                ++replicate_pairs[static_cast<std::size_t>(treatment_of[a])];
            } else {
                other_sum += value;
                ++other_pairs;
            }
        }
    }

    ReplicateReproducibility result;
    double sum = 0;
    for (std::size_t t = 0; t < replicate_sum.size(); ++t) {
        if (replicate_pairs[t] == 0) continue;
        sum += replicate_sum[t] / static_cast<double>(replicate_pairs[t]);
        ++result.treatments;
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    result.replicate_similarity =
        result.treatments ? sum / static_cast<double>(result.treatments) : nan;
    result.non_replicate_similarity =
        other_pairs ? other_sum / static_cast<double>(other_pairs) : nan;
    result.separation = result.replicate_similarity - result.non_replicate_similarity;
    return result;
}

}  // namespace hcs
