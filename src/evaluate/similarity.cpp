// Cosine and Pearson similarity matrices between profiles: rows scaled to unit length
// (after centring, for Pearson), then one matrix product.
#include "hcs/evaluate/similarity.hpp"

#include <cmath>
#include <limits>

#include "hcs/core/errors.hpp"

namespace hcs {

SimilarityMeasure parse_similarity_measure(const std::string& text) {
    if (text == "cosine") return SimilarityMeasure::cosine;
    if (text == "pearson") return SimilarityMeasure::pearson;
    throw UsageError("similarity '" + text + "' is not cosine or pearson");
}

std::string to_string(SimilarityMeasure measure) {
    return measure == SimilarityMeasure::cosine ? "cosine" : "pearson";
}

Eigen::MatrixXd similarity_matrix(const FeatureMatrix& profiles, SimilarityMeasure measure) {
    Eigen::MatrixXd unit = profiles;
    if (measure == SimilarityMeasure::pearson) {
        unit = unit.colwise() - unit.rowwise().mean();
    }

    // A zero-length row has no direction: its similarities are NaN, not 0.
    for (Eigen::Index row = 0; row < unit.rows(); ++row) {
        const double length = unit.row(row).norm();
        if (length > 0) {
            unit.row(row) /= length;
        } else {
            unit.row(row).setConstant(std::numeric_limits<double>::quiet_NaN());
        }
    }
    return unit * unit.transpose();
}

}  // namespace hcs
