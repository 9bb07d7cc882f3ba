// Per-plate normalisation against control rows. Ljosa et al. 2013 (J Biomol Screen 18:1321)
// scale each feature so that the DMSO cells' 1st and 99th percentiles become 0 and 1; z-score
// and robust MAD follow pycytominer.normalize ("standardize", "mad_robustize"); the evaluation
// uses the same code with the plates pooled or with the sample standard deviation.
#include "hcs/profile/normalise.hpp"

#include <cmath>
#include <limits>

#include "hcs/core/errors.hpp"
#include "hcs/core/parallel.hpp"
#include "hcs/profile/statistics.hpp"

namespace hcs::profile {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Centre and scale of one feature's reference values.
std::pair<double, double> centre_and_scale(std::vector<double>& values,
                                           const NormaliseOptions& options) {
    switch (options.method) {
        case Normalisation::standardise:
            return {mean_of(values),
                    standard_deviation_of(values, options.sample_standard_deviation)};
        case Normalisation::robust_mad: {
            const double median = median_of(values);
            return {median, options.mad_to_standard_deviation * mad_of(values)};
        }
        case Normalisation::median_centre:
            return {median_of(values), 1.0};
        case Normalisation::percentile: {
            const double lower = percentile_of(values, options.lower_percentile);
            return {lower, percentile_of(values, options.upper_percentile) - lower};
        }
        case Normalisation::none:
            break;
    }
    return {0.0, 1.0};
}

}  // namespace

Normalisation parse_normalisation(const std::string& name) {
    if (name == "none") return Normalisation::none;
    if (name == "standardise") return Normalisation::standardise;
    if (name == "robust_mad") return Normalisation::robust_mad;
    if (name == "percentile") return Normalisation::percentile;
    if (name == "median_centre") return Normalisation::median_centre;
    throw UsageError("unknown normalisation '" + name +
                     "' (expected none, standardise, robust_mad, percentile or median_centre)");
}

FeatureScaling fit_scaling(const FeatureMatrix& features, const std::vector<std::size_t>& rows,
                           const NormaliseOptions& options, int threads) {
    const Eigen::Index columns = features.cols();
    FeatureScaling scaling{Eigen::VectorXd::Zero(columns), Eigen::VectorXd::Ones(columns)};
    if (options.method == Normalisation::none) return scaling;

    parallel_for(static_cast<std::size_t>(columns), threads, [&](std::size_t column) {
        std::vector<double> values;
        values.reserve(rows.size());
        for (std::size_t row : rows) values.push_back(features(row, column));
        auto [centre, scale] = centre_and_scale(values, options);
        scaling.centre(column) = centre;
        scaling.scale(column) = (std::isfinite(scale) && scale > 0) ? scale : kNaN;
    });
    return scaling;
}

void apply_scaling(FeatureMatrix& features, const std::vector<std::size_t>& rows,
                   const FeatureScaling& scaling) {
    const Eigen::RowVectorXd centre = scaling.centre.transpose();
    const Eigen::RowVectorXd inverse_scale = scaling.scale.cwiseInverse().transpose();
    for (std::size_t row : rows) {
        features.row(row) = (features.row(row) - centre).cwiseProduct(inverse_scale);
    }
}

void normalise_per_plate(FeatureTable& table, const NormaliseOptions& options, int threads) {
    // A plate without cells (every image empty) has nothing to normalise and needs no controls.
    if (options.method == Normalisation::none || table.rows() == 0) return;
    const RowGroups plates =
        options.per_plate ? group_rows(table, {options.plate_column}) : group_rows(table, {});
    std::vector<char> is_control(table.rows(), 1);
    if (options.reference == "controls") {
        is_control = control_rows(table, options.controls);
    } else if (options.reference != "all") {
        throw UsageError("normalisation reference '" + options.reference +
                         "' (expected controls or all)");
    }

    for (std::size_t p = 0; p < plates.size(); ++p) {
        std::vector<std::size_t> reference;
        for (std::size_t row : plates.members[p]) {
            if (is_control[row]) reference.push_back(row);
        }
        if (reference.empty()) {
            const std::string plate = options.per_plate ? plates.keys[p][0] : "(all plates)";
            throw InputError("plate '" + plate + "' has no control rows (" +
                             options.controls.column + " = " + options.controls.value + ")");
        }
        apply_scaling(table.features, plates.members[p],
                      fit_scaling(table.features, reference, options, threads));
    }
}

}  // namespace hcs::profile
