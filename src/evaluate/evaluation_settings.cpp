// Reads the "/evaluate" section of the configuration into EvaluationSettings, naming the key
// of any value of the wrong type or out of range.
#include "hcs/evaluate/evaluation_settings.hpp"

#include "hcs/core/config.hpp"
#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

// section[key] as T, or `fallback` when absent; UsageError naming /evaluate/<path> otherwise.
template <typename T>
T setting(const nlohmann::json& section, const std::string& path, const T& fallback) {
    const nlohmann::json::json_pointer where(path);
    if (!section.contains(where)) return fallback;
    try {
        return section.at(where).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw UsageError("config key /evaluate" + path +
                         " has the wrong type: " + section.at(where).dump());
    }
}

EvaluationColumns read_columns(const nlohmann::json& section) {
    EvaluationColumns columns;
    columns.plate = setting(section, "/columns/plate", columns.plate);
    columns.well = setting(section, "/columns/well", columns.well);
    columns.compound = setting(section, "/columns/compound", columns.compound);
    columns.concentration = setting(section, "/columns/concentration", columns.concentration);
    columns.moa = setting(section, "/columns/moa", columns.moa);
    columns.batch = setting(section, "/columns/batch", columns.batch);
    columns.control = setting(section, "/columns/control", columns.control);
    return columns;
}

NormalisationSettings read_normalisation(const nlohmann::json& section,
                                         const EvaluationSettings& settings) {
    NormalisationSettings normalisation;
    normalisation.method =
        profile::parse_normalisation(setting<std::string>(section, "/normalise/method", "none"));
    normalisation.reference = parse_normalisation_reference(
        setting<std::string>(section, "/normalise/reference", "controls"));
    normalisation.per_plate = setting(section, "/normalise/per_plate", true);
    normalisation.sample_standard_deviation = setting(section, "/normalise/sample_sd", true);
    normalisation.centre_plates_on_controls =
        setting(section, "/normalise/centre_plates_on_controls", false);
    normalisation.plate_column = settings.columns.plate;
    normalisation.control_column = settings.columns.control;
    normalisation.control_value = settings.negative_control;
    return normalisation;
}

TransformSettings read_transform(const nlohmann::json& section) {
    TransformSettings transform;
    transform.correlation_threshold =
        setting(section, "/transform/correlation_threshold", transform.correlation_threshold);
    const std::string whitening = setting<std::string>(section, "/transform/whitening", "none");
    if (whitening != "none" && whitening != "controls" && whitening != "controls_per_batch") {
        throw UsageError("config key /evaluate/transform/whitening: '" + whitening +
                         "' is not none, controls or controls_per_batch");
    }
    transform.whiten_by_controls = whitening != "none";
    transform.whiten_per_batch = whitening == "controls_per_batch";
    transform.whitening_regularisation =
        setting(section, "/transform/whitening_regularisation", transform.whitening_regularisation);
    return transform;
}

MoaSettings read_moa(const nlohmann::json& section) {
    MoaSettings moa;
    moa.enabled = setting(section, "/moa/enabled", moa.enabled);
    moa.average_to_treatments = setting(section, "/moa/average_to_treatments", true);
    moa.treatment_average = profile::parse_aggregate_statistic(
        setting<std::string>(section, "/moa/treatment_average", "mean"));
    moa.similarity =
        parse_similarity_measure(setting<std::string>(section, "/moa/similarity", "cosine"));
    moa.rules.clear();
    for (const auto& rule :
         setting<std::vector<std::string>>(section, "/moa/rules", {"NSC", "NSCB"})) {
        moa.rules.push_back(parse_neighbour_exclusion(rule));
    }
    const auto left_out = setting<std::vector<std::string>>(section, "/moa/nscb_left_out_moas", {});
    moa.nscb_left_out_moas = std::set<std::string>(left_out.begin(), left_out.end());
    moa.map_permutations = setting<std::size_t>(section, "/moa/map_permutations", 1000);
    moa.seed = setting<std::uint64_t>(section, "/moa/seed", 1);
    return moa;
}

}  // namespace

EvaluationSettings EvaluationSettings::from_config(const nlohmann::json& config) {
    const nlohmann::json::json_pointer where("/evaluate");
    const nlohmann::json section =
        config.contains(where) ? config.at(where) : nlohmann::json::object();

    EvaluationSettings settings;
    settings.columns = read_columns(section);
    settings.negative_control = setting(section, "/negative_control", settings.negative_control);
    settings.positive_control = setting(section, "/positive_control", settings.positive_control);
    settings.drop_features = setting<std::vector<std::string>>(section, "/features/drop", {});
    settings.feature_name_match = profile::parse_feature_name_match(
        setting<std::string>(section, "/features/match", "whole_token"));
    settings.drop_nan_features = setting(section, "/features/drop_nan", true);
    settings.normalisation = read_normalisation(section, settings);
    settings.transform = read_transform(section);
    settings.moa = read_moa(section);
    settings.quality.enabled = setting(section, "/quality/enabled", true);
    settings.dose_response.enabled = setting(section, "/dose_response/enabled", false);
    settings.dose_response.features =
        setting<std::vector<std::string>>(section, "/dose_response/features", {});
    settings.dose_response.exclude_controls =
        setting(section, "/dose_response/exclude_controls", true);
    settings.plots = setting(section, "/plots", true);

    const auto overlays = setting(section, "/selection/candidates", nlohmann::json::array());
    for (const auto& overlay : overlays) {
        nlohmann::json candidate = config;
        candidate["evaluate"].erase("selection");
        merge_config(candidate["evaluate"], overlay);
        settings.candidate_overlays.push_back(overlay);
        settings.candidates.push_back(from_config(candidate));
    }
    return settings;
}

}  // namespace hcs
