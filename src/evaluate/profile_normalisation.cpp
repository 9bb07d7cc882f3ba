// Per-plate (or global) standardisation and robust MAD scaling of well profiles against a
// reference set of wells, following Ljosa et al. 2013 (J Biomol Screen 18:1321, per-plate
// standardisation against DMSO wells) and pycytominer's normalize(method="mad_robustize"). The
// statistics are profile::normalise_per_plate's; this file maps the evaluation's settings onto it.
#include "hcs/evaluate/profile_normalisation.hpp"

#include "hcs/core/errors.hpp"
#include "hcs/profile/groups.hpp"
#include "hcs/profile/normalise.hpp"

namespace hcs {
namespace {

// The evaluation's settings as the profile module's options. The evaluation scales MAD by the
// exact consistency constant, as scipy's median_abs_deviation(scale="normal") does.
profile::NormaliseOptions profile_options(const NormalisationSettings& settings) {
    profile::NormaliseOptions options;
    options.method = settings.method;
    options.per_plate = settings.per_plate;
    options.plate_column = settings.plate_column;
    options.controls = {settings.control_column, settings.control_value};
    options.reference = settings.reference == NormalisationReference::controls ? "controls" : "all";
    options.sample_standard_deviation = settings.sample_standard_deviation;
    options.mad_to_standard_deviation = profile::kMadToStandardDeviationExact;
    return options;
}

}  // namespace

NormalisationReference parse_normalisation_reference(const std::string& text) {
    if (text == "controls") return NormalisationReference::controls;
    if (text == "all") return NormalisationReference::all;
    throw UsageError("normalisation reference '" + text + "' is not controls or all");
}

std::vector<std::size_t> rows_with_value(const FeatureTable& table, const std::string& column,
                                         const std::string& value) {
    const std::vector<char> matches = profile::control_rows(table, {column, value});
    std::vector<std::size_t> rows;
    for (std::size_t row = 0; row < table.rows(); ++row) {
        if (matches[row]) rows.push_back(row);
    }
    return rows;
}

void centre_plates_on_controls(FeatureTable& table, const NormalisationSettings& settings) {
    profile::NormaliseOptions options = profile_options(settings);
    options.method = profile::Normalisation::median_centre;
    options.per_plate = true;
    options.reference = "controls";
    profile::normalise_per_plate(table, options);
}

void normalise_profiles(FeatureTable& table, const NormalisationSettings& settings) {
    if (table.rows() == 0) return;
    if (settings.centre_plates_on_controls) centre_plates_on_controls(table, settings);
    if (settings.method == NormalisationMethod::none) return;
    profile::normalise_per_plate(table, profile_options(settings));
}

}  // namespace hcs
