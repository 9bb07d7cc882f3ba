// Hole filling of labelled objects: the region-graph walk of centrosome.cpmorphology
// .fill_labeled_holes (CellProfiler's IdentifyPrimaryObjects fills holes with it).
#include <algorithm>
#include <utility>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "hcs/segment/fill_holes.hpp"

namespace hcs::segment {
namespace {

// Objects keep their labels 1..object_count; background region b becomes object_count + b.
struct RegionImage {
    cv::Mat regions;  // CV_32S
    int object_count = 0;
    int region_count = 0;  // highest region number
};

RegionImage region_image(const cv::Mat& labels) {
    RegionImage image;
    if (labels.type() == CV_8U) {
        image.regions = cv::Mat::zeros(labels.size(), CV_32S);
        image.regions.setTo(1, labels != 0);
    } else {
        image.regions = labels.clone();
    }
    double maximum = 0;
    cv::minMaxLoc(image.regions, nullptr, &maximum);
    image.object_count = static_cast<int>(maximum);

    cv::Mat background_regions;
    const int count = cv::connectedComponents(image.regions == 0, background_regions, 4, CV_32S);
    for (int row = 0; row < labels.rows; ++row) {
        int* region = image.regions.ptr<int>(row);
        const int* background = background_regions.ptr<int>(row);
        for (int column = 0; column < labels.cols; ++column) {
            if (background[column] > 0) region[column] = image.object_count + background[column];
        }
    }
    image.region_count = image.object_count + count - 1;
    return image;
}

// Neighbouring regions (4-connected), as a compressed adjacency list.
struct Adjacency {
    std::vector<int> start;  // neighbours of r: neighbour[start[r] .. start[r + 1])
    std::vector<int> neighbour;
};

Adjacency region_adjacency(const cv::Mat& regions, int region_count) {
    std::vector<std::pair<int, int>> pairs;
    auto add = [&pairs](int a, int b) {
        // Runs along a boundary repeat the same pair; skip the repeat at once.
        if (!pairs.empty() && pairs.back() == std::make_pair(b, a)) return;
        pairs.emplace_back(a, b);
        pairs.emplace_back(b, a);
    };
    for (int row = 0; row < regions.rows; ++row) {
        const int* here = regions.ptr<int>(row);
        const int* below = row + 1 < regions.rows ? regions.ptr<int>(row + 1) : nullptr;
        for (int column = 0; column < regions.cols; ++column) {
            if (column + 1 < regions.cols && here[column] != here[column + 1]) {
                add(here[column], here[column + 1]);
            }
            if (below && here[column] != below[column]) add(here[column], below[column]);
        }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

    Adjacency adjacency{std::vector<int>(region_count + 2, 0), {}};
    for (const auto& pair : pairs) ++adjacency.start[pair.first + 1];
    for (int r = 1; r < static_cast<int>(adjacency.start.size()); ++r) {
        adjacency.start[r] += adjacency.start[r - 1];
    }
    for (const auto& pair : pairs) adjacency.neighbour.push_back(pair.second);
    return adjacency;
}

// Regions that are not holes from the start: those on the image edge and, with a size limit,
// those of size_limit pixels or more.
std::vector<int> initial_non_holes(const cv::Mat& regions, int region_count, long size_limit,
                                   std::vector<unsigned char>& is_not_hole) {
    std::vector<int> to_do;
    auto mark = [&](int region) {
        if (region > 0 && !is_not_hole[region]) {
            is_not_hole[region] = 1;
            to_do.push_back(region);
        }
    };
    for (int column = 0; column < regions.cols; ++column) {
        mark(regions.at<int>(0, column));
        mark(regions.at<int>(regions.rows - 1, column));
    }
    for (int row = 0; row < regions.rows; ++row) {
        mark(regions.at<int>(row, 0));
        mark(regions.at<int>(row, regions.cols - 1));
    }
    if (size_limit > 0) {
        std::vector<long> area(region_count + 1, 0);
        const int* region = regions.ptr<int>();
        for (std::size_t i = 0, end = regions.total(); i < end; ++i) ++area[region[i]];
        for (int region = 1; region <= region_count; ++region) {
            if (area[region] >= size_limit) mark(region);
        }
    }
    return to_do;
}

// A binary mask is one object: its holes are simply the background regions that do not reach
// the image edge (and are below the size limit). Same answer as the region graph, one pass.
cv::Mat fill_binary_holes(const cv::Mat& mask, long size_limit) {
    cv::Mat background, stats, centroids;
    const int count =
        cv::connectedComponentsWithStats(mask == 0, background, stats, centroids, 4, CV_32S);
    std::vector<unsigned char> is_hole(count, 0);
    for (int region = 1; region < count; ++region) {
        const int left = stats.at<int>(region, cv::CC_STAT_LEFT);
        const int top = stats.at<int>(region, cv::CC_STAT_TOP);
        const bool reaches_edge = left == 0 || top == 0 ||
                                  left + stats.at<int>(region, cv::CC_STAT_WIDTH) == mask.cols ||
                                  top + stats.at<int>(region, cv::CC_STAT_HEIGHT) == mask.rows;
        const bool too_large =
            size_limit > 0 && stats.at<int>(region, cv::CC_STAT_AREA) >= size_limit;
        is_hole[region] = !reaches_edge && !too_large;
    }
    cv::Mat filled(mask.size(), CV_32S);
    int* out = filled.ptr<int>();
    const int* region = background.ptr<int>();
    for (std::size_t i = 0, end = filled.total(); i < end; ++i) {
        out[i] = region[i] == 0 || is_hole[region[i]] ? 1 : 0;
    }
    return filled;
}

}  // namespace

cv::Mat fill_labeled_holes(const cv::Mat& labels, long size_limit) {
    CV_Assert(labels.type() == CV_32S || labels.type() == CV_8U);
    if (labels.type() == CV_8U) {
        CV_Assert(labels.isContinuous());
        return fill_binary_holes(labels, size_limit);
    }
    RegionImage image = region_image(labels);
    const int objects = image.object_count;
    const Adjacency adjacency = region_adjacency(image.regions, image.region_count);
    std::vector<unsigned char> is_not_hole(image.region_count + 1, 0);
    std::vector<int> enclosing(image.region_count + 1, 0);
    std::vector<int> to_do =
        initial_non_holes(image.regions, image.region_count, size_limit, is_not_hole);

    // Walk out from the non-holes: a region next to two different non-hole objects, or an object
    // next to non-hole background, is not a hole; otherwise it remembers its enclosing object.
    while (!to_do.empty()) {
        const int region = to_do.back();
        to_do.pop_back();
        for (int k = adjacency.start[region]; k < adjacency.start[region + 1]; ++k) {
            const int other = adjacency.neighbour[k];
            if (is_not_hole[other]) continue;
            if (region <= objects) {
                if (enclosing[other] == 0 || enclosing[other] == region) {
                    enclosing[other] = region;
                    continue;
                }
            } else if (other > objects) {
                continue;
            }
            is_not_hole[other] = 1;
            to_do.push_back(other);
        }
    }

    // Regions nested deeper (an object inside a hole, a hole inside that object) take the label
    // of the outermost enclosing object.
    for (int region = 1; region <= image.region_count; ++region) {
        if (!is_not_hole[region] && enclosing[region] != 0) to_do.push_back(region);
    }
    while (!to_do.empty()) {
        const int region = to_do.back();
        to_do.pop_back();
        for (int k = adjacency.start[region]; k < adjacency.start[region + 1]; ++k) {
            const int other = adjacency.neighbour[k];
            if (!is_not_hole[other] && enclosing[other] == 0) {
                enclosing[other] = enclosing[region];
                to_do.push_back(other);
            }
        }
    }

    std::vector<int> new_label(image.region_count + 1, 0);
    for (int region = 1; region <= image.region_count; ++region) {
        if (!is_not_hole[region])
            new_label[region] = enclosing[region];
        else
            new_label[region] = region <= objects ? region : 0;
    }
    cv::Mat filled(labels.size(), CV_32S);
    int* out = filled.ptr<int>();
    const int* region = image.regions.ptr<int>();
    for (std::size_t i = 0, end = filled.total(); i < end; ++i) out[i] = new_label[region[i]];
    return filled;
}

}  // namespace hcs::segment
