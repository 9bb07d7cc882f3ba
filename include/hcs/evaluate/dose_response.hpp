// Dose-response curves: the four-parameter logistic (4PL, Hill) model fitted by least squares
// with a Levenberg-Marquardt search (Marquardt 1963), as in GraphPad Prism's "log(agonist) vs.
// response -- variable slope" and scipy.optimize.curve_fit.
#pragma once

#include <string>
#include <vector>

namespace hcs {

// y = bottom + (top - bottom) / (1 + (ec50 / x)^hill). With hill > 0, bottom is the response
// without drug (x -> 0) and top the response at saturating dose; a falling curve has top <
// bottom. Fits are reported in that form (hill > 0).
struct LogisticCurve {
    double bottom = 0;
    double top = 0;
    double ec50 = 0;
    double hill = 0;

    double operator()(double concentration) const;
};

struct DoseResponseFit {
    LogisticCurve curve;
    double r_squared = 0;        // 1 - SSE / SST of the well values
    std::size_t points = 0;      // wells used (concentration > 0, finite response)
    std::size_t iterations = 0;  // of the best start
    bool converged = false;
    bool ec50_in_tested_range = false;
};

// Fits the 4PL model to (concentration, response) pairs by unweighted least squares. Pairs with
// a concentration <= 0 or a NaN are not used (the model has no value at x = 0). With fewer than
// kMinimumDoseResponsePoints pairs, or no spread in the responses, every figure is NaN.
DoseResponseFit fit_four_parameter_logistic(const std::vector<double>& concentrations,
                                            const std::vector<double>& responses);

// Four parameters and one degree of freedom left for the residual.
constexpr std::size_t kMinimumDoseResponsePoints = 5;

}  // namespace hcs
