// Nuclei against hand-made ground truth (data/segmentation-gt): F1 at IoU 0.5 per set for the
// shipped configs/segmentation-gt-<set>.json, beside the Otsu + watershed baseline on the same
// images and three other ways of running CellProfiler's steps, to show what the settings can
// and cannot reach:
//   - the best single diameter range per set (minimum diameter swept, the size filter on and
//     off): what a user with one configuration per set could choose at best;
//   - each image's own diameter (0.5x to 2x the manifest's typical diameter), defaults otherwise:
//     the information the baseline is given;
//   - each image's own diameter with advanced settings Otsu two-class, Shape / Shape declumping:
//     the baseline's own recipe (global Otsu, distance-map watershed) in CellProfiler's steps.
// Usage: bench_segment_ground_truth [set ...]   (default: all six)
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "hcs/core/config.hpp"
#include "hcs/core/image_reader.hpp"
#include "hcs/segment/ground_truth.hpp"
#include "hcs/segment/identify_primary.hpp"
#include "hcs/segment/segment_settings.hpp"

namespace fs = std::filesystem;
using namespace hcs::segment;

namespace {

const fs::path kGroundTruth = fs::path(HCS_SHARED_DIR) / "data/segmentation-gt";
const fs::path kConfigs = fs::path(HCS_SOURCE_DIR) / "configs";
constexpr double kMatchIou = 0.5;
const std::vector<int> kSweptMinimumDiameters = {4,  6,  8,  10, 12, 15, 20, 25,
                                                 30, 40, 50, 60, 67, 75, 90};

struct LoadedImage {
    AnnotatedImage annotated;
    cv::Mat pixels;
    cv::Mat truth;
};

struct LoadedSet {
    std::string name;
    bool ignore_unmatched_at_border = false;  // HeLa leaves border nuclei unannotated
    PrimarySettings configured;
    std::vector<LoadedImage> images;
};

LoadedSet load_set(const std::string& name) {
    LoadedSet set;
    set.name = name;
    set.ignore_unmatched_at_border = name == "ctc-fluo-n2dl-hela";
    const fs::path config = kConfigs / ("segmentation-gt-" + name + ".json");
    set.configured = read_segment_settings(hcs::load_config(config)).nuclei;
    for (const AnnotatedImage& annotated : read_annotated_set(kGroundTruth / name)) {
        set.images.push_back(
            {annotated, hcs::read_image(annotated.image).pixels, hcs::read_labels(annotated.mask)});
    }
    return set;
}

// Settings for one image, from the set's configured settings.
using SettingsFor = std::function<PrimarySettings(const LoadedImage&)>;

DetectionCounts score(const LoadedSet& set, const SettingsFor& settings_for) {
    DetectionCounts total;
    for (const LoadedImage& image : set.images) {
        const PrimaryResult result = identify_primary(image.pixels, settings_for(image));
        total +=
            count_detections(image.truth, result.labels, kMatchIou, set.ignore_unmatched_at_border);
    }
    return total;
}

PrimarySettings own_diameter(PrimarySettings settings, const LoadedImage& image) {
    settings.typical_diameter_min =
        std::max(1, int(std::lround(0.5 * image.annotated.typical_diameter)));
    settings.typical_diameter_max = int(std::lround(2.0 * image.annotated.typical_diameter));
    return settings;
}

PrimarySettings baseline_recipe(PrimarySettings settings) {
    settings.use_advanced_settings = true;
    settings.threshold.method = ThresholdMethod::Otsu;
    settings.threshold.otsu_classes = OtsuClasses::Two;
    settings.declump = DeclumpMethod::Shape;
    settings.dividing_lines = DividingLines::Shape;
    return settings;
}

struct SweepBest {
    DetectionCounts counts;
    int minimum_diameter = 0;
    bool size_filter = true;
};

// The shipped configuration is the first candidate, so the best is never below it.
SweepBest best_single_range(const LoadedSet& set) {
    const PrimarySettings& configured = set.configured;
    SweepBest best{score(set, [&](const LoadedImage&) { return configured; }),
                   configured.typical_diameter_min, configured.discard_outside_diameter};
    for (int minimum : kSweptMinimumDiameters) {
        if (minimum >= configured.typical_diameter_max) continue;
        for (bool size_filter : {true, false}) {
            PrimarySettings settings = configured;
            settings.typical_diameter_min = minimum;
            settings.discard_outside_diameter = size_filter;
            const DetectionCounts counts = score(set, [&](const LoadedImage&) { return settings; });
            if (counts.f1() > best.counts.f1()) best = {counts, minimum, size_filter};
        }
    }
    return best;
}

void print_row(const std::string& what, const DetectionCounts& counts) {
    std::printf("  %-58s TP %4d  FP %4d  FN %4d  F1 %.3f\n", what.c_str(), counts.true_positives,
                counts.false_positives, counts.false_negatives, counts.f1());
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> sets = {"ctc-fluo-n2dl-hela",     "ctc-fluo-n2dh-gowt1",
                                     "bbbc038-dsb2018-stage1", "bbbc039-u2os",
                                     "coelho2009-u2os",        "coelho2009-nih3t3"};
    if (argc > 1) sets.assign(argv + 1, argv + argc);
    const auto baseline_by_image = read_baseline_counts(kGroundTruth / "BASELINE.md");

    std::printf("F1 at IoU 0.5, pooled over each set's images (data/segmentation-gt)\n");
    for (const std::string& name : sets) {
        std::fprintf(stderr, "scoring %s...\n", name.c_str());
        const LoadedSet set = load_set(name);
        DetectionCounts baseline;
        for (const LoadedImage& image : set.images) {
            baseline += baseline_by_image.at(name + "/" + image.annotated.name);
        }
        std::printf("%s (%zu images)\n", name.c_str(), set.images.size());
        print_row("Otsu + watershed baseline (BASELINE.md, same images)", baseline);

        const PrimarySettings& configured = set.configured;
        print_row("configs: diameter " + std::to_string(configured.typical_diameter_min) + "-" +
                      std::to_string(configured.typical_diameter_max) + ", defaults",
                  score(set, [&](const LoadedImage&) { return configured; }));

        const SweepBest best = best_single_range(set);
        print_row("best one range: diameter " + std::to_string(best.minimum_diameter) + "-" +
                      std::to_string(configured.typical_diameter_max) + ", size filter " +
                      (best.size_filter ? "on" : "off"),
                  best.counts);
        print_row("each image's own diameter, defaults", score(set, [&](const LoadedImage& image) {
                      return own_diameter(configured, image);
                  }));
        print_row("each image's own diameter, Otsu + Shape/Shape (advanced)",
                  score(set, [&](const LoadedImage& image) {
                      return own_diameter(baseline_recipe(configured), image);
                  }));
    }
    return 0;
}
