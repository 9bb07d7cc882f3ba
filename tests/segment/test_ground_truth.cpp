// Detection counts against ground truth, and the readers of an annotated set and of the
// baseline's per-image table. Expected values: hand arithmetic on drawn squares, and rows read
// off data/segmentation-gt/BASELINE.md and its manifests by eye.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"
#include "hcs/segment/ground_truth.hpp"

namespace fs = std::filesystem;
using namespace hcs::segment;

namespace {

const fs::path kGroundTruth = fs::path(HCS_SHARED_DIR) / "data/segmentation-gt";

fs::path written(const std::string& name, const std::string& text) {
    const fs::path path = fs::temp_directory_path() / name;
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST(CountDetections, UnmatchedPredictionsAtTheEdgeAreDroppedOnlyWhenAsked) {
    cv::Mat truth = cv::Mat::zeros(10, 20, CV_32S), predicted = cv::Mat::zeros(10, 20, CV_32S);
    truth(cv::Rect(2, 2, 4, 4)).setTo(1);
    truth(cv::Rect(12, 2, 4, 4)).setTo(2);
    predicted(cv::Rect(2, 2, 4, 3)).setTo(1);  // IoU 0.75 with truth 1
    predicted(cv::Rect(0, 8, 3, 2)).setTo(2);  // matches nothing, touches the edge
    predicted(cv::Rect(8, 7, 2, 2)).setTo(3);  // matches nothing, inside
    const DetectionCounts all = count_detections(truth, predicted, 0.5, false);
    EXPECT_EQ(all.true_positives, 1);
    EXPECT_EQ(all.false_positives, 2);
    EXPECT_EQ(all.false_negatives, 1);
    EXPECT_DOUBLE_EQ(all.f1(), 2.0 / 5.0);
    const DetectionCounts inside = count_detections(truth, predicted, 0.5, true);
    EXPECT_EQ(inside.false_positives, 1);
    EXPECT_DOUBLE_EQ(inside.f1(), 2.0 / 4.0);
}

TEST(DetectionCounts, AddUpOverImages) {
    DetectionCounts total{1, 2, 3};
    total += DetectionCounts{10, 20, 30};
    EXPECT_EQ(total.true_positives, 11);
    EXPECT_EQ(total.false_positives, 22);
    EXPECT_EQ(total.false_negatives, 33);
}

TEST(ReadBaselineCounts, TakesThePerImageTableOnlyWithColumnsFoundByName) {
    // The per-set table below has a row as long as a per-image row: it must still be ignored.
    const fs::path file = written("hcs_baseline_test.md",
                                  "## Per image\n\n"
                                  "| set | image | d (px) | GT | pred | FP | TP | FN | F1 |\n"
                                  "|---|---|---:|---:|---:|---:|---:|---:|---:|\n"
                                  "| a | x.tif | 10.0 | 5 | 4 | 1 | 3 | 2 | 0.667 |\n\n"
                                  "## Per set\n\n"
                                  "| set | image | d (px) | GT | pred | TP | FP | FN | F1 |\n"
                                  "|---|---|---:|---:|---:|---:|---:|---:|---:|\n"
                                  "| b | y.tif | 1 | 1 | 1 | 1 | 1 | 1 | 1 |\n");
    const auto counts = read_baseline_counts(file);
    ASSERT_EQ(counts.size(), 1u);
    EXPECT_EQ(counts.at("a/x.tif").true_positives, 3);
    EXPECT_EQ(counts.at("a/x.tif").false_positives, 1);
    EXPECT_EQ(counts.at("a/x.tif").false_negatives, 2);
}

// The message of the InputError that reading a baseline of `text` throws, or "".
std::string baseline_error(const std::string& name, const std::string& text) {
    try {
        read_baseline_counts(written(name, text));
    } catch (const hcs::InputError& error) {
        return error.what();
    }
    return "";
}

TEST(ReadBaselineCounts, RefusesBadTablesNamingTheLine) {
    const std::string header =
        "## Per image\n| set | image | TP | FP | FN |\n|---|---|---|---|---|\n";
    EXPECT_NE(baseline_error("hcs_baseline_word.md", header + "| a | x.tif | three | 1 | 2 |\n")
                  .find(":4: count 'three' is not a whole number"),
              std::string::npos);
    EXPECT_NE(baseline_error("hcs_baseline_short.md", header + "| a | x.tif | 3 |\n")
                  .find(":4: 3 cells, fewer than the header's"),
              std::string::npos);
    EXPECT_NE(baseline_error("hcs_baseline_no_fn.md", "## Per image\n| set | image | TP | FP |\n")
                  .find(":2: the per-image table has no column 'FN'"),
              std::string::npos);
    EXPECT_NE(baseline_error("hcs_baseline_empty.md", "# nothing\n").find("no \"## Per image\""),
              std::string::npos);
}

TEST(ReadBaselineCounts, HoldsTheCollectionsTwentySixImages) {
    const auto counts = read_baseline_counts(kGroundTruth / "BASELINE.md");
    EXPECT_EQ(counts.size(), 26u);  // README: 26 of the 32 images are present
    const DetectionCounts hela = counts.at("ctc-fluo-n2dl-hela/hela_t52.tif");
    EXPECT_EQ(hela.true_positives, 58);
    EXPECT_EQ(hela.false_positives, 16);
    EXPECT_EQ(hela.false_negatives, 52);
}

TEST(ReadAnnotatedSet, ListsTheManifestsImagesWithTheirDiameters) {
    const auto images = read_annotated_set(kGroundTruth / "coelho2009-u2os");
    ASSERT_EQ(images.size(), 3u);
    EXPECT_EQ(images[0].name, "u2os_dna-3.tif");
    EXPECT_DOUBLE_EQ(images[0].typical_diameter, 108.1);
    EXPECT_EQ(images[0].mask, kGroundTruth / "coelho2009-u2os" / "masks/u2os_dna-3.tif");
}
