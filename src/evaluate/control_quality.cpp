// Z'-factor (Zhang et al. 1999) and SSMD (Zhang 2007) between positive and negative control
// wells, per plate and feature, with sample (n - 1) standard deviations.
#include "hcs/evaluate/control_quality.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "hcs/core/errors.hpp"
#include "hcs/profile/statistics.hpp"

namespace hcs {
namespace {

// Z' counts three standard deviations on each side as the separation band (Zhang et al. 1999).
constexpr double kZPrimeBandWidth = 3.0;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Moments {
    double mean = kNaN;
    double standard_deviation = kNaN;
};

// A NaN well makes both moments NaN (profile's statistics would skip it): a control that
// could not be measured leaves the plate without a figure rather than with a smaller sample.
Moments sample_moments(const std::vector<double>& values) {
    Moments moments;
    const bool any_nan =
        std::any_of(values.begin(), values.end(), [](double value) { return std::isnan(value); });
    if (values.size() < 2 || any_nan) return moments;
    moments.mean = profile::mean_of(values);
    moments.standard_deviation = profile::standard_deviation_of(values, true);
    return moments;
}

}  // namespace

double z_prime_factor(const std::vector<double>& positive, const std::vector<double>& negative) {
    const Moments p = sample_moments(positive);
    const Moments n = sample_moments(negative);
    const double separation = std::abs(p.mean - n.mean);
    if (std::isnan(separation) || separation == 0) return kNaN;
    return 1.0 - kZPrimeBandWidth * (p.standard_deviation + n.standard_deviation) / separation;
}

double strictly_standardised_mean_difference(const std::vector<double>& positive,
                                             const std::vector<double>& negative) {
    const Moments p = sample_moments(positive);
    const Moments n = sample_moments(negative);
    const double spread = std::sqrt(p.standard_deviation * p.standard_deviation +
                                    n.standard_deviation * n.standard_deviation);
    if (std::isnan(spread) || spread == 0) return kNaN;
    return (p.mean - n.mean) / spread;
}

std::vector<ControlQuality> control_quality(const FeatureTable& wells,
                                            const std::string& plate_column,
                                            const std::string& control_column,
                                            const std::string& positive_value,
                                            const std::string& negative_value) {
    const std::size_t plate = wells.metadata_index(plate_column);
    const std::size_t control = wells.metadata_index(control_column);
    if (plate == FeatureTable::npos) throw InputError("profiles have no column " + plate_column);
    if (control == FeatureTable::npos) {
        throw InputError("profiles have no column " + control_column);
    }

    std::vector<std::string> plates;
    for (const auto& row : wells.metadata) {
        if (std::find(plates.begin(), plates.end(), row[plate]) == plates.end()) {
            plates.push_back(row[plate]);
        }
    }

    std::vector<ControlQuality> results;
    for (const auto& name : plates) {
        for (Eigen::Index j = 0; j < wells.features.cols(); ++j) {
            std::vector<double> positive, negative;
            for (std::size_t row = 0; row < wells.rows(); ++row) {
                const double value = wells.features(static_cast<Eigen::Index>(row), j);
                if (wells.metadata[row][plate] != name || std::isnan(value)) continue;
                if (wells.metadata[row][control] == positive_value) positive.push_back(value);
                if (wells.metadata[row][control] == negative_value) negative.push_back(value);
            }
            if (positive.empty() || negative.empty()) continue;
            results.push_back({name, wells.feature_names[static_cast<std::size_t>(j)],
                               positive.size(), negative.size(), z_prime_factor(positive, negative),
                               strictly_standardised_mean_difference(positive, negative)});
        }
    }
    return results;
}

}  // namespace hcs
