// Normalising well profiles before they are compared: each feature centred and scaled by a
// reference population of wells (a plate's negative controls, or all wells), as Ljosa et al.
// 2013 and pycytominer's normalize() do.
#pragma once

#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"
#include "hcs/profile/normalise.hpp"

namespace hcs {

// none, standardise ((x - mean) / standard deviation), robust_mad ((x - median) / (1.4826 MAD),
// pycytominer's "mad_robustize"), and profile's percentile and median_centre; parsed by
// profile::parse_normalisation.
using NormalisationMethod = profile::Normalisation;

enum class NormalisationReference {
    controls,  // the wells whose control column holds the control value
    all,       // every well
};

struct NormalisationSettings {
    NormalisationMethod method = NormalisationMethod::standardise;
    NormalisationReference reference = NormalisationReference::controls;
    bool per_plate = true;
    bool sample_standard_deviation = true;  // n - 1 in the denominator
    // Before the normalisation above, subtract from every well the median of its plate's
    // control wells, feature by feature: removes plate offsets while the scale is still taken
    // from many wells (per-plate scales from six DMSO wells are noisy).
    bool centre_plates_on_controls = false;
    std::string plate_column = "Metadata_Plate";
    std::string control_column = "Metadata_ControlType";
    std::string control_value = "negative";
};

NormalisationReference parse_normalisation_reference(const std::string& text);

// Rows whose `column` holds `value`. InputError naming the column when the table lacks it.
std::vector<std::size_t> rows_with_value(const FeatureTable& table, const std::string& column,
                                         const std::string& value);

// Normalises every feature in place with profile::normalise_per_plate. A feature whose reference
// spread is zero, or a group with fewer than two reference wells, gives NaN for that group and
// feature: there is no scale to divide by. NaN reference values are skipped. InputError when a
// plate has no reference well.
void normalise_profiles(FeatureTable& table, const NormalisationSettings& settings);

// Subtracts, plate by plate, the median of the plate's control wells from every well.
// InputError when a plate has no control well.
void centre_plates_on_controls(FeatureTable& table, const NormalisationSettings& settings);

}  // namespace hcs
