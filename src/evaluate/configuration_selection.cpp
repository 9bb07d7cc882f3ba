// Leave-one-compound-out choice among candidate configurations (nested cross-validation over
// compounds, the unit that NSC treats as independent; Ljosa et al. 2013 hold out compounds in
// the same way when they predict MOAs).
#include "hcs/evaluate/configuration_selection.hpp"

#include <algorithm>

namespace hcs {
namespace {

std::vector<bool> usable_rows(const TreatmentLabels& labels, NeighbourExclusion rule,
                              const std::set<std::string>& nscb_left_out,
                              const std::string& held_out_compound) {
    std::vector<bool> usable(labels.size());
    for (std::size_t row = 0; row < labels.size(); ++row) {
        usable[row] =
            labels.compound[row] != held_out_compound &&
            (rule == NeighbourExclusion::nsc || nscb_left_out.count(labels.moa[row]) == 0);
    }
    return usable;
}

// Correct predictions of `similarity` summed over the rules, with `held_out` taking no part.
std::size_t score(const Eigen::MatrixXd& similarity, const TreatmentLabels& labels,
                  const std::vector<NeighbourExclusion>& rules,
                  const std::set<std::string>& nscb_left_out, const std::string& held_out) {
    std::size_t correct = 0;
    for (NeighbourExclusion rule : rules) {
        correct += predict_moa_for_rows(similarity, labels, rule,
                                        usable_rows(labels, rule, nscb_left_out, held_out))
                       .correct;
    }
    return correct;
}

std::size_t best_candidate(const std::vector<std::size_t>& scores) {
    return static_cast<std::size_t>(std::max_element(scores.begin(), scores.end()) -
                                    scores.begin());
}

}  // namespace

SelectionOutcome select_leave_one_compound_out(const std::vector<Eigen::MatrixXd>& similarities,
                                               const TreatmentLabels& labels,
                                               const std::vector<NeighbourExclusion>& rules,
                                               const std::set<std::string>& nscb_left_out_moas) {
    SelectionOutcome outcome;
    for (const auto& compound : labels.compound) {
        if (std::find(outcome.compounds.begin(), outcome.compounds.end(), compound) ==
            outcome.compounds.end()) {
            outcome.compounds.push_back(compound);
        }
    }
    for (const auto& similarity : similarities) {
        outcome.score_on_all.push_back(score(similarity, labels, rules, nscb_left_out_moas, ""));
    }
    outcome.chosen_on_all = best_candidate(outcome.score_on_all);

    // Predictions of every candidate on all data; a held-out compound's rows are read from the
    // candidate chosen without it.
    std::vector<std::vector<MoaEvaluation>> full(similarities.size());
    for (std::size_t k = 0; k < similarities.size(); ++k) {
        for (NeighbourExclusion rule : rules) {
            full[k].push_back(predict_moa_for_rows(
                similarities[k], labels, rule, usable_rows(labels, rule, nscb_left_out_moas, "")));
        }
    }
    outcome.nested.assign(rules.size(), ClassAccuracy{});
    for (const auto& compound : outcome.compounds) {
        std::vector<std::size_t> scores;
        for (const auto& similarity : similarities) {
            scores.push_back(score(similarity, labels, rules, nscb_left_out_moas, compound));
        }
        const std::size_t chosen = best_candidate(scores);
        outcome.chosen.push_back(chosen);
        for (std::size_t r = 0; r < rules.size(); ++r) {
            for (const auto& prediction : full[chosen][r].predictions) {
                if (labels.compound[prediction.query] != compound) continue;
                ++outcome.nested[r].evaluated;
                outcome.nested[r].correct += prediction.correct ? 1 : 0;
            }
        }
    }
    return outcome;
}

}  // namespace hcs
