// One-to-one matching of two label images by intersection over union (IoU), and the F1 score
// that segmentation benchmarks report (e.g. the Data Science Bowl 2018, Caicedo et al. 2019).
#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace hcs::segment {

struct ObjectMatching {
    int reference_objects = 0;
    int predicted_objects = 0;
    int matched = 0;                       // true positives
    std::vector<int> unmatched_predicted;  // labels of false positives
    std::vector<int> unmatched_reference;  // labels of false negatives
    std::vector<double> matched_iou;       // IoU of each matched pair

    int false_positives() const { return predicted_objects - matched; }
    int false_negatives() const { return reference_objects - matched; }
};

// Pairs reference and predicted objects (CV_32S labels, 0 = background) whose IoU is above
// `min_iou` (or equal to it when `inclusive`). With min_iou >= 0.5 an object can overlap at most
// one partner that much, so the pairing is one-to-one and equals a maximum-IoU assignment.
ObjectMatching match_objects(const cv::Mat& reference, const cv::Mat& predicted, double min_iou,
                             bool inclusive);

// F1 = 2 TP / (2 TP + FP + FN); NaN when both images are empty.
double f1_score(int true_positives, int false_positives, int false_negatives);

// Labels of objects with a pixel on the image edge (index = label, 1 = touches).
std::vector<unsigned char> objects_touching_border(const cv::Mat& labels);

}  // namespace hcs::segment
