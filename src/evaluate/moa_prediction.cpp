// 1-nearest-neighbour MOA prediction with NSC / NSCB neighbour exclusion, and the accuracy,
// per-MOA accuracy and confusion matrix reported by Ljosa et al. 2013.
#include "hcs/evaluate/moa_prediction.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

constexpr const char* kNoPrediction = "(none)";

MoaPrediction nearest_neighbour(const Eigen::MatrixXd& similarity, const TreatmentLabels& labels,
                                std::size_t query, NeighbourExclusion exclusion,
                                const std::vector<bool>& usable) {
    MoaPrediction prediction;
    prediction.query = query;
    double best = -std::numeric_limits<double>::infinity();
    for (std::size_t candidate = 0; candidate < labels.size(); ++candidate) {
        if (!usable[candidate] || !neighbour_allowed(labels, query, candidate, exclusion)) continue;
        const double value =
            similarity(static_cast<Eigen::Index>(query), static_cast<Eigen::Index>(candidate));
        if (!std::isnan(value) && value > best) {
            best = value;
            prediction.neighbour = candidate;
        }
    }
    if (prediction.neighbour != MoaPrediction::kNoNeighbour) {
        prediction.predicted_moa = labels.moa[prediction.neighbour];
        prediction.similarity = best;
        prediction.correct = prediction.predicted_moa == labels.moa[query];
    } else {
        prediction.similarity = std::numeric_limits<double>::quiet_NaN();
    }
    return prediction;
}

void fill_confusion(MoaEvaluation& evaluation, const TreatmentLabels& labels) {
    std::set<std::string> names;
    for (const auto& prediction : evaluation.predictions) {
        names.insert(labels.moa[prediction.query]);
        names.insert(prediction.predicted_moa.empty() ? kNoPrediction : prediction.predicted_moa);
    }
    evaluation.confusion_labels.assign(names.begin(), names.end());
    const auto index_of = [&](const std::string& name) {
        const auto& all = evaluation.confusion_labels;
        return std::find(all.begin(), all.end(), name) - all.begin();
    };
    const auto size = static_cast<Eigen::Index>(names.size());
    evaluation.confusion = Eigen::MatrixXi::Zero(size, size);
    for (const auto& prediction : evaluation.predictions) {
        const std::string predicted =
            prediction.predicted_moa.empty() ? kNoPrediction : prediction.predicted_moa;
        ++evaluation.confusion(index_of(labels.moa[prediction.query]), index_of(predicted));
    }
}

}  // namespace

NeighbourExclusion parse_neighbour_exclusion(const std::string& text) {
    if (text == "NSC") return NeighbourExclusion::nsc;
    if (text == "NSCB") return NeighbourExclusion::nscb;
    throw UsageError("neighbour rule '" + text + "' is not NSC or NSCB");
}

std::string to_string(NeighbourExclusion exclusion) {
    return exclusion == NeighbourExclusion::nsc ? "NSC" : "NSCB";
}

bool neighbour_allowed(const TreatmentLabels& labels, std::size_t query, std::size_t candidate,
                       NeighbourExclusion exclusion) {
    if (candidate == query || labels.compound[candidate] == labels.compound[query]) return false;
    return exclusion == NeighbourExclusion::nsc || labels.batch[candidate] != labels.batch[query];
}

double ClassAccuracy::accuracy() const {
    return evaluated == 0 ? std::numeric_limits<double>::quiet_NaN()
                          : static_cast<double>(correct) / static_cast<double>(evaluated);
}

MoaEvaluation predict_moa(const Eigen::MatrixXd& similarity, const TreatmentLabels& labels,
                          NeighbourExclusion exclusion,
                          const std::set<std::string>& left_out_moas) {
    std::vector<bool> usable(labels.size());
    for (std::size_t row = 0; row < labels.size(); ++row) {
        usable[row] = left_out_moas.count(labels.moa[row]) == 0;
    }
    return predict_moa_for_rows(similarity, labels, exclusion, usable);
}

MoaEvaluation predict_moa_for_rows(const Eigen::MatrixXd& similarity, const TreatmentLabels& labels,
                                   NeighbourExclusion exclusion, const std::vector<bool>& usable) {
    MoaEvaluation evaluation;
    evaluation.exclusion = exclusion;
    for (std::size_t query = 0; query < labels.size(); ++query) {
        if (!usable[query]) continue;
        MoaPrediction prediction = nearest_neighbour(similarity, labels, query, exclusion, usable);
        ClassAccuracy& moa = evaluation.per_moa[labels.moa[query]];
        ++moa.evaluated;
        ++evaluation.evaluated;
        if (prediction.correct) {
            ++moa.correct;
            ++evaluation.correct;
        }
        evaluation.predictions.push_back(std::move(prediction));
    }
    evaluation.accuracy = evaluation.evaluated == 0 ? std::numeric_limits<double>::quiet_NaN()
                                                    : static_cast<double>(evaluation.correct) /
                                                          static_cast<double>(evaluation.evaluated);
    fill_confusion(evaluation, labels);
    return evaluation;
}

}  // namespace hcs
