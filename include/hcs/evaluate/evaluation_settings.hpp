// The settings of one evaluation, read from the "/evaluate" section of the configuration
// (configs/defaults.json documents every key; docs/evaluation.md explains them).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hcs/evaluate/moa_prediction.hpp"
#include "hcs/evaluate/profile_normalisation.hpp"
#include "hcs/evaluate/profile_transform.hpp"
#include "hcs/evaluate/similarity.hpp"
#include "hcs/evaluate/treatment_profiles.hpp"
#include "hcs/profile/feature_selection.hpp"

namespace hcs {

struct EvaluationColumns {
    std::string plate = "Metadata_Plate";
    std::string well = "Metadata_Well";
    std::string compound = "Metadata_Compound";
    std::string concentration = "Metadata_Concentration";
    std::string moa = "Metadata_MOA";
    std::string batch = "Metadata_Batch";
    std::string control = "Metadata_ControlType";
};

struct MoaSettings {
    bool enabled = true;
    bool average_to_treatments = true;  // false when the input already holds treatments
    AverageStatistic treatment_average = AverageStatistic::mean;
    SimilarityMeasure similarity = SimilarityMeasure::cosine;
    std::vector<NeighbourExclusion> rules{NeighbourExclusion::nsc, NeighbourExclusion::nscb};
    std::set<std::string> nscb_left_out_moas;
    std::size_t map_permutations = 1000;
    std::uint64_t seed = 1;
};

struct QualitySettings {
    bool enabled = true;  // runs when the plates hold both positive and negative controls
};

struct DoseResponseSettings {
    bool enabled = false;
    std::vector<std::string> features;  // empty: none
    bool exclude_controls = true;       // leave control wells out of the curves
};

struct EvaluationSettings {
    EvaluationColumns columns;
    std::string negative_control = "negative";
    std::string positive_control = "positive";
    std::vector<std::string> drop_features;
    profile::FeatureNameMatch feature_name_match = profile::FeatureNameMatch::whole_token;
    bool drop_nan_features = true;
    NormalisationSettings normalisation{NormalisationMethod::none};  // as configs/defaults.json
    TransformSettings transform;
    MoaSettings moa;
    QualitySettings quality;
    DoseResponseSettings dose_response;
    bool plots = true;

    // Leave-one-compound-out choice among candidate settings ("/evaluate/selection/candidates",
    // each an overlay of this section); empty: no selection.
    std::vector<nlohmann::json> candidate_overlays;
    std::vector<EvaluationSettings> candidates;

    // UsageError naming the key for a wrong value or type.
    static EvaluationSettings from_config(const nlohmann::json& config);
};

}  // namespace hcs
