// Mean average precision (mAP) of MOA retrieval: each treatment queries the others (under the
// NSC or NSCB rule) ranked by similarity, treatments of the same MOA being the positives; with
// permutation p-values (Kalinin et al. 2024, "A versatile information retrieval framework for
// evaluating profile strength and similarity", the copairs method).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "hcs/evaluate/moa_prediction.hpp"

namespace hcs {

struct QueryPrecision {
    std::size_t query = 0;
    std::size_t positives = 0;   // allowed candidates of the same MOA
    std::size_t candidates = 0;  // allowed candidates
    double average_precision = 0;
    double p_value = 0;  // P(AP >= observed) when the positives fall at random ranks
};

struct MeanAveragePrecision {
    NeighbourExclusion exclusion = NeighbourExclusion::nsc;
    std::vector<QueryPrecision> queries;  // queries with at least one positive
    double mean_average_precision = 0;    // NaN when no query has a positive
    double p_value = 0;  // P(mAP >= observed) when MOA labels are permuted over treatments
    std::map<std::string, double> per_moa;  // mean AP of the queries of each MOA
    std::size_t permutations = 0;
};

// Average precision of one ranking: the mean, over the positives, of the precision at each
// positive's rank. `is_positive` is in ranked order (most similar first).
double average_precision(const std::vector<bool>& is_positive);

// mAP of `labels` under `similarity`, NSC or NSCB. Treatments with an MOA in `left_out_moas`
// take no part. p-values from `permutations` random draws (seeded, so reports reproduce):
// +1 in numerator and denominator so that no p-value is 0.
MeanAveragePrecision mean_average_precision(const Eigen::MatrixXd& similarity,
                                            const TreatmentLabels& labels,
                                            NeighbourExclusion exclusion,
                                            const std::set<std::string>& left_out_moas,
                                            std::size_t permutations, std::uint64_t seed);

}  // namespace hcs
