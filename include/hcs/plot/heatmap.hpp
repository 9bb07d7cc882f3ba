// Heatmaps drawn with PLplot: a matrix of cells coloured by value with row and column labels,
// optionally the value written in each cell (confusion matrices, similarity matrices).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace hcs {

struct HeatmapLabels {
    std::string title;
    std::string rows_title;     // e.g. "true MOA"
    std::string columns_title;  // e.g. "predicted MOA"
    std::vector<std::string> rows;
    std::vector<std::string> columns;
};

// Colours run from white (lowest value) to dark blue (highest); NaN cells stay grey. With
// `write_values`, each cell shows its value (as an integer when it is one).
void plot_heatmap(const std::filesystem::path& path, const Eigen::MatrixXd& values,
                  const HeatmapLabels& labels, bool write_values);

}  // namespace hcs
