// Tests of the colocalisation measures: hand-computed Pearson, Manders and overlap on a tiny
// object, and parity with CellProfiler's MeasureColocalization on the four fixture sets.
#include <cmath>
#include <cstdio>

#include <gtest/gtest.h>

#include "family_parity.hpp"
#include "hcs/measure/colocalization.hpp"

namespace hcs::measure {
namespace {

// One 1x4 object; DNA = [0.1 0.2 0.3 0.4], GFP = 2 x DNA: Pearson = 1.
// Threshold 15 % of the max: DNA >= 0.06, GFP >= 0.12 -> every pixel counts, M1 = M2 = 1,
// overlap = sum(2x^2)/sqrt(sum x^2 * sum 4x^2) = 1, K1 = sum(xy)/sum(x^2) = 2, K2 = 1/2.
TEST(Colocalization, ProportionalChannelsGiveHandValues) {
    cv::Mat labels = cv::Mat::ones(1, 4, CV_32S);
    cv::Mat dna(1, 4, CV_32F), gfp(1, 4, CV_32F);
    for (int k = 0; k < 4; ++k) {
        dna.at<float>(0, k) = 0.1f * (k + 1);
        gfp.at<float>(0, k) = 2.0f * dna.at<float>(0, k);
    }
    ColocalizationSettings settings;
    settings.costes = false;
    const Measurements m = measure_colocalization(ObjectSet::from_labels("Nuclei", labels), dna,
                                                  gfp, "DNA", "GFP", settings);
    auto value = [&](const std::string& name) {
        for (const auto& [n, v] : m)
            if (n == name) return v.at(0);
        return std::nan("");
    };
    EXPECT_NEAR(value("Correlation_Correlation_DNA_GFP"), 1.0, 1e-6);
    EXPECT_NEAR(value("Correlation_Manders_DNA_GFP"), 1.0, 1e-12);
    EXPECT_NEAR(value("Correlation_Manders_GFP_DNA"), 1.0, 1e-12);
    EXPECT_NEAR(value("Correlation_Overlap_DNA_GFP"), 1.0, 1e-6);
    EXPECT_NEAR(value("Correlation_K_DNA_GFP"), 2.0, 1e-6);
    EXPECT_NEAR(value("Correlation_K_GFP_DNA"), 0.5, 1e-6);
}

// Hand arithmetic: DNA = [1 0 1 0], GFP = [0 1 0 1] (in tenths). Threshold 15 % of the max;
// no pixel is above in both channels, so M1 = M2 = 0 (sum of nothing over a positive total).
TEST(Colocalization, DisjointChannelsGiveZeroManders) {
    cv::Mat labels = cv::Mat::ones(1, 4, CV_32S);
    cv::Mat dna = (cv::Mat_<float>(1, 4) << 0.1f, 0.0f, 0.1f, 0.0f);
    cv::Mat gfp = (cv::Mat_<float>(1, 4) << 0.0f, 0.1f, 0.0f, 0.1f);
    ColocalizationSettings settings;
    settings.costes = false;
    const Measurements m = measure_colocalization(ObjectSet::from_labels("Nuclei", labels), dna,
                                                  gfp, "DNA", "GFP", settings);
    EXPECT_EQ(m[1].first, "Correlation_Manders_DNA_GFP");
    EXPECT_EQ(m[1].second[0], 0.0);
    EXPECT_EQ(m[2].second[0], 0.0);
    EXPECT_NEAR(m[0].second[0], -1.0, 1e-12);  // Pearson of opposite square waves
}

// CellProfiler 5 fixture tables: every Correlation_* column of Nuclei, Cells and Cytoplasm and
// the image figures in Image.csv, for every channel pair the pipeline measured.
TEST(Colocalization, MatchesCellProfilerFixturesOnAllSets) {
    using namespace hcs::measure::testing;
    for (const FixtureSet& set : fixture_sets()) {
        ParityReport report;
        const auto image_row = load_image_row(set);
        for (std::size_t i = 0; i < set.channels.size(); ++i) {
            for (std::size_t j = i + 1; j < set.channels.size(); ++j) {
                const std::string a = set.channels[i].first, b = set.channels[j].first;
                const cv::Mat first = load_channel(set, a), second = load_channel(set, b);
                for (const std::string object : {"Nuclei", "Cells", "Cytoplasm"}) {
                    compare_measurements(
                        object,
                        measure_colocalization(load_objects(set, object), first, second, a, b, {}),
                        load_object_table(set, object), report, {});
                }
                for (const auto& [name, value] :
                     measure_image_colocalization(first, second, a, b, {})) {
                    if (name.rfind("Correlation_Slope_", 0) == 0) {
                        // Known difference (docs): CellProfiler's slope is a float32 LAPACK
                        // least-squares solution; ours is exact in float64.
                        const double reference = image_row.at(name);
                        const double relative = std::fabs(value - reference) / std::fabs(reference);
                        std::printf(
                            "[parity] Colocalization %s %s: ours %.9g, CellProfiler "
                            "%.9g, relative difference %.2g\n",
                            set.name.c_str(), name.c_str(), value, reference, relative);
                        EXPECT_LT(relative, 1e-2) << name;
                        continue;
                    }
                    compare_column("Image_" + name, {value}, {image_row.at(name)}, report, {});
                }
            }
        }
        report.print("Colocalization " + set.name);
        EXPECT_EQ(report.matched_columns, report.columns) << set.name;
        EXPECT_EQ(report.missing_columns, 0) << set.name;
    }
}

}  // namespace
}  // namespace hcs::measure
