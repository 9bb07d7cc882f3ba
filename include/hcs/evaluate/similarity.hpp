// Similarity between profiles: cosine of the angle between feature vectors, or Pearson
// correlation (cosine of the mean-centred vectors), the two measures used for nearest-neighbour
// MOA prediction (Ljosa et al. 2013; pycytominer / cytominer-eval).
#pragma once

#include <string>

#include <Eigen/Dense>

#include "hcs/core/feature_table.hpp"

namespace hcs {

enum class SimilarityMeasure { cosine, pearson };

SimilarityMeasure parse_similarity_measure(const std::string& text);
std::string to_string(SimilarityMeasure measure);

// Rows x rows matrix of similarities between the rows of `profiles`. A row of zero length
// (cosine) or zero variance (Pearson) has NaN similarity to every row.
Eigen::MatrixXd similarity_matrix(const FeatureMatrix& profiles, SimilarityMeasure measure);

}  // namespace hcs
