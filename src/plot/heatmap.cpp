// Heatmap of a matrix with PLplot: one filled rectangle per cell in a white-to-blue colour map,
// labels beside the axes, and optionally the cell's value as text.
#include "hcs/plot/heatmap.hpp"

#include <cmath>
#include <cstdio>

#include <plplot/plplot.h>

#include "hcs/plot/png_plot.hpp"

namespace hcs {
namespace {

// Room left for the labels, as fractions of the page (viewport corners).
constexpr double kLeft = 0.30, kRight = 0.95, kBottom = 0.30, kTop = 0.92;

void set_up_colour_map() {
    PLFLT positions[2] = {0.0, 1.0};
    PLFLT red[2] = {1.0, 0.03}, green[2] = {1.0, 0.19}, blue[2] = {1.0, 0.42};
    plscmap1l(1, 2, positions, red, green, blue, nullptr);
}

std::string cell_text(double value) {
    char text[32];
    if (value == std::round(value) && std::abs(value) < 1e9) {
        std::snprintf(text, sizeof(text), "%.0f", value);
    } else {
        std::snprintf(text, sizeof(text), "%.2f", value);
    }
    return text;
}

void fill_cell(double x, double y, double fraction) {
    PLFLT xs[4] = {x, x + 1, x + 1, x}, ys[4] = {y, y, y + 1, y + 1};
    if (std::isnan(fraction)) {
        plcol0(4);
    } else {
        plcol1(fraction);
    }
    plfill(4, xs, ys);
}

void draw_heatmap(const Eigen::MatrixXd& values, const HeatmapLabels& labels, bool write_values) {
    const auto rows = static_cast<double>(values.rows());
    const auto columns = static_cast<double>(values.cols());
    const double low = values.array().isNaN().all() ? 0.0 : values.minCoeff();
    const double high = values.array().isNaN().all() ? 1.0 : values.maxCoeff();
    const double range = high > low ? high - low : 1.0;

    set_up_colour_map();
    pladv(0);
    plschr(0, 0.7);
    plvpor(kLeft, kRight, kBottom, kTop);
    plwind(0, columns, 0, rows);
    for (Eigen::Index i = 0; i < values.rows(); ++i) {
        for (Eigen::Index j = 0; j < values.cols(); ++j) {
            const double value = values(i, j);
            const double y = rows - 1 - static_cast<double>(i);  // first row at the top
            fill_cell(static_cast<double>(j), y, (value - low) / range);
            if (write_values && !std::isnan(value)) {
                plcol0((value - low) / range > 0.6 ? 0 : 1);  // white text on dark cells
                plptex(static_cast<double>(j) + 0.5, y + 0.35, 1, 0, 0.5, cell_text(value).c_str());
            }
        }
    }
    plcol0(1);
    plbox("bc", 0, 0, "bc", 0, 0);
    for (std::size_t i = 0; i < labels.rows.size(); ++i) {
        plmtex("lv", 0.5, (rows - static_cast<double>(i) - 0.5) / rows, 1.0,
               labels.rows[i].c_str());
    }
    for (std::size_t j = 0; j < labels.columns.size(); ++j) {
        plmtex("bv", 0.5, (static_cast<double>(j) + 0.5) / columns, 1.0, labels.columns[j].c_str());
    }
    plschr(0, 1.0);
    plmtex("t", 2.5, 0.5, 0.5, labels.title.c_str());
    plmtex("r", 1.5, 0.5, 0.5, labels.rows_title.c_str());
    plmtex("t", 0.8, 0.5, 0.5, labels.columns_title.c_str());
}

}  // namespace

void plot_heatmap(const std::filesystem::path& path, const Eigen::MatrixXd& values,
                  const HeatmapLabels& labels, bool write_values) {
    const int size = 500 + 40 * static_cast<int>(std::max(values.rows(), values.cols()));
    write_png_plot(path, {size + 200, size + 100},
                   [&] { draw_heatmap(values, labels, write_values); });
}

}  // namespace hcs
