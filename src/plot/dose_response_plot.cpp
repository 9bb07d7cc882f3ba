// Dose-response figure with PLplot: points at log10 concentration, the fitted 4PL curve
// sampled finely between the lowest and highest dose, and a dashed line at EC50.
#include "hcs/plot/dose_response_plot.hpp"

#include <algorithm>
#include <cmath>

#include <plplot/plplot.h>

#include "hcs/plot/png_plot.hpp"

namespace hcs {
namespace {

constexpr int kCurveSamples = 200;
constexpr PLINT kFilledCircle = 17;  // PLplot's Hershey symbol code for plpoin
constexpr PLINT kLogXAxis = 10;      // plenv axis code: log10 scale on x

void draw_dose_response(const DoseResponseFigure& figure) {
    std::vector<PLFLT> x, y;
    for (std::size_t i = 0; i < figure.concentrations.size(); ++i) {
        if (figure.concentrations[i] > 0 && std::isfinite(figure.responses[i])) {
            x.push_back(std::log10(figure.concentrations[i]));
            y.push_back(figure.responses[i]);
        }
    }
    if (x.empty()) return;
    const auto [x_low, x_high] = std::minmax_element(x.begin(), x.end());
    const double left = *x_low - 0.25, right = *x_high + 0.25;

    std::vector<PLFLT> curve_x, curve_y;
    if (figure.curve) {
        for (int i = 0; i <= kCurveSamples; ++i) {
            const double log_x = left + (right - left) * i / kCurveSamples;
            const double value = figure.curve(std::pow(10.0, log_x));
            if (!std::isfinite(value)) continue;
            curve_x.push_back(log_x);
            curve_y.push_back(value);
        }
    }
    std::vector<PLFLT> all_y = y;
    all_y.insert(all_y.end(), curve_y.begin(), curve_y.end());
    const auto [y_low, y_high] = std::minmax_element(all_y.begin(), all_y.end());
    const double margin = 0.08 * std::max(*y_high - *y_low, 1e-12);

    plcol0(1);
    plenv(left, right, *y_low - margin, *y_high + margin, 0, kLogXAxis);
    pllab(figure.concentration_label.c_str(), figure.response_label.c_str(), figure.title.c_str());
    if (figure.ec50 > 0 && std::isfinite(figure.ec50)) {
        plcol0(4);
        pllsty(2);
        pljoin(std::log10(figure.ec50), *y_low - margin, std::log10(figure.ec50), *y_high + margin);
        pllsty(1);
    }
    if (!curve_x.empty()) {
        plcol0(2);
        plwidth(2);
        plline(static_cast<PLINT>(curve_x.size()), curve_x.data(), curve_y.data());
        plwidth(1);
    }
    plcol0(3);
    plpoin(static_cast<PLINT>(x.size()), x.data(), y.data(), kFilledCircle);
}

}  // namespace

void plot_dose_response(const std::filesystem::path& path, const DoseResponseFigure& figure) {
    write_png_plot(path, {800, 600}, [&] { draw_dose_response(figure); });
}

}  // namespace hcs
