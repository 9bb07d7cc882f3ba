// hcs-profile's whole computation as one library call: per-cell input -> ratios and classes, and
// read-outs -> feature exclusion -> per-plate normalisation -> feature selection -> whitening ->
// well profiles by the chosen method -> treatment profiles. The app only parses flags.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hcs/profile/aggregate.hpp"
#include "hcs/profile/cell_input.hpp"
#include "hcs/profile/derived_features.hpp"
#include "hcs/profile/feature_selection.hpp"
#include "hcs/profile/normalise.hpp"
#include "hcs/profile/profile_factor.hpp"
#include "hcs/profile/profile_gmm.hpp"
#include "hcs/profile/profile_svm.hpp"
#include "hcs/profile/whiten.hpp"

namespace hcs::profile {

// The per-cell methods of Ljosa et al. 2013 plus class proportions.
enum class ProfileMethod { mean, median, mean_std, ks, svm, gmm, factor, proportions };

// "mean", "median", "mean+std", "ks", "svm", "gmm", "factor", "proportions"; UsageError otherwise.
ProfileMethod parse_profile_method(const std::string& name);

struct ProfileOptions {
    ProfileMethod method = ProfileMethod::median;
    std::vector<std::string> well_columns = {"Metadata_Plate", "Metadata_Well"};
    std::string plate_column = "Metadata_Plate";
    ControlSpec controls;
    InputOptions input;
    std::vector<std::string> exclude_features;
    std::vector<RatioFeature> ratios;
    std::vector<ThresholdClass> classes;  // per-cell classes, e.g. for the proportions method
    std::vector<std::string> readouts;    // raw per-well medians written to readouts.csv
    NormaliseOptions normalise;
    bool select_features = false;
    FeatureSelectionOptions selection;
    WhitenOptions whiten;
    AggregateOptions aggregate;
    SvmOptions svm;
    GmmOptions gmm;
    FactorProfileOptions factor;
    std::string class_column;
    std::vector<std::string> formats = {"csv", "h5"};

    // Reads the "profile" section of an effective config; UsageError names a bad key.
    static ProfileOptions from_config(const nlohmann::json& config);
};

struct ProfileResult {
    FeatureTable wells;       // one row per plate and well
    FeatureTable treatments;  // wells aggregated by options.aggregate.group_by
    FeatureTable readouts;    // raw per-well medians of options.readouts (empty when none)
};

// Runs every step on an input already read. Wells listed in input.images without cells appear
// with Metadata_Object_Count 0 and NaN features.
ProfileResult run_profiling(CellInput input, const ProfileOptions& options, int threads = 0);

// Writes wells, treatments (and readouts.csv) into `folder` in each format ("csv", "h5").
void write_profiles(const ProfileResult& result, const std::filesystem::path& folder,
                    const std::vector<std::string>& formats, const std::string& provenance_json);

}  // namespace hcs::profile
