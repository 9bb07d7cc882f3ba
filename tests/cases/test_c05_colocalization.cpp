// Case c05: Pearson +1 and -1, Manders M1/M2 and overlap with the 15 %-of-maximum threshold,
// within three objects of two channels.
#include <gtest/gtest.h>

#include "case_expected.hpp"
#include "hcs/core/image_reader.hpp"
#include "hcs/measure/colocalization.hpp"

namespace {

// Expected values and their derivation: shared/cases/c05-colocalization (case.json, README).
TEST(CaseC05, CorrelationMandersAndOverlapMatchHandValues) {
    const auto folder = case_expected::case_folder("c05-colocalization");
    const auto test_case = case_expected::read_case("c05-colocalization");
    const cv::Mat dna = hcs::read_image(folder / "dna.tif").pixels;
    const cv::Mat gfp = hcs::read_image(folder / "gfp.tif").pixels;
    const auto nuclei =
        hcs::measure::ObjectSet::from_labels("Nuclei", hcs::read_labels(folder / "labels.tif"));
    hcs::measure::ColocalizationSettings settings;
    settings.threshold_percent = test_case.at("settings").at("manders_threshold_percent_of_max");
    const auto measured =
        hcs::measure::measure_colocalization(nuclei, dna, gfp, "DNA", "GFP", settings);
    EXPECT_EQ(case_expected::check_objects(test_case, "Nuclei", "Correlation_", measured, true), 6);
}

}  // namespace
