// Per-plate (or whole-table) normalisation of features against the control rows (cells or wells):
// standardise (z-score), robust MAD, Ljosa et al. 2013's 1st-99th percentile scaling, or
// centring on the controls' median.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Dense>

#include "hcs/core/feature_table.hpp"
#include "hcs/profile/groups.hpp"

namespace hcs::profile {

enum class Normalisation {
    none,
    standardise,    // (x - mean) / sd, sd with divisor n, as pycytominer's "standardize"
    robust_mad,     // (x - median) / (1.4826 * MAD), as pycytominer's "mad_robustize"
    percentile,     // (x - p1) / (p99 - p1): the controls' 1st percentile -> 0, 99th -> 1
    median_centre,  // x - median: removes plate offsets and keeps the scale
};

// "none", "standardise", "robust_mad", "percentile", "median_centre"; UsageError otherwise.
Normalisation parse_normalisation(const std::string& name);

// The consistency constant that makes the MAD of normal data equal its standard deviation
// (1 / Phi^-1(3/4)), rounded as pycytominer's mad_robustize writes it ...
constexpr double kMadToStandardDeviation = 1.4826;
// ... and to double precision, as scipy.stats.median_abs_deviation(scale="normal").
constexpr double kMadToStandardDeviationExact = 1.482602218505602;

struct NormaliseOptions {
    Normalisation method = Normalisation::standardise;
    // false: the whole table is one group with one reference (all plates pooled).
    bool per_plate = true;
    std::string plate_column = "Metadata_Plate";
    ControlSpec controls;
    // "controls": each plate's control rows are the reference; "all": every row of the plate.
    std::string reference = "controls";
    double lower_percentile = 1.0;
    double upper_percentile = 99.0;
    // standardise: divisor n (pycytominer) or n - 1 (the sample standard deviation).
    bool sample_standard_deviation = false;
    double mad_to_standard_deviation = kMadToStandardDeviation;
};

// A centre and a scale per feature, fitted on reference rows: x' = (x - centre) / scale.
struct FeatureScaling {
    Eigen::VectorXd centre;
    Eigen::VectorXd scale;
};

// Fits the scaling of `method` on `rows`. A feature whose reference spread is 0 or NaN gets scale
// NaN, so its normalised values are NaN (dividing by zero would invent a value).
FeatureScaling fit_scaling(const FeatureMatrix& features, const std::vector<std::size_t>& rows,
                           const NormaliseOptions& options, int threads = 0);

// Applies a scaling to `rows` of `features` in place.
void apply_scaling(FeatureMatrix& features, const std::vector<std::size_t>& rows,
                   const FeatureScaling& scaling);

// Normalises every plate of `table` (or the whole table, when not per_plate) in place against its
// own reference rows. InputError names the plate when it has no control rows.
void normalise_per_plate(FeatureTable& table, const NormaliseOptions& options, int threads = 0);

}  // namespace hcs::profile
