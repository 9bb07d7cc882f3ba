// Nuclei settings of a hand-checked case (shared/cases/cNN-*/case.json "settings"), mapped onto
// PrimarySettings: the cases state their threshold and declumping choices, so advanced settings
// are on.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include "hcs/segment/identify_primary.hpp"

namespace hcs::cases {

inline nlohmann::json read_case(const std::string& name) {
    std::ifstream file(std::filesystem::path(HCS_SHARED_DIR) / "cases" / name / "case.json");
    return nlohmann::json::parse(file);
}

inline segment::PrimarySettings nuclei_case_settings(const nlohmann::json& case_json) {
    using namespace segment;
    const nlohmann::json& given = case_json.at("settings");
    PrimarySettings settings;
    settings.use_advanced_settings = true;
    const std::string method = given.at("threshold_method");
    settings.threshold.method =
        method == "Otsu" ? ThresholdMethod::Otsu : ThresholdMethod::MinimumCrossEntropy;
    settings.threshold.smoothing_scale = given.value("threshold_smoothing_scale", 0.0);
    const std::string declump = given.value("declump", "intensity");
    settings.declump = declump == "none"    ? DeclumpMethod::None
                       : declump == "shape" ? DeclumpMethod::Shape
                                            : DeclumpMethod::Intensity;
    const std::string lines = given.value("dividing_lines", declump);
    settings.dividing_lines = lines == "none"    ? DividingLines::None
                              : lines == "shape" ? DividingLines::Shape
                                                 : DividingLines::Intensity;
    settings.typical_diameter_min = given.value("typical_diameter_min", 10);
    settings.typical_diameter_max = given.value("typical_diameter_max", 40);
    settings.discard_outside_diameter = given.value("exclude_size", true);
    settings.discard_border_objects = given.value("exclude_border_objects", true);
    settings.fill_holes =
        given.value("fill_holes", true) ? FillHoles::AfterThresholdAndDeclumping : FillHoles::Never;
    return settings;
}

// Pixel count and centre (mean column, mean row) of one label, as AreaShape_Area and
// Location_Center_X/Y are defined.
struct ObjectFigures {
    long area = 0;
    double center_x = 0, center_y = 0;
};

inline ObjectFigures object_figures(const cv::Mat& labels, int label) {
    ObjectFigures figures;
    for (int row = 0; row < labels.rows; ++row) {
        for (int column = 0; column < labels.cols; ++column) {
            if (labels.at<int>(row, column) != label) continue;
            ++figures.area;
            figures.center_x += column;
            figures.center_y += row;
        }
    }
    if (figures.area > 0) {
        figures.center_x /= figures.area;
        figures.center_y /= figures.area;
    }
    return figures;
}

}  // namespace hcs::cases
