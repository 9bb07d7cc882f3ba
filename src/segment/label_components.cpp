// Connected-component labelling in scipy.ndimage.label's numbering and consecutive relabelling
// as centrosome.cpmorphology.relabel, both used by IdentifyPrimaryObjects.
#include <vector>

#include <opencv2/imgproc.hpp>

#include "hcs/segment/label_components.hpp"

namespace hcs::segment {

cv::Mat label_components(const cv::Mat& mask, int connectivity, int* count) {
    CV_Assert(mask.type() == CV_8U && (connectivity == 4 || connectivity == 8));
    cv::Mat labels;
    const int found = cv::connectedComponents(mask != 0, labels, connectivity, CV_32S) - 1;

    // OpenCV's block-based scan may number components out of raster order: renumber them by
    // the first pixel met in a raster scan.
    std::vector<int> order(found + 1, 0);
    int next = 0;
    int* label = labels.ptr<int>();
    for (std::size_t i = 0, end = labels.total(); i < end; ++i) {
        if (label[i] > 0 && order[label[i]] == 0) order[label[i]] = ++next;
    }
    for (std::size_t i = 0, end = labels.total(); i < end; ++i) label[i] = order[label[i]];
    if (count) *count = found;
    return labels;
}

cv::Mat relabel_consecutively(const cv::Mat& labels, int* count) {
    CV_Assert(labels.type() == CV_32S);
    double maximum = 0;
    cv::minMaxLoc(labels, nullptr, &maximum);
    std::vector<int> present(static_cast<std::size_t>(maximum) + 1, 0);
    const int* source = labels.ptr<int>();
    for (std::size_t i = 0, end = labels.total(); i < end; ++i) present[source[i]] = 1;
    int next = 0;
    for (std::size_t label = 1; label < present.size(); ++label) {
        present[label] = present[label] ? ++next : 0;
    }
    present[0] = 0;
    cv::Mat relabelled(labels.size(), CV_32S);
    int* out = relabelled.ptr<int>();
    for (std::size_t i = 0, end = labels.total(); i < end; ++i) out[i] = present[source[i]];
    if (count) *count = next;
    return relabelled;
}

}  // namespace hcs::segment
