// Accuracy of nuclei against hand-made instance masks such as data/segmentation-gt: detections
// counted at an IoU threshold and summed over images, the images of one annotated set, and the
// per-image figures of that collection's Otsu + watershed baseline (BASELINE.md).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace hcs::segment {

struct DetectionCounts {
    int true_positives = 0;
    int false_positives = 0;
    int false_negatives = 0;

    DetectionCounts& operator+=(const DetectionCounts& other);
    double f1() const;  // 2 TP / (2 TP + FP + FN)
};

// Objects of `truth` and `predicted` (CV_32S labels) paired at IoU above `min_iou`. With
// `ignore_unmatched_at_border`, a predicted object that matches nothing and touches the image
// edge is not counted: for ground truth that leaves nuclei cut by the edge unannotated.
DetectionCounts count_detections(const cv::Mat& truth, const cv::Mat& predicted, double min_iou,
                                 bool ignore_unmatched_at_border);

struct AnnotatedImage {
    std::string name;  // file name of the image, also the mask's
    std::filesystem::path image;
    std::filesystem::path mask;
    double typical_diameter = 0;  // median equivalent diameter of the annotated nuclei, pixels
};

// The images of one set folder, listed by its manifest.csv (columns image, mask and
// typical_diameter_px, paths relative to the folder).
std::vector<AnnotatedImage> read_annotated_set(const std::filesystem::path& folder);

// The "Per image" table of the collection's BASELINE.md (columns found by the header names set,
// image, TP, FP and FN): counts keyed "<set>/<image file>". InputError naming the file and line
// when it holds no such table, lacks one of those columns, or a row is short or not counts.
std::map<std::string, DetectionCounts> read_baseline_counts(const std::filesystem::path& file);

}  // namespace hcs::segment
