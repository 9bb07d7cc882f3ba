// Builds report.json and the CSV and PNG outputs of hcs-evaluate from an EvaluationResult.
// NaN figures are written as JSON null and as empty CSV cells.
#include "hcs/evaluate/evaluation_report.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "hcs/core/atomic_file.hpp"
#include "hcs/core/csv_table.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/plot/dose_response_plot.hpp"
#include "hcs/plot/heatmap.hpp"

namespace hcs {
namespace {

nlohmann::json number(double value) {
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

std::string cell(double value) {
    if (!std::isfinite(value)) return "";
    std::ostringstream text;
    text.precision(10);
    text << value;
    return text.str();
}

std::string metadata_of(const FeatureTable& table, std::size_t row, const std::string& column) {
    const std::size_t index = table.metadata_index(column);
    return index == FeatureTable::npos ? "" : table.metadata[row][index];
}

nlohmann::json prediction_json(const MoaPrediction& prediction, const EvaluationResult& result,
                               const EvaluationColumns& columns) {
    const auto& table = result.treatments;
    nlohmann::json json = {
        {columns.compound, metadata_of(table, prediction.query, columns.compound)},
        {columns.concentration, metadata_of(table, prediction.query, columns.concentration)},
        {columns.moa, result.labels.moa[prediction.query]},
        {"Predicted_MOA", prediction.predicted_moa},
        {"Similarity", number(prediction.similarity)},
        {"Correct", prediction.correct}};
    if (prediction.neighbour != MoaPrediction::kNoNeighbour) {
        json["Neighbour_Compound"] = metadata_of(table, prediction.neighbour, columns.compound);
        json["Neighbour_Concentration"] =
            metadata_of(table, prediction.neighbour, columns.concentration);
    }
    return json;
}

nlohmann::json moa_json(const MoaEvaluation& moa, const MeanAveragePrecision& precision,
                        const EvaluationResult& result, const EvaluationColumns& columns) {
    nlohmann::json json = {
        {"evaluated", moa.evaluated}, {"correct", moa.correct}, {"accuracy", number(moa.accuracy)}};
    for (const auto& [name, accuracy] : moa.per_moa) {
        json["per_moa"][name] = {{"evaluated", accuracy.evaluated},
                                 {"correct", accuracy.correct},
                                 {"accuracy", number(accuracy.accuracy())}};
    }
    json["confusion"]["labels"] = moa.confusion_labels;
    for (Eigen::Index i = 0; i < moa.confusion.rows(); ++i) {
        std::vector<int> counts(moa.confusion.row(i).data(),
                                moa.confusion.row(i).data() + moa.confusion.cols());
        json["confusion"]["counts"].push_back(counts);
    }
    for (const auto& prediction : moa.predictions) {
        json["predictions"].push_back(prediction_json(prediction, result, columns));
    }
    json["mAP"] = {{"value", number(precision.mean_average_precision)},
                   {"p_value", number(precision.p_value)},
                   {"permutations", precision.permutations},
                   {"queries", precision.queries.size()}};
    for (const auto& [name, value] : precision.per_moa)
        json["mAP"]["per_moa"][name] = number(value);
    std::size_t significant = 0;
    for (const auto& query : precision.queries) significant += query.p_value < 0.05 ? 1 : 0;
    json["mAP"]["queries_with_p_below_0.05"] = significant;
    return json;
}

nlohmann::json quality_json(const ControlQuality& quality, const EvaluationColumns& columns) {
    return {{columns.plate, quality.plate},
            {"feature", quality.feature},
            {"positive_wells", quality.positive_wells},
            {"negative_wells", quality.negative_wells},
            {"zprime", number(quality.z_prime)},
            {"ssmd", number(quality.ssmd)}};
}

nlohmann::json dose_json(const CompoundDoseResponse& dose, const EvaluationColumns& columns) {
    const auto& fit = dose.fit;
    return {
        {columns.compound, dose.compound},    {"feature", dose.feature},
        {"Bottom", number(fit.curve.bottom)}, {"Top", number(fit.curve.top)},
        {"EC50", number(fit.curve.ec50)},     {"Hill", number(fit.curve.hill)},
        {"R2", number(fit.r_squared)},        {"points", fit.points},
        {"converged", fit.converged},         {"EC50_in_tested_range", fit.ec50_in_tested_range}};
}

nlohmann::json selection_json(const EvaluationResult& result, const EvaluationSettings& settings) {
    const SelectionOutcome& outcome = result.selection;
    nlohmann::json json = {
        {"rule",
         "leave-one-compound-out: per compound, the candidate with most correct 1-NN "
         "predictions (summed over the rules) on the other compounds"},
        {"candidates", settings.candidate_overlays},
        {"score_on_all", outcome.score_on_all},
        {"chosen_on_all", outcome.chosen_on_all + 1},
        {"chosen_settings", settings.candidate_overlays[outcome.chosen_on_all]}};
    for (std::size_t i = 0; i < outcome.compounds.size(); ++i) {
        json["chosen_per_compound"][outcome.compounds[i]] = outcome.chosen[i] + 1;
    }
    for (std::size_t r = 0; r < outcome.nested.size(); ++r) {
        json["nested"][to_string(settings.moa.rules[r])] = {
            {"evaluated", outcome.nested[r].evaluated},
            {"correct", outcome.nested[r].correct},
            {"accuracy", number(outcome.nested[r].accuracy())}};
    }
    return json;
}

void write_text(const std::filesystem::path& path, const std::string& text) {
    write_atomically(path, [&](const std::filesystem::path& temporary) {
        std::ofstream stream(temporary, std::ios::binary);
        stream << text;
        if (!stream) throw InputError(path.string() + ": cannot write");
    });
}

std::string confusion_csv(const MoaEvaluation& moa) {
    std::string text = "True_MOA";
    for (const auto& label : moa.confusion_labels) text += "," + csv_quote(label);
    text += "\n";
    for (Eigen::Index i = 0; i < moa.confusion.rows(); ++i) {
        text += csv_quote(moa.confusion_labels[static_cast<std::size_t>(i)]);
        for (Eigen::Index j = 0; j < moa.confusion.cols(); ++j) {
            text += "," + std::to_string(moa.confusion(i, j));
        }
        text += "\n";
    }
    return text;
}

// One row per treatment, with the prediction of every rule side by side.
std::string predictions_csv(const EvaluationResult& result, const EvaluationColumns& columns) {
    std::string text = columns.compound + "," + columns.concentration + "," + columns.moa;
    for (const auto& moa : result.moa) {
        const std::string rule = to_string(moa.exclusion);
        text += ",Predicted_MOA_" + rule + ",Similarity_" + rule;
    }
    text += "\n";
    for (std::size_t row = 0; row < result.treatments.rows(); ++row) {
        text += csv_quote(metadata_of(result.treatments, row, columns.compound)) + "," +
                csv_quote(metadata_of(result.treatments, row, columns.concentration)) + "," +
                csv_quote(result.labels.moa[row]);
        for (const auto& moa : result.moa) {
            const auto found = std::find_if(moa.predictions.begin(), moa.predictions.end(),
                                            [&](const auto& p) { return p.query == row; });
            const bool has = found != moa.predictions.end();
            text += "," + (has ? csv_quote(found->predicted_moa) : std::string()) + "," +
                    (has ? cell(found->similarity) : std::string());
        }
        text += "\n";
    }
    return text;
}

std::string quality_csv(const EvaluationResult& result, const EvaluationColumns& columns) {
    std::string text = columns.plate + ",Feature,Positive_Wells,Negative_Wells,ZPrime,SSMD\n";
    for (const auto& quality : result.quality) {
        text += csv_quote(quality.plate) + "," + csv_quote(quality.feature) + "," +
                std::to_string(quality.positive_wells) + "," +
                std::to_string(quality.negative_wells) + "," + cell(quality.z_prime) + "," +
                cell(quality.ssmd) + "\n";
    }
    return text;
}

std::string dose_csv(const EvaluationResult& result, const EvaluationColumns& columns) {
    std::string text = columns.compound + ",Feature,Bottom,Top,EC50,Hill,R2,Points\n";
    for (const auto& dose : result.dose_response) {
        const auto& fit = dose.fit;
        text += csv_quote(dose.compound) + "," + csv_quote(dose.feature) + "," +
                cell(fit.curve.bottom) + "," + cell(fit.curve.top) + "," + cell(fit.curve.ec50) +
                "," + cell(fit.curve.hill) + "," + cell(fit.r_squared) + "," +
                std::to_string(fit.points) + "\n";
    }
    return text;
}

// A file-name-safe form of a compound or feature name.
std::string file_stem(const std::string& name) {
    std::string stem;
    for (char c : name) stem += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '_';
    return stem;
}

void write_plots(const EvaluationResult& result, const std::filesystem::path& folder) {
    for (const auto& moa : result.moa) {
        const std::string rule = to_string(moa.exclusion);
        HeatmapLabels labels{"MOA confusion, 1-NN " + rule, "true MOA", "predicted MOA",
                             moa.confusion_labels, moa.confusion_labels};
        plot_heatmap(folder / ("confusion_" + rule + ".png"), moa.confusion.cast<double>(), labels,
                     true);
    }
    for (const auto& dose : result.dose_response) {
        char title[160];
        std::snprintf(title, sizeof(title), "%s: EC50 %.4g, Hill %.3g, R2 %.3f",
                      dose.compound.c_str(), dose.fit.curve.ec50, dose.fit.curve.hill,
                      dose.fit.r_squared);
        DoseResponseFigure figure{
            title,          "concentration", dose.feature,       dose.concentrations,
            dose.responses, nullptr,         dose.fit.curve.ec50};
        if (std::isfinite(dose.fit.curve.ec50)) figure.curve = dose.fit.curve;
        plot_dose_response(folder / ("dose_response_" + file_stem(dose.compound) + "_" +
                                     file_stem(dose.feature) + ".png"),
                           figure);
    }
}

}  // namespace

nlohmann::json evaluation_report_json(const EvaluationResult& result,
                                      const EvaluationSettings& settings) {
    const auto& columns = settings.columns;
    nlohmann::json report = {{"wells", result.wells}};
    if (!result.moa.empty()) {
        report["moa"] = {
            {"treatments", result.treatments.rows()},
            {"features", result.features_compared},
            {"similarity", to_string(settings.moa.similarity)},
            {"replicate_reproducibility",
             {{"replicate_similarity", number(result.replicates.replicate_similarity)},
              {"non_replicate_similarity", number(result.replicates.non_replicate_similarity)},
              {"separation", number(result.replicates.separation)},
              {"treatments", result.replicates.treatments}}}};
        for (std::size_t i = 0; i < result.moa.size(); ++i) {
            report["moa"][to_string(result.moa[i].exclusion)] =
                moa_json(result.moa[i], result.mean_average_precision[i], result, columns);
        }
    }
    if (result.selected) report["selection"] = selection_json(result, settings);
    report["control_quality"] = nlohmann::json::array();
    for (const auto& quality : result.quality) {
        report["control_quality"].push_back(quality_json(quality, columns));
    }
    report["dose_response"] = nlohmann::json::array();
    for (const auto& dose : result.dose_response) {
        report["dose_response"].push_back(dose_json(dose, columns));
    }
    return report;
}

void write_evaluation_outputs(const EvaluationResult& result, const EvaluationSettings& settings,
                              const std::filesystem::path& folder,
                              const nlohmann::json& provenance) {
    const auto& columns = settings.columns;
    if (!result.moa.empty()) {
        write_text(folder / "moa_predictions.csv", predictions_csv(result, columns));
        for (const auto& moa : result.moa) {
            write_text(folder / ("confusion_" + to_string(moa.exclusion) + ".csv"),
                       confusion_csv(moa));
        }
    }
    if (!result.quality.empty())
        write_text(folder / "control_quality.csv", quality_csv(result, columns));
    if (!result.dose_response.empty()) {
        write_text(folder / "dose_response.csv", dose_csv(result, columns));
    }
    if (settings.plots) write_plots(result, folder);

    // report.json last: its presence says the run finished.
    nlohmann::json report = evaluation_report_json(result, settings);
    report["provenance"] = provenance;
    write_text(folder / "report.json", report.dump(1) + "\n");
}

}  // namespace hcs
