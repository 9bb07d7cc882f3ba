// Runs an evaluation: control quality and dose response on the wells as measured, then the
// feature pipeline, treatment profiles and nearest-neighbour MOA retrieval (Ljosa et al. 2013).
#include "hcs/evaluate/evaluation.hpp"

#include <cstdlib>
#include <map>

#include <spdlog/spdlog.h>

#include "hcs/core/errors.hpp"
#include "hcs/evaluate/profile_transform.hpp"
#include "hcs/evaluate/similarity.hpp"
#include "hcs/profile/feature_selection.hpp"
#include "hcs/profile/groups.hpp"

namespace hcs {
namespace {

FeatureTable whiten(const FeatureTable& wells, const EvaluationSettings& settings) {
    const std::vector<std::size_t> controls =
        rows_with_value(wells, settings.columns.control, settings.negative_control);
    if (!settings.transform.whiten_per_batch) {
        return whiten_by_controls(wells, controls, settings.transform.whitening_regularisation);
    }
    // One whitening per batch, then the batches stacked again in their original row order.
    const std::size_t batch = profile::require_metadata(wells, settings.columns.batch, "whitening");
    std::map<std::string, std::vector<std::size_t>> rows_of_batch;
    for (std::size_t row = 0; row < wells.rows(); ++row) {
        rows_of_batch[wells.metadata[row][batch]].push_back(row);
    }
    FeatureTable result;
    for (const auto& [name, rows] : rows_of_batch) {
        const FeatureTable part =
            select_rows(wells, [&](std::size_t row) { return wells.metadata[row][batch] == name; });
        FeatureTable white = whiten_by_controls(
            part, rows_with_value(part, settings.columns.control, settings.negative_control),
            settings.transform.whitening_regularisation);
        if (result.feature_names.empty()) {
            result = white;
            result.features =
                FeatureMatrix::Zero(static_cast<Eigen::Index>(wells.rows()), white.features.cols());
            result.metadata = wells.metadata;
        }
        for (std::size_t i = 0; i < rows.size(); ++i) {
            result.features.row(static_cast<Eigen::Index>(rows[i])) =
                white.features.row(static_cast<Eigen::Index>(i));
        }
    }
    return result;
}

TreatmentLabels labels_of(const FeatureTable& treatments, const EvaluationSettings& settings) {
    const auto& columns = settings.columns;
    const std::size_t compound =
        profile::require_metadata(treatments, columns.compound, "MOA retrieval");
    const std::size_t moa = profile::require_metadata(treatments, columns.moa, "MOA retrieval");
    std::size_t batch = treatments.metadata_index(columns.batch);
    bool needs_batch = false;
    for (auto rule : settings.moa.rules) needs_batch |= rule == NeighbourExclusion::nscb;
    if (needs_batch && batch == FeatureTable::npos) {
        throw InputError("treatment profiles have no column " + columns.batch +
                         " with one batch per treatment (needed for NSCB)");
    }
    TreatmentLabels labels;
    for (const auto& row : treatments.metadata) {
        labels.compound.push_back(row[compound]);
        labels.moa.push_back(row[moa]);
        labels.batch.push_back(batch == FeatureTable::npos ? "" : row[batch]);
    }
    return labels;
}

double parse_concentration(const std::string& text) {
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    return end != text.c_str() && *end == '\0' ? value : std::numeric_limits<double>::quiet_NaN();
}

std::vector<CompoundDoseResponse> fit_dose_responses(const FeatureTable& wells,
                                                     const EvaluationSettings& settings) {
    const auto& columns = settings.columns;
    const std::size_t compound =
        profile::require_metadata(wells, columns.compound, "dose response");
    const std::size_t concentration =
        profile::require_metadata(wells, columns.concentration, "dose response");
    const std::size_t control = wells.metadata_index(columns.control);

    std::vector<std::string> compounds;
    std::map<std::string, std::vector<std::size_t>> rows_of;
    for (std::size_t row = 0; row < wells.rows(); ++row) {
        const auto& metadata = wells.metadata[row];
        if (settings.dose_response.exclude_controls && control != FeatureTable::npos &&
            (metadata[control] == settings.negative_control ||
             metadata[control] == settings.positive_control)) {
            continue;
        }
        if (!(parse_concentration(metadata[concentration]) > 0)) continue;
        if (rows_of[metadata[compound]].empty()) compounds.push_back(metadata[compound]);
        rows_of[metadata[compound]].push_back(row);
    }

    std::vector<CompoundDoseResponse> fits;
    for (const auto& feature : settings.dose_response.features) {
        const std::size_t column = wells.feature_index(feature);
        if (column == FeatureTable::npos) {
            throw InputError("profiles have no feature " + feature + " for dose response");
        }
        for (const auto& name : compounds) {
            CompoundDoseResponse curve{name, feature, {}, {}, {}};
            for (std::size_t row : rows_of[name]) {
                curve.concentrations.push_back(
                    parse_concentration(wells.metadata[row][concentration]));
                curve.responses.push_back(wells.features(static_cast<Eigen::Index>(row),
                                                         static_cast<Eigen::Index>(column)));
            }
            curve.fit = fit_four_parameter_logistic(curve.concentrations, curve.responses);
            fits.push_back(std::move(curve));
        }
    }
    return fits;
}

void evaluate_moa(const FeatureTable& wells, const EvaluationSettings& settings,
                  EvaluationResult& result) {
    const FeatureTable prepared = prepare_well_profiles(wells, settings);
    result.features_compared = prepared.feature_names.size();
    result.treatments = treatment_profiles(prepared, settings);
    if (settings.moa.average_to_treatments) {
        const FeatureTable treated_wells = select_rows(prepared, [&](std::size_t row) {
            const std::size_t control = prepared.metadata_index(settings.columns.control);
            return control == FeatureTable::npos ||
                   prepared.metadata[row][control] != settings.negative_control;
        });
        result.replicates = replicate_reproducibility(
            treated_wells, {settings.columns.compound, settings.columns.concentration},
            settings.moa.similarity);
    }
    result.labels = labels_of(result.treatments, settings);
    result.similarity = similarity_matrix(result.treatments.features, settings.moa.similarity);
    spdlog::info("MOA retrieval: {} treatments, {} features, {} similarity",
                 result.treatments.rows(), result.features_compared,
                 to_string(settings.moa.similarity));

    for (NeighbourExclusion rule : settings.moa.rules) {
        const std::set<std::string> left_out = rule == NeighbourExclusion::nscb
                                                   ? settings.moa.nscb_left_out_moas
                                                   : std::set<std::string>{};
        result.moa.push_back(predict_moa(result.similarity, result.labels, rule, left_out));
        result.mean_average_precision.push_back(
            mean_average_precision(result.similarity, result.labels, rule, left_out,
                                   settings.moa.map_permutations, settings.moa.seed));
        spdlog::info("{}: {}/{} correct ({:.3f}), mAP {:.3f}", to_string(rule),
                     result.moa.back().correct, result.moa.back().evaluated,
                     result.moa.back().accuracy,
                     result.mean_average_precision.back().mean_average_precision);
    }
}

// Leave-one-compound-out choice among the candidate settings, then the chosen one's figures.
void evaluate_with_selection(const FeatureTable& wells, const EvaluationSettings& settings,
                             EvaluationResult& result) {
    std::vector<Eigen::MatrixXd> similarities;
    TreatmentLabels labels;
    for (std::size_t k = 0; k < settings.candidates.size(); ++k) {
        const EvaluationSettings& candidate = settings.candidates[k];
        const FeatureTable treatments =
            treatment_profiles(prepare_well_profiles(wells, candidate), candidate);
        const TreatmentLabels candidate_labels = labels_of(treatments, candidate);
        if (k == 0) labels = candidate_labels;
        if (candidate_labels.compound != labels.compound || candidate_labels.moa != labels.moa) {
            throw UsageError("selection candidate " + std::to_string(k + 1) +
                             " describes other treatments than candidate 1");
        }
        similarities.push_back(similarity_matrix(treatments.features, candidate.moa.similarity));
        spdlog::debug("selection candidate {} of {} prepared", k + 1, settings.candidates.size());
    }
    result.selection = select_leave_one_compound_out(similarities, labels, settings.moa.rules,
                                                     settings.moa.nscb_left_out_moas);
    result.selected = true;
    spdlog::info("selection: candidate {} of {} chosen with all compounds",
                 result.selection.chosen_on_all + 1, settings.candidates.size());
    evaluate_moa(wells, settings.candidates[result.selection.chosen_on_all], result);
}

// The feature columns without NaN (pycytominer's drop_na_columns at cut-off 0).
FeatureTable drop_features_with_nan(const FeatureTable& wells) {
    if (wells.rows() == 0) return wells;  // no value is missing from an empty table
    profile::FeatureSelectionOptions options;
    options.operations = {"missing"};
    options.missing_fraction = 0.0;
    return profile::keep_features(wells, profile::select_features(wells, options));
}

// TransformSettings::correlation_threshold: greedy, in column order, over all wells.
FeatureTable drop_correlated_features(const FeatureTable& wells, double threshold) {
    profile::FeatureSelectionOptions options;
    options.operations = {"correlation"};
    options.correlation_rule = profile::CorrelationRule::greedy_in_column_order;
    options.correlation_threshold = threshold;
    return profile::keep_features(wells, profile::select_features(wells, options));
}

bool has_both_controls(const FeatureTable& wells, const EvaluationSettings& settings) {
    if (wells.metadata_index(settings.columns.control) == FeatureTable::npos) return false;
    return !rows_with_value(wells, settings.columns.control, settings.positive_control).empty() &&
           !rows_with_value(wells, settings.columns.control, settings.negative_control).empty();
}

}  // namespace

FeatureTable prepare_well_profiles(const FeatureTable& wells, const EvaluationSettings& settings) {
    FeatureTable prepared =
        profile::exclude_features(wells, settings.drop_features, settings.feature_name_match);
    normalise_profiles(prepared, settings.normalisation);
    if (settings.drop_nan_features) prepared = drop_features_with_nan(prepared);
    prepared = drop_correlated_features(prepared, settings.transform.correlation_threshold);
    if (settings.transform.whiten_by_controls) prepared = whiten(prepared, settings);
    return prepared;
}

FeatureTable treatment_profiles(const FeatureTable& prepared_wells,
                                const EvaluationSettings& settings) {
    const auto& columns = settings.columns;
    const std::size_t control = prepared_wells.metadata_index(columns.control);
    const std::size_t moa = profile::require_metadata(prepared_wells, columns.moa, "MOA retrieval");
    FeatureTable treated = select_rows(prepared_wells, [&](std::size_t row) {
        const auto& metadata = prepared_wells.metadata[row];
        return !metadata[moa].empty() &&
               (control == FeatureTable::npos || metadata[control] != settings.negative_control);
    });
    if (!settings.moa.average_to_treatments) return treated;
    profile::require_metadata(treated, columns.compound, "treatment profiles");
    profile::require_metadata(treated, columns.concentration, "treatment profiles");
    return average_profiles(treated, {columns.compound, columns.concentration},
                            settings.moa.treatment_average);
}

EvaluationResult evaluate_profiles(const FeatureTable& wells, const EvaluationSettings& settings) {
    EvaluationResult result;
    result.wells = wells.rows();
    if (settings.quality.enabled && has_both_controls(wells, settings)) {
        result.quality = control_quality(wells, settings.columns.plate, settings.columns.control,
                                         settings.positive_control, settings.negative_control);
    }
    if (settings.dose_response.enabled) result.dose_response = fit_dose_responses(wells, settings);
    if (settings.moa.enabled && wells.metadata_index(settings.columns.moa) == FeatureTable::npos) {
        spdlog::warn("no column {}: MOA retrieval skipped", settings.columns.moa);
    } else if (settings.moa.enabled && !settings.candidates.empty()) {
        evaluate_with_selection(wells, settings, result);
    } else if (settings.moa.enabled) {
        evaluate_moa(wells, settings, result);
    }
    return result;
}

}  // namespace hcs
