// Label-free transforms of normalised well profiles before similarity search: dropping
// redundant (highly correlated) features, and whitening by the covariance of the control wells,
// "typical variation normalisation" (Ando et al. 2017, bioRxiv 161422).
#pragma once

#include <string>

#include "hcs/core/feature_table.hpp"

namespace hcs {

struct TransformSettings {
    // Keep a feature only if its |Pearson r| with every feature kept before it is below this;
    // 1 or more keeps all. Features are visited in the table's order
    // (profile::CorrelationRule::greedy_in_column_order); correlations are over all wells.
    double correlation_threshold = 1.0;
    // Whitening: none, or the control wells' covariance (one whitening for all plates, or one
    // per batch when whiten_per_batch).
    bool whiten_by_controls = false;
    bool whiten_per_batch = false;
    // Added to every eigenvalue, as a fraction of their mean, so that directions in which the
    // controls barely vary are not blown up (Ando et al. use a small regulariser as well).
    double whitening_regularisation = 0.01;
};

// Rotates and scales the features so that the rows of `control_rows` have (regularised)
// identity covariance, in the ZCA form x -> V (Lambda + eps)^(-1/2) V^T (x - mean_controls),
// where V, Lambda are the eigenvectors and eigenvalues of the control covariance. Features keep
// their names. InputError when fewer than two control rows are given.
FeatureTable whiten_by_controls(const FeatureTable& table,
                                const std::vector<std::size_t>& control_rows,
                                double regularisation);

}  // namespace hcs
