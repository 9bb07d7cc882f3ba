// The steps of hcs-profile in order, each a call into its own file; the config's "profile"
// section is read once into ProfileOptions.
#include "hcs/profile/profile_run.hpp"

#include <spdlog/spdlog.h>

#include "hcs/core/errors.hpp"
#include "hcs/profile/groups.hpp"
#include "hcs/profile/profile_average.hpp"
#include "hcs/profile/profile_ks.hpp"
#include "hcs/profile/profile_proportions.hpp"

namespace hcs::profile {
namespace {

using nlohmann::json;

// section[key] as T, or `fallback` when absent; UsageError naming the key when of another type.
template <typename T>
T read(const json& section, const std::string& key, const T& fallback) {
    if (!section.is_object() || !section.contains(key)) return fallback;
    try {
        return section.at(key).get<T>();
    } catch (const json::exception&) {
        throw UsageError("config key profile/" + key +
                         " has the wrong type: " + section.at(key).dump());
    }
}

// A setting outside its range is a usage error naming the key, before any cell is read.
void require(bool holds, const std::string& key, const std::string& rule) {
    if (!holds) throw UsageError("config key profile/" + key + " must be " + rule);
}

void check_methods(const ProfileOptions& options) {
    require(options.svm.cost > 0, "svm/C", "> 0");
    require(options.gmm.components >= 1, "gmm/components", ">= 1");
    require(options.gmm.variance_explained > 0 && options.gmm.variance_explained <= 1,
            "gmm/variance_explained", "in (0, 1]");
    require(options.gmm.min_pca_components >= 1, "gmm/min_pca_components", ">= 1");
    require(options.gmm.reference_cells >= 1, "gmm/reference_cells", ">= 1");
    require(options.gmm.max_iterations >= 1, "gmm/max_iterations", ">= 1");
    require(options.factor.factors >= 1, "factor_analysis/factors", ">= 1");
    require(options.factor.control_cells >= 1, "factor_analysis/control_cells", ">= 1");
    require(options.factor.max_iterations >= 1, "factor_analysis/max_iterations", ">= 1");
}

void check_normalisation(const ProfileOptions& options) {
    const double lower = options.normalise.lower_percentile;
    const double upper = options.normalise.upper_percentile;
    require(0 <= lower && lower < upper && upper <= 100, "normalise/lower_percentile and _upper",
            "0 <= lower < upper <= 100");
    require(
        options.selection.correlation_threshold > 0 && options.selection.correlation_threshold <= 1,
        "feature_selection/correlation_threshold", "in (0, 1]");
}

json child(const json& section, const std::string& key) {
    return section.is_object() && section.contains(key) ? section.at(key) : json::object();
}

void read_input(const json& section, InputOptions& input) {
    input.objects = read(section, "objects", input.objects);
    input.image_table = read(section, "image_table", input.image_table);
    input.sqlite_table_prefix = read(section, "sqlite_table_prefix", input.sqlite_table_prefix);
    input.images = read(section, "images", input.images.string());
    input.image_metadata = read(section, "image_metadata", input.image_metadata.string());
    input.image_metadata_key = read(section, "image_metadata_key", input.image_metadata_key);
    input.plate_map = read(section, "plate_map", input.plate_map.string());
    input.plate_map_well_column =
        read(section, "plate_map_well_column", input.plate_map_well_column);
    input.default_plate = read(section, "default_plate", input.default_plate);
}

void read_methods(const json& profile, ProfileOptions& options) {
    const auto seed = read<std::uint64_t>(profile, "seed", 42);
    const json svm = child(profile, "svm"), gmm = child(profile, "gmm");
    const json factor = child(profile, "factor_analysis");
    options.svm.cost = read(svm, "C", options.svm.cost);
    options.svm.seed = seed;
    options.gmm.components = read(gmm, "components", options.gmm.components);
    options.gmm.variance_explained =
        read(gmm, "variance_explained", options.gmm.variance_explained);
    options.gmm.min_pca_components =
        read(gmm, "min_pca_components", options.gmm.min_pca_components);
    options.gmm.reference_cells = read(gmm, "reference_cells", options.gmm.reference_cells);
    options.gmm.reference = read(gmm, "reference", options.gmm.reference);
    options.gmm.max_iterations = read(gmm, "max_iterations", options.gmm.max_iterations);
    options.gmm.seed = seed;
    options.factor.factors = read(factor, "factors", options.factor.factors);
    options.factor.control_cells = read(factor, "control_cells", options.factor.control_cells);
    options.factor.max_iterations = read(factor, "max_iterations", options.factor.max_iterations);
    options.factor.seed = seed;
    options.class_column =
        read(child(profile, "proportions"), "class_column", options.class_column);
    check_methods(options);
}

void read_normalisation(const json& profile, ProfileOptions& options) {
    const json normalise = child(profile, "normalise");
    options.normalise.method =
        parse_normalisation(read<std::string>(normalise, "method", "standardise"));
    options.normalise.reference = read(normalise, "reference", options.normalise.reference);
    options.normalise.lower_percentile = read(normalise, "lower_percentile", 1.0);
    options.normalise.upper_percentile = read(normalise, "upper_percentile", 99.0);
    options.normalise.plate_column = options.plate_column;
    options.normalise.controls = options.controls;

    const json selection = child(profile, "feature_selection");
    FeatureSelectionOptions& select = options.selection;
    options.select_features = read(selection, "enabled", false);
    select.operations = read(selection, "operations", select.operations);
    select.missing_fraction = read(selection, "missing_fraction", select.missing_fraction);
    select.frequency_cutoff = read(selection, "frequency_cutoff", select.frequency_cutoff);
    select.unique_cutoff = read(selection, "unique_cutoff", select.unique_cutoff);
    select.correlation_threshold =
        read(selection, "correlation_threshold", select.correlation_threshold);
    select.blocklist = read(selection, "blocklist", select.blocklist);

    const json whitening = child(profile, "whiten");
    options.whiten.method = parse_whitening(read<std::string>(whitening, "method", "none"));
    options.whiten.regularisation = read(whitening, "regularisation", 1e-6);
    options.whiten.controls = options.controls;

    const json aggregate = child(profile, "aggregate");
    options.aggregate.statistic =
        parse_aggregate_statistic(read<std::string>(aggregate, "statistic", "median"));
    options.aggregate.group_by = read(aggregate, "group_by", options.aggregate.group_by);
    check_normalisation(options);
}

}  // namespace

ProfileMethod parse_profile_method(const std::string& name) {
    static const std::vector<std::pair<std::string, ProfileMethod>> methods = {
        {"mean", ProfileMethod::mean},         {"median", ProfileMethod::median},
        {"mean+std", ProfileMethod::mean_std}, {"ks", ProfileMethod::ks},
        {"svm", ProfileMethod::svm},           {"gmm", ProfileMethod::gmm},
        {"factor", ProfileMethod::factor},     {"proportions", ProfileMethod::proportions}};
    for (const auto& [text, method] : methods) {
        if (text == name) return method;
    }
    throw UsageError("unknown profile method '" + name +
                     "' (expected mean, median, mean+std, ks, svm, gmm, factor or proportions)");
}

ProfileOptions ProfileOptions::from_config(const json& config) {
    const json profile = child(config, "profile");
    ProfileOptions options;
    options.method = parse_profile_method(read<std::string>(profile, "method", "median"));
    options.well_columns = read(profile, "well_columns", options.well_columns);
    options.plate_column = read(profile, "plate_column", options.plate_column);
    const json controls = child(profile, "controls");
    options.controls.column = read(controls, "column", options.controls.column);
    options.controls.value = read(controls, "value", options.controls.value);
    read_input(child(profile, "input"), options.input);
    options.exclude_features = read(profile, "exclude_features", options.exclude_features);
    for (const auto& ratio : read(profile, "ratios", json::array())) {
        options.ratios.push_back({read<std::string>(ratio, "name", ""),
                                  read<std::string>(ratio, "numerator", ""),
                                  read<std::string>(ratio, "denominator", "")});
    }
    for (const auto& rule : read(profile, "classes", json::array())) {
        options.classes.push_back({read<std::string>(rule, "name", ""),
                                   read<std::string>(rule, "feature", ""),
                                   read(rule, "threshold", 0.0)});
    }
    options.readouts = read(profile, "readouts", options.readouts);
    read_normalisation(profile, options);
    read_methods(profile, options);
    options.formats = read(profile, "formats", options.formats);
    return options;
}

}  // namespace hcs::profile

namespace hcs::profile {
namespace {

// Wells by plate and well, including imaged wells without any cell.
RowGroups well_groups(const CellInput& input, const ProfileOptions& options) {
    RowGroups wells = group_rows(input.cells, options.well_columns);
    std::vector<std::size_t> columns;
    for (const auto& name : options.well_columns) {
        const std::size_t column = input.images.metadata_index(name);
        if (column == FeatureTable::npos) return wells;
        columns.push_back(column);
    }
    std::vector<std::vector<std::string>> imaged;
    for (const auto& image : input.images.metadata) {
        std::vector<std::string> key;
        for (std::size_t column : columns) key.push_back(image[column]);
        imaged.push_back(std::move(key));
    }
    add_empty_groups(wells, imaged);
    return wells;
}

// `raw_cells` are the cells before normalisation: class proportions count the classes as the
// per-cell class column names them.
Profiles well_profiles(const FeatureTable& cells, const FeatureTable& raw_cells,
                       const RowGroups& wells, const ProfileOptions& options, int threads) {
    switch (options.method) {
        case ProfileMethod::mean:
            return profile_mean(cells, wells, threads);
        case ProfileMethod::median:
            return profile_median(cells, wells, threads);
        case ProfileMethod::mean_std:
            return profile_mean_std(cells, wells, threads);
        case ProfileMethod::proportions:
            if (options.class_column.empty()) {
                throw UsageError("method proportions needs profile/proportions/class_column");
            }
            return profile_proportions(raw_cells, wells, options.class_column);
        default:
            break;
    }
    const ReferenceSets reference =
        plate_controls(cells, wells, options.plate_column, options.controls);
    const std::vector<char> is_control = control_rows(cells, options.controls);
    switch (options.method) {
        case ProfileMethod::ks:
            return profile_ks(cells, wells, reference, threads);
        case ProfileMethod::svm:
            return profile_svm(cells, wells, reference, options.svm, threads);
        case ProfileMethod::gmm:
            return profile_gmm(cells, wells, is_control, options.gmm, threads);
        default:
            return profile_factor(cells, wells, is_control, options.factor, threads);
    }
}

FeatureTable raw_readouts(const CellInput& input, const RowGroups& wells,
                          const std::vector<std::string>& readouts, int threads) {
    const FeatureTable only = keep_features(input.cells, readouts);
    return attach_profiles(group_metadata(input.cells, wells),
                           profile_median(only, wells, threads));
}

}  // namespace

ProfileResult run_profiling(CellInput input, const ProfileOptions& options, int threads) {
    ProfileResult result;
    add_ratio_features(input.cells, options.ratios);
    add_threshold_classes(input.cells, options.classes);
    const RowGroups wells = input.per_well ? RowGroups{} : well_groups(input, options);
    if (!options.readouts.empty() && !input.per_well) {
        result.readouts = raw_readouts(input, wells, options.readouts, threads);
    }

    FeatureTable cells = exclude_features(input.cells, options.exclude_features);
    normalise_per_plate(cells, options.normalise, threads);
    if (options.select_features) {
        cells = keep_features(cells, select_features(cells, options.selection, threads));
        spdlog::info("feature selection kept {} features", cells.feature_names.size());
        if (cells.feature_names.empty()) {
            throw InputError(
                "feature selection kept no feature (too few control cells, or every "
                "feature constant or missing); profiles would hold none");
        }
    }
    whiten(cells, options.whiten);

    if (input.per_well) {
        result.wells = std::move(cells);
    } else {
        spdlog::info("profiling {} cells in {} wells, {} features", cells.rows(), wells.size(),
                     cells.feature_names.size());
        result.wells = attach_profiles(group_metadata(cells, wells),
                                       well_profiles(cells, input.cells, wells, options, threads));
    }
    result.treatments = aggregate(result.wells, options.aggregate, threads);
    return result;
}

void write_profiles(const ProfileResult& result, const std::filesystem::path& folder,
                    const std::vector<std::string>& formats, const std::string& provenance_json) {
    for (const auto& format : formats) {
        if (format != "csv" && format != "h5") {
            throw UsageError("unknown output format '" + format + "' (expected csv or h5)");
        }
    }
    for (const auto& format : formats) {
        write_feature_table(result.wells, folder / ("wells." + format), provenance_json);
        write_feature_table(result.treatments, folder / ("treatments." + format), provenance_json);
    }
    if (result.readouts.rows() > 0) {
        write_feature_table(result.readouts, folder / "readouts.csv", provenance_json);
    }
}

}  // namespace hcs::profile
