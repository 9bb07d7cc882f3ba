// hcs-evaluate: reads well (or treatment) profiles and writes report.json, CSV tables and PNG
// figures: MOA retrieval (1-NN, NSC/NSCB, mAP), Z'/SSMD of controls, 4PL dose-response fits.
#include <filesystem>
#include <string>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "hcs/core/config.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/core/provenance.hpp"
#include "hcs/core/stage.hpp"
#include "hcs/evaluate/evaluation.hpp"
#include "hcs/evaluate/evaluation_input.hpp"
#include "hcs/evaluate/evaluation_report.hpp"

int main(int argc, char** argv) {
    CLI::App app{
        "hcs-evaluate: evaluates well or treatment profiles (CSV, CSV.gz or HDF5 from "
        "hcs-profile).\n"
        "Writes into --output: report.json (every figure), moa_predictions.csv, "
        "confusion_<NSC|NSCB>.csv/.png, control_quality.csv (Z', SSMD), dose_response.csv and "
        "dose_response_<compound>_<feature>.png.\n"
        "What runs is set by the \"evaluate\" section of --config (see configs/defaults.json "
        "and docs/evaluation.md).\n"
        "Exit codes: 0 success; 1 bad input (one line naming file, column or value; nothing "
        "written); 2 usage error.",
        "hcs-evaluate"};
    hcs::StageOptions options;
    options.output = "report";
    std::string input;
    std::string similarity;
    bool no_plots = false;
    app.add_option("--input,-i", input, "Well or treatment profiles: .csv, .csv.gz or .h5")
        ->required();
    hcs::add_common_options(app, options);
    // Evaluation reads one table: the image-set flags of the common set do not apply.
    for (const char* flag : {"--threads", "--shard", "--fail-fast"}) {
        app.remove_option(app.get_option(flag));
    }
    app.get_option("--data-root")
        ->description(
            "Folder that relative annotation files of the config start from "
            "(default $HCS_DATA_ROOT, else ../shared/data)");
    app.add_option("--similarity", similarity, "cosine or pearson (overrides the config)");
    app.add_flag("--no-plots", no_plots, "Write no PNG figures");

    return hcs::run_stage(app, argc, argv, options, [&] {
        nlohmann::json config = hcs::load_config(options.config_path);
        if (!similarity.empty()) config["evaluate"]["moa"]["similarity"] = similarity;
        if (no_plots) config["evaluate"]["plots"] = false;
        hcs::EvaluationSettings settings = hcs::EvaluationSettings::from_config(config);

        hcs::Provenance provenance{"hcs-evaluate", config, {}, "as in the input profiles"};
        const hcs::FeatureTable wells = hcs::read_evaluation_input(
            input, config, hcs::data_root(options.data_root), &provenance.inputs);
        spdlog::info("{}: {} rows, {} features", input, wells.rows(), wells.feature_names.size());

        const hcs::EvaluationResult result = hcs::evaluate_profiles(wells, settings);
        hcs::write_evaluation_outputs(result, settings, options.output, provenance.to_json());
        spdlog::info("report written to {}",
                     (std::filesystem::path(options.output) / "report.json").string());
        return hcs::kExitSuccess;
    });
}
