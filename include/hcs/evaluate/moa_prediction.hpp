// Nearest-neighbour mechanism-of-action (MOA) prediction on treatment profiles with the
// not-same-compound (NSC) and not-same-compound-or-batch (NSCB) rules of Ljosa et al. 2013
// (J Biomol Screen 18:1321) and Ando et al. 2017: per-MOA accuracy and confusion matrix.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace hcs {

// What the rules need to know of each treatment (one row of the similarity matrix).
struct TreatmentLabels {
    std::vector<std::string> compound;
    std::vector<std::string> batch;
    std::vector<std::string> moa;

    std::size_t size() const { return moa.size(); }
};

enum class NeighbourExclusion {
    nsc,   // candidates exclude every treatment of the query's compound
    nscb,  // ... and every treatment of the query's batch
};

NeighbourExclusion parse_neighbour_exclusion(const std::string& text);  // "NSC", "NSCB"
std::string to_string(NeighbourExclusion exclusion);

// Whether `candidate` may serve as a neighbour of `query` under `exclusion`.
bool neighbour_allowed(const TreatmentLabels& labels, std::size_t query, std::size_t candidate,
                       NeighbourExclusion exclusion);

struct MoaPrediction {
    std::size_t query = 0;
    std::size_t neighbour = kNoNeighbour;  // kNoNeighbour when no candidate is allowed
    std::string predicted_moa;             // empty without a neighbour
    double similarity = 0;
    bool correct = false;

    static constexpr std::size_t kNoNeighbour = static_cast<std::size_t>(-1);
};

struct ClassAccuracy {
    std::size_t evaluated = 0;
    std::size_t correct = 0;
    double accuracy() const;
};

struct MoaEvaluation {
    NeighbourExclusion exclusion = NeighbourExclusion::nsc;
    std::vector<MoaPrediction> predictions;  // one per evaluated query, in row order
    std::size_t evaluated = 0;
    std::size_t correct = 0;
    double accuracy = 0;                           // correct / evaluated; NaN when none
    std::map<std::string, ClassAccuracy> per_moa;  // by true MOA
    std::vector<std::string> confusion_labels;     // sorted MOAs, plus "(none)" if needed
    Eigen::MatrixXi confusion;                     // rows: true MOA, columns: predicted MOA
};

// 1-nearest-neighbour prediction of every treatment's MOA from `similarity` (rows and columns
// in `labels` order). Treatments whose MOA is in `left_out_moas` are neither queries nor
// neighbours (Ljosa et al. leave out the MOAs found in one batch only for NSCB). Ties go to
// the lower row index. A query with no allowed neighbour counts as wrong.
MoaEvaluation predict_moa(const Eigen::MatrixXd& similarity, const TreatmentLabels& labels,
                          NeighbourExclusion exclusion,
                          const std::set<std::string>& left_out_moas = {});

// The same with the treatments taking part given row by row (usable[row]).
MoaEvaluation predict_moa_for_rows(const Eigen::MatrixXd& similarity, const TreatmentLabels& labels,
                                   NeighbourExclusion exclusion, const std::vector<bool>& usable);

}  // namespace hcs
