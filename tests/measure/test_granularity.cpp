// Tests of the granular spectrum: a hand-checkable image without background and parity with
// CellProfiler's MeasureGranularity on the four fixture sets (images and objects).
#include <cmath>

#include <gtest/gtest.h>

#include "family_parity.hpp"
#include "hcs/measure/granularity.hpp"

namespace hcs::measure {
namespace {

// Hand arithmetic, no subsampling and no background (radius-1 opening of a 9x9 image whose only
// structure is one bright pixel keeps the zero background): the mean is 1/81; the first
// erosion removes the single pixel and the reconstruction cannot bring it back, so step 1
// removes 100 % of the mean and every later step 0 %.
TEST(Granularity, SinglePixelVanishesAtFirstStep) {
    cv::Mat image = cv::Mat::zeros(9, 9, CV_32F);
    image.at<float>(4, 4) = 1.0f;
    GranularitySettings settings;
    settings.subsample_size = 1.0;
    settings.image_sample_size = 1.0;
    settings.element_size = 1;
    settings.spectrum_length = 3;
    const GranularityResult result = measure_granularity(image, "DNA", {}, settings);
    ASSERT_EQ(result.image.size(), 3u);
    EXPECT_EQ(result.image[0].first, "Granularity_1_DNA");
    EXPECT_NEAR(result.image[0].second, 100.0, 1e-9);
    EXPECT_NEAR(result.image[1].second, 0.0, 1e-12);
    EXPECT_NEAR(result.image[2].second, 0.0, 1e-12);
}

// CellProfiler 5 fixture tables: Granularity_1..16 of every channel in Image.csv and in the
// Nuclei, Cells and Cytoplasm tables.
TEST(Granularity, MatchesCellProfilerFixturesOnAllSets) {
    using namespace hcs::measure::testing;
    for (const FixtureSet& set : fixture_sets()) {
        ParityReport report;
        const auto image_row = load_image_row(set);
        std::vector<ObjectSet> objects;
        std::vector<ObjectTable> tables;
        const std::vector<std::string> names = {"Nuclei", "Cells", "Cytoplasm"};
        for (const std::string& name : names) {
            objects.push_back(load_objects(set, name));
            tables.push_back(load_object_table(set, name));
        }
        const std::vector<const ObjectSet*> pointers = {&objects[0], &objects[1], &objects[2]};
        for (const auto& [channel, path] : set.channels) {
            const GranularityResult result =
                measure_granularity(load_channel(set, channel), channel, pointers, {});
            for (const auto& [name, value] : result.image)
                compare_column("Image_" + name, {value}, {image_row.at(name)}, report, {});
            for (std::size_t s = 0; s < names.size(); ++s)
                compare_measurements(names[s], result.objects[s], tables[s], report, {});
        }
        report.print("Granularity " + set.name);
        EXPECT_EQ(report.matched_columns, report.columns) << set.name;
        EXPECT_EQ(report.missing_columns, 0) << set.name;
    }
}

}  // namespace
}  // namespace hcs::measure
