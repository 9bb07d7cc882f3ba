// One evaluation of a screen's well profiles (DESIGN.md §1, hcs-evaluate): assay quality from
// controls, dose-response fits, and MOA retrieval on treatment profiles.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Dense>

#include "hcs/core/feature_table.hpp"
#include "hcs/evaluate/configuration_selection.hpp"
#include "hcs/evaluate/control_quality.hpp"
#include "hcs/evaluate/dose_response.hpp"
#include "hcs/evaluate/evaluation_settings.hpp"
#include "hcs/evaluate/mean_average_precision.hpp"
#include "hcs/evaluate/moa_prediction.hpp"
#include "hcs/evaluate/replicate_reproducibility.hpp"

namespace hcs {

struct CompoundDoseResponse {
    std::string compound;
    std::string feature;
    std::vector<double> concentrations;  // the wells fitted
    std::vector<double> responses;
    DoseResponseFit fit;
};

struct EvaluationResult {
    std::size_t wells = 0;
    std::size_t features_compared = 0;  // after filters and transforms
    FeatureTable treatments;            // the MOA-annotated profiles compared
    TreatmentLabels labels;             // of `treatments`
    Eigen::MatrixXd similarity;         // between `treatments`
    std::vector<MoaEvaluation> moa;     // one per rule
    std::vector<MeanAveragePrecision> mean_average_precision;  // one per rule
    ReplicateReproducibility replicates;  // of the prepared treated wells, label-free
    std::vector<ControlQuality> quality;
    std::vector<CompoundDoseResponse> dose_response;
    // With candidate settings: the leave-one-compound-out outcome; the MOA figures above are
    // those of the candidate chosen with all compounds.
    bool selected = false;
    SelectionOutcome selection;
};

// The feature pipeline before similarity search: drop features by name, normalise, drop NaN
// features, drop correlated features, whiten. Returns well profiles.
FeatureTable prepare_well_profiles(const FeatureTable& wells, const EvaluationSettings& settings);

// Treatment profiles for MOA retrieval from prepared well profiles: negative controls left
// out, replicate wells averaged by (compound, concentration) unless the settings say the rows
// are treatments already, rows without an MOA left out.
FeatureTable treatment_profiles(const FeatureTable& prepared_wells,
                                const EvaluationSettings& settings);

// Runs every enabled part of the evaluation on well (or treatment) profiles.
EvaluationResult evaluate_profiles(const FeatureTable& wells, const EvaluationSettings& settings);

}  // namespace hcs
