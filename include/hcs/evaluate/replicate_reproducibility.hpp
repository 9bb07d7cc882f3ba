// A label-free figure of merit for a profiling configuration: how much more similar replicate
// wells of a treatment are to each other than to wells of other treatments (the idea behind
// "percent replicating", Way et al. 2022, and the replicate correlation of Ljosa et al. 2013).
// It never looks at MOA labels, so it can choose settings without tuning to the answer.
#pragma once

#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"
#include "hcs/evaluate/similarity.hpp"

namespace hcs {

struct ReplicateReproducibility {
    double replicate_similarity = 0;      // mean over treatments of their mean replicate pair
    double non_replicate_similarity = 0;  // mean over all pairs of wells of different treatments
    double separation = 0;                // the difference of the two: the figure of merit
    std::size_t treatments = 0;           // treatments with at least two wells
};

// Over the rows of `wells` (controls already removed), a treatment being one combination of
// the values of `treatment_columns`.
ReplicateReproducibility replicate_reproducibility(
    const FeatureTable& wells, const std::vector<std::string>& treatment_columns,
    SimilarityMeasure measure);

}  // namespace hcs
