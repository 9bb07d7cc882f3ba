// Four-parameter logistic fit by Levenberg-Marquardt (Marquardt 1963, SIAM J Appl Math
// 11:431) on log10 EC50, with an analytic Jacobian and several starting EC50s across the tested
// range; the start with the smallest residual sum of squares wins.
#include "hcs/evaluate/dose_response.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <Eigen/Dense>

namespace hcs {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kLn10 = std::log(10.0);

// Search limits of the optimiser (not of the model): iteration cap, damping range and the
// relative change of the residual sum of squares below which the search has converged.
constexpr int kMaxIterations = 400;
constexpr double kInitialDamping = 1e-3;
constexpr double kMaxDamping = 1e12;
constexpr double kRelativeTolerance = 1e-15;
// Starting EC50s spread evenly over the tested log-concentration range.
constexpr int kStartCount = 7;

using Parameters = Eigen::Vector4d;  // bottom, top, log10 EC50, Hill

struct Data {
    Eigen::VectorXd log_concentration;
    Eigen::VectorXd response;
};

double model(const Parameters& p, double log_x) {
    return p[0] + (p[1] - p[0]) / (1.0 + std::pow(10.0, (p[2] - log_x) * p[3]));
}

double residual_sum_of_squares(const Parameters& p, const Data& data) {
    double sum = 0;
    for (Eigen::Index i = 0; i < data.response.size(); ++i) {
        const double residual = model(p, data.log_concentration[i]) - data.response[i];
        sum += residual * residual;
    }
    return std::isfinite(sum) ? sum : std::numeric_limits<double>::infinity();
}

// Residuals and the Jacobian of the model with respect to the four parameters.
void linearise(const Parameters& p, const Data& data, Eigen::VectorXd& residuals,
               Eigen::Matrix<double, Eigen::Dynamic, 4>& jacobian) {
    const Eigen::Index n = data.response.size();
    residuals.resize(n);
    jacobian.resize(n, 4);
    for (Eigen::Index i = 0; i < n; ++i) {
        const double distance = p[2] - data.log_concentration[i];
        const double power = std::pow(10.0, distance * p[3]);
        const double denominator = 1.0 + power;
        const double fraction = 1.0 / denominator;
        const double slope = -(p[1] - p[0]) * power * kLn10 / (denominator * denominator);
        residuals[i] = p[0] + (p[1] - p[0]) * fraction - data.response[i];
        jacobian.row(i) << 1.0 - fraction, fraction, slope * p[3], slope * distance;
    }
}

struct Search {
    Parameters parameters;
    double sse = 0;
    std::size_t iterations = 0;
    bool converged = false;
};

Search levenberg_marquardt(Parameters p, const Data& data) {
    Search search{p, residual_sum_of_squares(p, data), 0, false};
    double damping = kInitialDamping;
    Eigen::VectorXd residuals;
    Eigen::Matrix<double, Eigen::Dynamic, 4> jacobian;
    for (int iteration = 0; iteration < kMaxIterations && !search.converged; ++iteration) {
        search.iterations = static_cast<std::size_t>(iteration) + 1;
        linearise(search.parameters, data, residuals, jacobian);
        const Eigen::Matrix4d normal = jacobian.transpose() * jacobian;
        const Eigen::Vector4d gradient = jacobian.transpose() * residuals;

        // Marquardt's scaling: damp each parameter by its own curvature.
        bool improved = false;
        while (!improved && damping < kMaxDamping) {
            Eigen::Matrix4d damped = normal;
            damped.diagonal() += damping * normal.diagonal().cwiseMax(1e-12);
            const Parameters trial = search.parameters + damped.ldlt().solve(-gradient);
            const double sse = residual_sum_of_squares(trial, data);
            if (sse < search.sse) {
                improved = true;
                search.converged = search.sse - sse <= kRelativeTolerance * search.sse;
                search.parameters = trial;
                search.sse = sse;
                damping = std::max(damping / 10.0, 1e-15);
            } else {
                damping *= 10.0;
            }
        }
        if (!improved) search.converged = true;  // no step lowers the SSE: a minimum
    }
    return search;
}

LogisticCurve canonical_curve(const Parameters& p) {
    // (bottom, top, ec50, hill) and (top, bottom, ec50, -hill) are the same curve.
    LogisticCurve curve{p[0], p[1], std::pow(10.0, p[2]), p[3]};
    if (curve.hill < 0) {
        std::swap(curve.bottom, curve.top);
        curve.hill = -curve.hill;
    }
    return curve;
}

}  // namespace

double LogisticCurve::operator()(double concentration) const {
    return bottom + (top - bottom) / (1.0 + std::pow(ec50 / concentration, hill));
}

DoseResponseFit fit_four_parameter_logistic(const std::vector<double>& concentrations,
                                            const std::vector<double>& responses) {
    std::vector<std::pair<double, double>> pairs;
    for (std::size_t i = 0; i < concentrations.size() && i < responses.size(); ++i) {
        if (concentrations[i] > 0 && std::isfinite(responses[i])) {
            pairs.emplace_back(std::log10(concentrations[i]), responses[i]);
        }
    }
    std::sort(pairs.begin(), pairs.end());
    DoseResponseFit fit;
    fit.points = pairs.size();
    fit.curve = {kNaN, kNaN, kNaN, kNaN};
    fit.r_squared = kNaN;

    Data data;
    data.log_concentration.resize(static_cast<Eigen::Index>(pairs.size()));
    data.response.resize(static_cast<Eigen::Index>(pairs.size()));
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        data.log_concentration[static_cast<Eigen::Index>(i)] = pairs[i].first;
        data.response[static_cast<Eigen::Index>(i)] = pairs[i].second;
    }
    const double mean = pairs.empty() ? 0.0 : data.response.mean();
    const double total = (data.response.array() - mean).square().sum();
    if (pairs.size() < kMinimumDoseResponsePoints || !(total > 0)) return fit;

    // Start from the responses at the lowest and highest dose, Hill 1, EC50 across the range.
    const double low = pairs.front().first, high = pairs.back().first;
    Search best;
    best.sse = std::numeric_limits<double>::infinity();
    for (int start = 0; start < kStartCount; ++start) {
        const double log_ec50 = low + (high - low) * (start + 0.5) / kStartCount;
        const Parameters initial(pairs.front().second, pairs.back().second, log_ec50, 1.0);
        const Search search = levenberg_marquardt(initial, data);
        if (search.sse < best.sse) best = search;
    }

    fit.curve = canonical_curve(best.parameters);
    fit.r_squared = 1.0 - best.sse / total;
    fit.iterations = best.iterations;
    fit.converged = best.converged;
    fit.ec50_in_tested_range = best.parameters[2] >= low && best.parameters[2] <= high;
    return fit;
}

}  // namespace hcs
