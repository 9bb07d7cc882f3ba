// Per-plate (or global) standardisation and robust MAD scaling of well profiles against a
// reference set of wells. Follows Ljosa et al. 2013 (J Biomol Screen 18:1321, per-plate
// standardisation against DMSO wells) and pycytominer's normalize(method="mad_robustize").
#include "hcs/evaluate/profile_normalisation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

// Scales the median absolute deviation to the standard deviation of a normal distribution
// (1 / Phi^-1(3/4)), as scipy.stats.median_abs_deviation(scale="normal") used by pycytominer.
constexpr double kMadToStandardDeviation = 1.482602218505602;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double median_of(std::vector<double> values) {
    if (values.empty()) return kNaN;
    const std::size_t middle = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + middle, values.end());
    const double upper = values[middle];
    if (values.size() % 2 == 1) return upper;
    return 0.5 * (upper + *std::max_element(values.begin(), values.begin() + middle));
}

struct Scale {
    double centre = kNaN;
    double spread = kNaN;
};

Scale reference_scale(const std::vector<double>& values, const NormalisationSettings& settings) {
    Scale scale;
    if (values.size() < 2) return scale;
    if (settings.method == NormalisationMethod::robust_mad) {
        scale.centre = median_of(values);
        std::vector<double> deviations;
        for (double value : values) deviations.push_back(std::abs(value - scale.centre));
        scale.spread = kMadToStandardDeviation * median_of(deviations);
        return scale;
    }
    double sum = 0;
    for (double value : values) sum += value;
    scale.centre = sum / static_cast<double>(values.size());
    double squares = 0;
    for (double value : values) squares += (value - scale.centre) * (value - scale.centre);
    const double degrees = settings.sample_standard_deviation
                               ? static_cast<double>(values.size() - 1)
                               : static_cast<double>(values.size());
    scale.spread = std::sqrt(squares / degrees);
    return scale;
}

// Normalises `rows` of the table by the statistics of `reference` rows.
void normalise_group(FeatureTable& table, const std::vector<std::size_t>& rows,
                     const std::vector<std::size_t>& reference,
                     const NormalisationSettings& settings) {
    std::vector<double> values(reference.size());
    for (Eigen::Index j = 0; j < table.features.cols(); ++j) {
        for (std::size_t i = 0; i < reference.size(); ++i) {
            values[i] = table.features(static_cast<Eigen::Index>(reference[i]), j);
        }
        const Scale scale = reference_scale(values, settings);
        const bool usable = std::isfinite(scale.spread) && scale.spread > 0;
        for (std::size_t row : rows) {
            double& value = table.features(static_cast<Eigen::Index>(row), j);
            value = usable ? (value - scale.centre) / scale.spread : kNaN;
        }
    }
}

}  // namespace

NormalisationMethod parse_normalisation_method(const std::string& text) {
    if (text == "none") return NormalisationMethod::none;
    if (text == "standardise") return NormalisationMethod::standardise;
    if (text == "robust_mad") return NormalisationMethod::robust_mad;
    throw UsageError("normalisation method '" + text + "' is not none, standardise or robust_mad");
}

NormalisationReference parse_normalisation_reference(const std::string& text) {
    if (text == "controls") return NormalisationReference::controls;
    if (text == "all") return NormalisationReference::all;
    throw UsageError("normalisation reference '" + text + "' is not controls or all");
}

std::vector<std::size_t> rows_with_value(const FeatureTable& table, const std::string& column,
                                         const std::string& value) {
    const std::size_t index = table.metadata_index(column);
    if (index == FeatureTable::npos) throw InputError("profiles have no column " + column);
    std::vector<std::size_t> rows;
    for (std::size_t row = 0; row < table.rows(); ++row) {
        if (table.metadata[row][index] == value) rows.push_back(row);
    }
    return rows;
}

namespace {

// Rows of each plate (or of the whole table, under the name ""), with their reference rows.
struct Group {
    std::vector<std::size_t> rows;
    std::vector<std::size_t> reference;
};

std::map<std::string, Group> reference_groups(const FeatureTable& table, bool per_plate,
                                              bool controls_only,
                                              const NormalisationSettings& settings) {
    const std::size_t plate =
        per_plate ? table.metadata_index(settings.plate_column) : FeatureTable::npos;
    if (per_plate && plate == FeatureTable::npos) {
        throw InputError("profiles have no column " + settings.plate_column);
    }
    const std::size_t control =
        controls_only ? table.metadata_index(settings.control_column) : FeatureTable::npos;
    if (controls_only && control == FeatureTable::npos) {
        throw InputError("profiles have no column " + settings.control_column);
    }
    std::map<std::string, Group> groups;
    for (std::size_t row = 0; row < table.rows(); ++row) {
        Group& group = groups[per_plate ? table.metadata[row][plate] : ""];
        group.rows.push_back(row);
        if (!controls_only || table.metadata[row][control] == settings.control_value) {
            group.reference.push_back(row);
        }
    }
    for (const auto& [name, group] : groups) {
        if (group.reference.empty()) {
            throw InputError("plate " + name + " has no well with " + settings.control_column +
                             " = " + settings.control_value + " to normalise against");
        }
    }
    return groups;
}

}  // namespace

void centre_plates_on_controls(FeatureTable& table, const NormalisationSettings& settings) {
    std::vector<double> values;
    for (const auto& [name, group] : reference_groups(table, true, true, settings)) {
        for (Eigen::Index j = 0; j < table.features.cols(); ++j) {
            values.clear();
            for (std::size_t row : group.reference) {
                values.push_back(table.features(static_cast<Eigen::Index>(row), j));
            }
            const double centre = median_of(values);
            for (std::size_t row : group.rows) {
                table.features(static_cast<Eigen::Index>(row), j) -= centre;
            }
        }
    }
}

void normalise_profiles(FeatureTable& table, const NormalisationSettings& settings) {
    if (table.rows() == 0) return;
    if (settings.centre_plates_on_controls) centre_plates_on_controls(table, settings);
    if (settings.method == NormalisationMethod::none) return;
    const bool controls_only = settings.reference == NormalisationReference::controls;
    for (const auto& [name, group] :
         reference_groups(table, settings.per_plate, controls_only, settings)) {
        normalise_group(table, group.rows, group.reference, settings);
    }
}

}  // namespace hcs
