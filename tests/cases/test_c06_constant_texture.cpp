// Case c06: a constant 8x8 object; Haralick features from a co-occurrence matrix with a single
// cell: ASM 1, contrast 0, entropies 0, InfoMeas2 0, correlation and InfoMeas1 NaN.
#include <gtest/gtest.h>

#include "case_expected.hpp"
#include "hcs/core/image_reader.hpp"
#include "hcs/measure/texture.hpp"

namespace {

// Expected values and their derivation: shared/cases/c06-constant-texture (case.json, README).
TEST(CaseC06, ConstantObjectGivesDegenerateHaralickFeatures) {
    const auto folder = case_expected::case_folder("c06-constant-texture");
    const auto test_case = case_expected::read_case("c06-constant-texture");
    const cv::Mat image = hcs::read_image(folder / "dna.tif").pixels;
    const auto nuclei =
        hcs::measure::ObjectSet::from_labels("Nuclei", hcs::read_labels(folder / "labels.tif"));
    hcs::measure::TextureSettings settings;
    settings.scales = {3};
    settings.gray_levels = 256;
    const auto measured = hcs::measure::measure_texture(nuclei, image, "DNA", settings);
    EXPECT_EQ(case_expected::check_objects(test_case, "Nuclei", "Texture_", measured), 45);
}

}  // namespace
