// Parity of identify_primary with CellProfiler 5's IdentifyPrimaryObjects on every CellProfiler
// fixture set that holds nuclei labels (fixtures/cellprofiler/*/labels/Nuclei.tif), run with the
// settings CellProfiler used (settings.json). Expected values: CellProfiler's own labels and its
// Threshold_FinalThreshold_Nuclei in Image.csv.
#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include "hcs/core/csv_table.hpp"
#include "hcs/core/image_reader.hpp"
#include "hcs/segment/cellprofiler_settings.hpp"
#include "hcs/segment/fill_holes.hpp"
#include "hcs/segment/identify_primary.hpp"
#include "hcs/segment/object_matching.hpp"

namespace fs = std::filesystem;
using namespace hcs::segment;

namespace {

const fs::path kShared = HCS_SHARED_DIR;
const fs::path kFixtures = kShared / "fixtures/cellprofiler";

// Parity means: 99% of CellProfiler's nuclei matched one-to-one at IoU >= 0.9, and object
// counts within 1%.
constexpr double kParityIou = 0.9;
constexpr double kMinimumMatchedFraction = 0.99;
constexpr double kCountTolerance = 0.01;

double cell_number(const hcs::CsvTable& table, const std::string& column) {
    return std::stod(table.rows.at(0).at(table.column(column)));
}

struct ParityFigures {
    int cellprofiler_count = 0, our_count = 0, matched = 0;
    double cellprofiler_threshold = 0, our_threshold = 0;
    int unedited_cellprofiler = 0, unedited_ours = 0;
    long foreground_pixels_differing = 0;
    long label_pixels_differing = 0;  // same numbering expected, so compared pixel by pixel
};

ParityFigures run_parity(const std::string& set) {
    const fs::path folder = kFixtures / set;
    const hcs::CsvTable image_table = hcs::read_csv(folder / "Image.csv");
    const fs::path image_path = kShared / image_table.rows[0][image_table.column("PathName_DNA")] /
                                image_table.rows[0][image_table.column("FileName_DNA")];
    const cv::Mat image = hcs::read_image(image_path).pixels;
    std::ifstream settings_file(folder / "settings.json");
    const PrimarySettings settings =
        primary_settings_from_cellprofiler(nlohmann::json::parse(settings_file));

    // Timing figure for the report (printed, never asserted): the least CPU time of five runs.
    double seconds = 1e9;
    PrimaryResult result;
    for (int run = 0; run < 5; ++run) {
        const std::clock_t start = std::clock();
        result = identify_primary(image, settings);
        seconds = std::min(seconds, double(std::clock() - start) / CLOCKS_PER_SEC);
    }
    const cv::Mat expected = hcs::read_labels(folder / "labels/Nuclei.tif");
    const ObjectMatching matching = match_objects(expected, result.labels, kParityIou, true);

    ParityFigures figures;
    figures.cellprofiler_count = matching.reference_objects;
    figures.our_count = result.count;
    figures.matched = matching.matched;
    figures.cellprofiler_threshold = cell_number(image_table, "Threshold_FinalThreshold_Nuclei");
    figures.our_threshold = result.threshold.final_threshold;

    // Stage-by-stage figures, to say where a difference starts.
    double maximum = 0;
    cv::minMaxLoc(hcs::read_labels(folder / "cp_internal_labels/Nuclei_unedited.tif"), nullptr,
                  &maximum);
    figures.unedited_cellprofiler = static_cast<int>(maximum);
    cv::minMaxLoc(result.unedited_labels, nullptr, &maximum);
    figures.unedited_ours = static_cast<int>(maximum);
    const cv::Mat binary =
        hcs::read_tiff_raw(folder / "cp_internal_labels/Nuclei_threshold_binary.tif");
    cv::Mat ours = result.threshold.foreground;
    if (settings.fill_holes == FillHoles::AfterThresholdAndDeclumping ||
        !settings.use_advanced_settings) {
        ours = fill_labeled_holes(ours, static_cast<long>(settings.typical_diameter_max) *
                                            settings.typical_diameter_max) > 0;
    }
    figures.foreground_pixels_differing = cv::countNonZero((binary != 0) != (ours != 0));
    figures.label_pixels_differing = cv::countNonZero(expected != result.labels);

    std::cout << "[parity] " << set << ": CellProfiler " << figures.cellprofiler_count
              << " nuclei, ours " << figures.our_count << ", matched at IoU>=0.9 "
              << figures.matched << " ("
              << 100.0 * figures.matched / std::max(1, figures.cellprofiler_count)
              << "%), threshold CP " << std::setprecision(17) << figures.cellprofiler_threshold
              << " ours " << figures.our_threshold << std::setprecision(6) << ", unedited CP "
              << figures.unedited_cellprofiler << " ours " << figures.unedited_ours
              << ", foreground pixels differing " << figures.foreground_pixels_differing
              << ", final label pixels differing " << figures.label_pixels_differing << " of "
              << expected.total() << ", " << seconds << " s CPU per image" << std::endl;
    return figures;
}

class NucleiParity : public ::testing::TestWithParam<std::string> {};

TEST_P(NucleiParity, MatchesCellProfilerNucleiOneToOne) {
    const ParityFigures figures = run_parity(GetParam());
    EXPECT_GE(figures.matched, kMinimumMatchedFraction * figures.cellprofiler_count);
    EXPECT_LE(std::abs(figures.our_count - figures.cellprofiler_count),
              kCountTolerance * figures.cellprofiler_count);
    EXPECT_NEAR(figures.our_threshold, figures.cellprofiler_threshold,
                1e-6 * std::max(1.0, figures.cellprofiler_threshold));
}

INSTANTIATE_TEST_SUITE_P(
    CellProfilerFixtures, NucleiParity,
    ::testing::Values("bbbc013-A01", "bbbc013-A07", "bbbc013-A12", "examplefly-01_POS002",
                      "examplefly-variants-otsu3-shape", "examplefly-variants-robust-propagate",
                      "examplefly-variants-distance", "segmentation-gt-16bit/bbbc039_G08_s6",
                      "segmentation-gt-16bit/hela_t52"),
    [](const ::testing::TestParamInfo<std::string>& info) {
        std::string name = info.param;
        for (char& c : name) {
            if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
        }
        return name;
    });

}  // namespace
