// What hcs-evaluate writes: report.json with every figure, CSV tables (MOA predictions,
// confusion matrices, control quality, dose-response fits) and PNG figures drawn with PLplot.
#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

#include "hcs/evaluate/evaluation.hpp"

namespace hcs {

// Every figure of `result` as JSON (the body of report.json, without provenance).
nlohmann::json evaluation_report_json(const EvaluationResult& result,
                                      const EvaluationSettings& settings);

// Writes report.json (with `provenance` under "provenance"), the CSV tables and, when
// settings.plots, the PNG figures into `folder`, each file atomically.
void write_evaluation_outputs(const EvaluationResult& result, const EvaluationSettings& settings,
                              const std::filesystem::path& folder,
                              const nlohmann::json& provenance);

}  // namespace hcs
