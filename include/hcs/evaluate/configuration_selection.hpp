// Choosing a profiling configuration without tuning to the answer: leave-one-compound-out
// selection. For each compound, the candidate configurations are scored on the other compounds
// only (that compound's treatments neither queries nor neighbours), and the winner predicts the
// held-out compound. The accuracy so obtained is a nested, honest estimate of the rule.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "hcs/evaluate/moa_prediction.hpp"

namespace hcs {

struct SelectionOutcome {
    std::vector<std::string> compounds;     // in order of first appearance
    std::vector<std::size_t> chosen;        // candidate chosen for each compound
    std::vector<std::size_t> score_on_all;  // per candidate: correct NSC + NSCB, all compounds
    std::size_t chosen_on_all = 0;          // the candidate the rule picks with all compounds
    std::vector<ClassAccuracy> nested;      // per rule: held-out compounds' treatments
};

// `similarities[k]` holds candidate k's treatment similarities, rows in `labels` order (every
// candidate must describe the same treatments). Score of a candidate = number of correct 1-NN
// predictions summed over `rules`; ties go to the earlier candidate. NSCB leaves out
// `nscb_left_out_moas` as predict_moa does.
SelectionOutcome select_leave_one_compound_out(const std::vector<Eigen::MatrixXd>& similarities,
                                               const TreatmentLabels& labels,
                                               const std::vector<NeighbourExclusion>& rules,
                                               const std::set<std::string>& nscb_left_out_moas);

}  // namespace hcs
