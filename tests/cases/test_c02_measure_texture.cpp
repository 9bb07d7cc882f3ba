// Case c02 (measurement part): a 1x5 image whose object is the 3 bright pixels; Haralick
// features at scale 3 have no pixel pair in any direction and must be NaN (CellProfiler: 0).
#include <gtest/gtest.h>

#include "case_expected.hpp"
#include "hcs/core/image_reader.hpp"
#include "hcs/measure/texture.hpp"

namespace {

// The object is columns 1..3 (case README: any threshold in (2/15, 9/15] gives it); the
// segmentation stage's own test covers finding it. Expected values from case.json.
TEST(CaseC02, TextureOfOneRowObjectIsUndefinedInEveryDirection) {
    const auto test_case = case_expected::read_case("c02-tiny-1x5");
    const cv::Mat image =
        hcs::read_image(case_expected::case_folder("c02-tiny-1x5") / "dna.tif").pixels;
    ASSERT_EQ(image.size(), cv::Size(5, 1));
    cv::Mat labels = cv::Mat::zeros(1, 5, CV_32S);
    for (int c = 1; c <= 3; ++c) labels.at<int>(0, c) = 1;
    const auto nuclei = hcs::measure::ObjectSet::from_labels("Nuclei", labels);
    hcs::measure::TextureSettings settings;
    settings.scales = {3};
    settings.gray_levels = 256;
    const auto measured = hcs::measure::measure_texture(nuclei, image, "DNA", settings);
    EXPECT_EQ(case_expected::check_objects(test_case, "Nuclei", "Texture_", measured), 52);
}

}  // namespace
