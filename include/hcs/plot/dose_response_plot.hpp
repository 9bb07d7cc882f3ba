// Dose-response figure drawn with PLplot: the wells as points on a log concentration axis,
// the fitted curve, and a marker at EC50.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace hcs {

struct DoseResponseFigure {
    std::string title;
    std::string concentration_label;  // "concentration (nM)"
    std::string response_label;
    std::vector<double> concentrations;  // > 0
    std::vector<double> responses;
    std::function<double(double)> curve;  // empty when the fit failed
    double ec50 = 0;                      // NaN or <= 0: no marker
};

void plot_dose_response(const std::filesystem::path& path, const DoseResponseFigure& figure);

}  // namespace hcs
