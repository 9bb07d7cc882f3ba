// Background hole filling of labelled objects, following centrosome's
// cpmorphology.fill_labeled_holes (mask = background) and its fill_labeled_holes_loop step for
// step: background regions and objects become nodes of a graph of 4-adjacency, the nodes reachable
// from the image edge are not holes, and every background hole takes the label of the one object
// that encloses it.
#include "hcs/segment/fill_background_holes.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace hcs::segment {
namespace {

// Background (label 0) split into 4-connected regions, numbered in raster order of their first
// pixel as scipy.ndimage.label numbers them, each shifted to first_id + k - 1.
int label_background(const cv::Mat& labels, int first_id, cv::Mat& nodes) {
    const int rows = labels.rows;
    const int cols = labels.cols;
    const int* label = labels.ptr<int>();
    int* node = nodes.ptr<int>();
    int count = 0;
    std::vector<int> stack;
    for (int start = 0; start < rows * cols; ++start) {
        if (label[start] != 0 || node[start] != 0) continue;
        const int id = first_id + count++;
        node[start] = id;
        stack.assign(1, start);
        while (!stack.empty()) {
            const int pixel = stack.back();
            stack.pop_back();
            const int row = pixel / cols;
            const int col = pixel % cols;
            const auto visit = [&](int next) {
                if (label[next] == 0 && node[next] == 0) {
                    node[next] = id;
                    stack.push_back(next);
                }
            };
            if (row > 0) visit(pixel - cols);
            if (col > 0) visit(pixel - 1);
            if (col + 1 < cols) visit(pixel + 1);
            if (row + 1 < rows) visit(pixel + cols);
        }
    }
    return count;
}

// The graph of 4-adjacency between nodes, both directions (CellProfiler's fixtures show that a
// background pixel between two cells stays background whichever side each cell is on); each
// node's edges sorted by target, as centrosome's lexsort orders them.
struct AdjacencyGraph {
    std::vector<int> first;  // first[a] .. first[a + 1] index `targets`
    std::vector<int> targets;
};

AdjacencyGraph build_graph(const cv::Mat& nodes, int node_count) {
    std::vector<std::uint64_t> pairs;
    // Along an outline the same pair repeats pixel after pixel; skipping a repeat of the last
    // pair added saves most of the sorting.
    std::uint64_t last_pair = ~0ull;
    const auto add = [&](int a, int b) {
        if (a == b) return;
        const std::uint64_t pair = static_cast<std::uint64_t>(a) * node_count + b;
        if (pair == last_pair) return;
        last_pair = pair;
        pairs.push_back(pair);
        pairs.push_back(static_cast<std::uint64_t>(b) * node_count + a);
    };
    for (int row = 0; row < nodes.rows; ++row) {
        const int* line = nodes.ptr<int>(row);
        const int* below = row + 1 < nodes.rows ? nodes.ptr<int>(row + 1) : nullptr;
        for (int col = 0; col < nodes.cols; ++col) {
            if (below) add(line[col], below[col]);
            if (col + 1 < nodes.cols) add(line[col], line[col + 1]);
        }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

    AdjacencyGraph graph;
    graph.first.assign(node_count + 1, 0);
    graph.targets.reserve(pairs.size());
    for (const std::uint64_t pair : pairs) {
        ++graph.first[pair / node_count + 1];
        graph.targets.push_back(static_cast<int>(pair % node_count));
    }
    for (int a = 0; a < node_count; ++a) graph.first[a + 1] += graph.first[a];
    return graph;
}

std::vector<int> edge_nodes(const cv::Mat& nodes) {
    std::vector<int> found;
    for (int col = 0; col < nodes.cols; ++col) {
        found.push_back(nodes.at<int>(0, col));
        found.push_back(nodes.at<int>(nodes.rows - 1, col));
    }
    for (int row = 0; row < nodes.rows; ++row) {
        found.push_back(nodes.at<int>(row, 0));
        found.push_back(nodes.at<int>(row, nodes.cols - 1));
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    found.erase(std::remove(found.begin(), found.end(), 0), found.end());
    return found;
}

// Phase one of fill_labeled_holes_loop: walk out from the non-hole nodes. A background region
// touched by two different non-hole objects, and an object touched by non-hole background, are
// not holes; a node touched by one object only remembers it in `enclosing`.
void walk_non_holes(const AdjacencyGraph& graph, int object_count, std::vector<int> to_do,
                    std::vector<char>& is_not_hole, std::vector<int>& enclosing) {
    while (!to_do.empty()) {
        const int node = to_do.back();
        to_do.pop_back();
        for (int e = graph.first[node]; e < graph.first[node + 1]; ++e) {
            const int other = graph.targets[e];
            if (is_not_hole[other]) continue;
            if (node <= object_count) {
                if (enclosing[other] == 0) {
                    enclosing[other] = node;
                    continue;
                }
                if (enclosing[other] == node) continue;
            } else if (other > object_count) {
                continue;
            }
            is_not_hole[other] = 1;
            to_do.push_back(other);
        }
    }
}

// Phase two: holes inside holes (an object inside a hole, a hole inside that object, ...) take
// the enclosing label of the hole around them.
void spread_into_nested_holes(const AdjacencyGraph& graph, const std::vector<char>& is_not_hole,
                              std::vector<int>& enclosing) {
    std::vector<int> to_do;
    for (std::size_t node = 0; node < enclosing.size(); ++node) {
        if (!is_not_hole[node] && enclosing[node] != 0) to_do.push_back(static_cast<int>(node));
    }
    while (!to_do.empty()) {
        const int node = to_do.back();
        to_do.pop_back();
        for (int e = graph.first[node]; e < graph.first[node + 1]; ++e) {
            const int other = graph.targets[e];
            if (!is_not_hole[other] && enclosing[other] == 0) {
                enclosing[other] = enclosing[node];
                to_do.push_back(other);
            }
        }
    }
}

}  // namespace

cv::Mat fill_background_holes(const cv::Mat& labels) {
    if (labels.type() != CV_32S) throw std::invalid_argument("fill_background_holes: need CV_32S");
    if (labels.empty()) return labels.clone();
    double largest = 0;
    cv::minMaxLoc(labels, nullptr, &largest);
    const int object_count = static_cast<int>(largest);

    // Background region k becomes node object_count + 1 + k, as in centrosome.
    cv::Mat nodes = labels.clone();
    const int background_count = label_background(labels, object_count + 2, nodes);
    const int node_count = object_count + background_count + 2;

    const AdjacencyGraph graph = build_graph(nodes, node_count);
    std::vector<char> is_not_hole(node_count, 0);
    std::vector<int> enclosing(node_count, 0);
    std::vector<int> to_do = edge_nodes(nodes);
    for (const int node : to_do) is_not_hole[node] = 1;
    if (!graph.targets.empty()) {
        walk_non_holes(graph, object_count, to_do, is_not_hole, enclosing);
        spread_into_nested_holes(graph, is_not_hole, enclosing);
    }

    std::vector<int> new_label(node_count, 0);
    for (int node = 0; node < node_count; ++node) {
        if (!is_not_hole[node]) {
            new_label[node] = enclosing[node];
        } else if (node <= object_count) {
            new_label[node] = node;
        }
    }
    cv::Mat filled = labels.clone();
    for (int row = 0; row < labels.rows; ++row) {
        const int* node_line = nodes.ptr<int>(row);
        int* out = filled.ptr<int>(row);
        for (int col = 0; col < labels.cols; ++col) {
            if (out[col] == 0) out[col] = new_label[node_line[col]];
        }
    }
    return filled;
}

}  // namespace hcs::segment
