// One-to-one IoU matching of label images and the F1 score of instance segmentation: one pass
// over the pixels collects object areas and pairwise intersections.
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "hcs/segment/object_matching.hpp"

namespace hcs::segment {
namespace {

std::vector<long> object_areas(const cv::Mat& labels) {
    double maximum = 0;
    cv::minMaxLoc(labels, nullptr, &maximum);
    std::vector<long> area(static_cast<std::size_t>(maximum) + 1, 0);
    for (auto it = labels.begin<int>(); it != labels.end<int>(); ++it) ++area[*it];
    return area;
}

int present_objects(const std::vector<long>& area) {
    int count = 0;
    for (std::size_t label = 1; label < area.size(); ++label) count += area[label] > 0;
    return count;
}

}  // namespace

ObjectMatching match_objects(const cv::Mat& reference, const cv::Mat& predicted, double min_iou,
                             bool inclusive) {
    CV_Assert(reference.type() == CV_32S && predicted.type() == CV_32S);
    CV_Assert(reference.size() == predicted.size() && min_iou >= 0.5);
    const std::vector<long> reference_area = object_areas(reference);
    const std::vector<long> predicted_area = object_areas(predicted);

    std::unordered_map<std::uint64_t, long> intersection;
    auto p = predicted.begin<int>();
    for (auto r = reference.begin<int>(); r != reference.end<int>(); ++r, ++p) {
        if (*r > 0 && *p > 0) {
            ++intersection[(static_cast<std::uint64_t>(*r) << 32) | static_cast<std::uint32_t>(*p)];
        }
    }

    ObjectMatching matching;
    matching.reference_objects = present_objects(reference_area);
    matching.predicted_objects = present_objects(predicted_area);
    std::vector<unsigned char> reference_matched(reference_area.size(), 0);
    std::vector<unsigned char> predicted_matched(predicted_area.size(), 0);
    for (const auto& [key, overlap] : intersection) {
        const int r = static_cast<int>(key >> 32), q = static_cast<int>(key & 0xffffffffu);
        const double iou = static_cast<double>(overlap) /
                           static_cast<double>(reference_area[r] + predicted_area[q] - overlap);
        if (iou > min_iou || (inclusive && iou == min_iou)) {
            reference_matched[r] = predicted_matched[q] = 1;
            matching.matched_iou.push_back(iou);
            ++matching.matched;
        }
    }
    for (std::size_t label = 1; label < reference_area.size(); ++label) {
        if (reference_area[label] > 0 && !reference_matched[label]) {
            matching.unmatched_reference.push_back(static_cast<int>(label));
        }
    }
    for (std::size_t label = 1; label < predicted_area.size(); ++label) {
        if (predicted_area[label] > 0 && !predicted_matched[label]) {
            matching.unmatched_predicted.push_back(static_cast<int>(label));
        }
    }
    return matching;
}

double f1_score(int true_positives, int false_positives, int false_negatives) {
    const int denominator = 2 * true_positives + false_positives + false_negatives;
    if (denominator == 0) return NAN;
    return 2.0 * true_positives / denominator;
}

std::vector<unsigned char> objects_touching_border(const cv::Mat& labels) {
    double maximum = 0;
    cv::minMaxLoc(labels, nullptr, &maximum);
    std::vector<unsigned char> touches(static_cast<std::size_t>(maximum) + 1, 0);
    for (int column = 0; column < labels.cols; ++column) {
        touches[labels.at<int>(0, column)] = 1;
        touches[labels.at<int>(labels.rows - 1, column)] = 1;
    }
    for (int row = 0; row < labels.rows; ++row) {
        touches[labels.at<int>(row, 0)] = 1;
        touches[labels.at<int>(row, labels.cols - 1)] = 1;
    }
    touches[0] = 0;
    return touches;
}

}  // namespace hcs::segment
