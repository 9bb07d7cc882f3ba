// Reads profiles and prepares their metadata as the config's "/evaluate/input" section says:
// BBBC021's per-well file, for instance, needs its plate and well columns renamed, compound and
// concentration joined from the image index, the MOA from the MOA list and the batch derived.
#include "hcs/evaluate/evaluation_input.hpp"

#include <map>

#include <spdlog/spdlog.h>

#include "hcs/core/config.hpp"
#include "hcs/core/csv_table.hpp"
#include "hcs/evaluate/metadata_annotation.hpp"

namespace hcs {
namespace {

nlohmann::json input_section(const nlohmann::json& config) {
    const nlohmann::json::json_pointer where("/evaluate/input");
    return config.contains(where) ? config.at(where) : nlohmann::json::object();
}

std::filesystem::path resolve(const std::string& file, const std::filesystem::path& data_root) {
    const std::filesystem::path path(file);
    if (path.is_absolute() || std::filesystem::exists(path) || data_root.empty()) return path;
    return data_root / path;
}

void apply_annotations(FeatureTable& table, const nlohmann::json& joins,
                       const std::filesystem::path& data_root, std::vector<std::string>* inputs) {
    for (const auto& json : joins) {
        const AnnotationJoin join = AnnotationJoin::from_json(json);
        const std::filesystem::path file = resolve(join.file, data_root);
        const CsvTable annotation = read_csv(file);
        const std::size_t matched = join_annotation(table, annotation, join);
        spdlog::info("{}: annotated {} of {} profiles", file.string(), matched, table.rows());
        if (inputs) inputs->push_back(file.string());
    }
}

}  // namespace

FeatureTable read_evaluation_input(const std::filesystem::path& path, const nlohmann::json& config,
                                   const std::filesystem::path& data_root,
                                   std::vector<std::string>* inputs) {
    const nlohmann::json input = input_section(config);
    std::vector<std::string> metadata_columns;
    std::map<std::string, std::string> renames;
    try {
        metadata_columns = input.value("metadata_columns", std::vector<std::string>{});
        renames = input.value("rename", std::map<std::string, std::string>{});
    } catch (const nlohmann::json::exception& error) {
        throw UsageError(std::string("config /evaluate/input: ") + error.what());
    }

    FeatureTable table = read_feature_table(path, metadata_columns);
    // Figures computed from nothing would read as results; refuse them instead.
    if (table.rows() == 0)
        throw InputError(path.string() + ": no profiles (the table has no rows)");
    if (table.feature_names.empty()) {
        throw InputError(path.string() + ": no feature columns (every column is metadata)");
    }
    if (inputs) inputs->push_back(path.string());
    rename_metadata(table, renames);
    if (input.contains("annotations")) {
        apply_annotations(table, input.at("annotations"), data_root, inputs);
    }
    for (const auto& derive : input.value("derive", nlohmann::json::array())) {
        derive_metadata(table, config_value<std::string>(derive, "/source"),
                        config_value<std::string>(derive, "/pattern"),
                        config_value<std::string>(derive, "/target"));
    }
    return table;
}

}  // namespace hcs
