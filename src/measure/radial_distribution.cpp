// Radial intensity distribution as CellProfiler's MeasureObjectIntensityDistribution computes
// it: distance from a centre by centrosome's propagate (8-neighbour steps of 1 and sqrt 2),
// distance to the edge by the exact Euclidean distance transform (hcs/core), rings scaled per
// pixel d_centre / (d_centre + d_edge + 0.001), and 8 wedges for the coefficient of variation.
#include "hcs/measure/radial_distribution.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "hcs/core/distance_transform.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/measure/numpy_argsort.hpp"

namespace hcs::measure {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kScaledEpsilon = 0.001;                   // CellProfiler: d / (d + d_edge + 0.001)
constexpr double kMachineEpsilon = 2.220446049250313e-16;  // numpy.finfo(float).eps

using RingPixel = RadialGeometry::Pixel;

// ---- centrosome's propagate with a zero image and weight 1 --------------------------------

// The heap item of centrosome's propagate: (distance as two ints, the last bit of the double
// dropped; label; row; column), compared lexicographically. For the non-negative distances
// here the two ints order as the double's bits shifted right by one, so the item packs into
// two 64-bit keys that compare the same way.
struct HeapItem {
    std::uint64_t distance_key;  // double bits >> 1
    std::uint64_t place_key;     // label << 42 | row << 21 | column
    int label() const { return static_cast<int>(place_key >> 42); }
    int row() const { return static_cast<int>((place_key >> 21) & 0x1FFFFF); }
    int column() const { return static_cast<int>(place_key & 0x1FFFFF); }
};

HeapItem heap_item(double distance, int label, int row, int column) {
    std::uint64_t bits;
    std::memcpy(&bits, &distance, sizeof bits);
    return {bits >> 1, (static_cast<std::uint64_t>(label) << 42) |
                           (static_cast<std::uint64_t>(row) << 21) |
                           static_cast<std::uint64_t>(column)};
}

// centrosome's heap, kept as it is (seeded from an unsorted array, smallest first), so that
// ties between equally distant centres are broken as CellProfiler breaks them.
class CentrosomeHeap {
  public:
    explicit CentrosomeHeap(std::vector<HeapItem> items) : items_(std::move(items)) {}
    bool empty() const { return items_.empty(); }

    HeapItem pop() {
        const HeapItem top = items_[0];
        const std::size_t count = items_.size() - 1;
        if (count == 0) {
            items_.clear();
            return top;
        }
        items_[0] = items_[count];
        items_.pop_back();
        std::size_t i = 0;
        while (true) {
            const std::size_t l = 2 * i + 1, r = 2 * i + 2;
            std::size_t smallest = i;
            if (l >= count) break;
            if (smaller(items_[l], items_[i])) smallest = l;
            if (r < count && smaller(items_[r], items_[smallest])) smallest = r;
            if (smallest == i) break;
            std::swap(items_[i], items_[smallest]);
            i = smallest;
        }
        return top;
    }

    void push(const HeapItem& item) {
        items_.push_back(item);
        std::size_t child = items_.size() - 1;
        while (child > 0) {
            const std::size_t parent = (child + 1) / 2 - 1;
            if (!smaller(items_[child], items_[parent])) break;
            std::swap(items_[child], items_[parent]);
            child = parent;
        }
    }

  private:
    static bool smaller(const HeapItem& a, const HeapItem& b) {
        return a.distance_key != b.distance_key ? a.distance_key < b.distance_key
                                                : a.place_key < b.place_key;
    }
    std::vector<HeapItem> items_;
};

// A rectangular part of the image on which propagation runs; coordinates stay global so
// that ties compare as in CellProfiler's whole-image run.
struct Region {
    int top = 0, left = 0, rows = 0, cols = 0;
};

struct Propagation {
    std::vector<int> labels;        // per region pixel; 0 = not reached
    std::vector<double> distances;  // -1 where never reached
};

// centrosome.propagate.propagate(zeros, seeds, mask, 1) on `region`.
Propagation propagate(const Region& region, const std::vector<int>& seeds,
                      const std::vector<char>& mask) {
    const int rows = region.rows, cols = region.cols;
    Propagation out;
    out.labels.assign(seeds.size(), 0);
    out.distances.assign(seeds.size(), -1.0);
    std::vector<HeapItem> initial;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const int k = r * cols + c;
            if (seeds[k] > 0) out.distances[k] = 0.0;
            if (seeds[k] != 0 && mask[k])
                initial.push_back(heap_item(0.0, seeds[k], region.top + r, region.left + c));
        }
    CentrosomeHeap heap(std::move(initial));
    static const int di[8] = {-1, -1, -1, 0, 0, 1, 1, 1}, dj[8] = {-1, 0, 1, -1, 1, -1, 0, 1};
    while (!heap.empty()) {
        const HeapItem item = heap.pop();
        const int r1 = item.row() - region.top, c1 = item.column() - region.left;
        const int k1 = r1 * cols + c1;
        if (out.labels[k1] != 0) continue;
        out.labels[k1] = item.label();
        const double d0 = out.distances[k1];
        for (int n = 0; n < 8; ++n) {
            const int r2 = r1 + di[n], c2 = c1 + dj[n];
            if (r2 < 0 || r2 >= rows || c2 < 0 || c2 >= cols) continue;
            const int k2 = r2 * cols + c2;
            if (out.labels[k2] > 0 || !mask[k2]) continue;
            const double d = std::sqrt(static_cast<double>(std::abs(di[n]) + std::abs(dj[n]))) + d0;
            if (out.distances[k2] == -1 || out.distances[k2] > d) {
                out.distances[k2] = d;
                heap.push(heap_item(d, item.label(), region.top + r2, region.left + c2));
            }
        }
    }
    for (std::size_t k = 0; k < seeds.size(); ++k)
        if (seeds[k] > 0) out.labels[k] = seeds[k];
    return out;
}

// ---- geometry ------------------------------------------------------------------------------

// The box of an object grown by one pixel where the image allows, so the transform sees the
// background around it.
Region grown_box(const cv::Rect& box, const cv::Size& size) {
    Region region;
    region.top = std::max(0, box.y - 1), region.left = std::max(0, box.x - 1);
    region.rows = std::min(size.height, box.y + box.height + 1) - region.top;
    region.cols = std::min(size.width, box.x + box.width + 1) - region.left;
    return region;
}

// Distance to the edge for every pixel of object `label`, in its grown box (centrosome's
// distance_to_edge: objects of one colour never touch, so the edge is any other pixel).
std::vector<double> distance_to_edge(const ObjectSet& objects, int label, const Region& region) {
    cv::Mat inside(region.rows, region.cols, CV_8U);
    for (int r = 0; r < region.rows; ++r) {
        const int* owner = objects.labels.ptr<int>(region.top + r) + region.left;
        std::uint8_t* line = inside.ptr<std::uint8_t>(r);
        for (int c = 0; c < region.cols; ++c) line[c] = owner[c] == label;
    }
    const cv::Mat squared = squared_distance_transform(inside);
    std::vector<double> distance(squared.begin<double>(), squared.end<double>());
    for (double& v : distance) v = std::sqrt(v);
    return distance;
}

int wedge_of(int row, int col, double center_row, double center_col) {
    const bool below = row > center_row, right = col > center_col;
    const bool steep = std::fabs(row - center_row) > std::fabs(col - center_col);
    return int(below) + 2 * int(right) + 4 * int(steep);
}

double normalized(double from_center, double to_edge, const RadialDistributionSettings& s) {
    return s.scaled ? from_center / (from_center + to_edge + kScaledEpsilon)
                    : from_center / s.maximum_radius;
}

// scipy.ndimage.maximum_position over the whole distance-to-edge image: the position of each
// object's maximum that comes last in numpy's (unstable) argsort of every pixel. Ties between
// equally deep pixels are common, and CellProfiler's centre is whichever its sort leaves last.
std::vector<int> deepest_positions(const ObjectSet& objects, const std::vector<double>& depth) {
    const std::vector<std::int64_t> order = numpy_argsort(depth);
    std::vector<int> position(objects.count, -1);
    const int* labels = objects.labels.ptr<int>();
    for (std::int64_t index : order)
        if (labels[index] > 0) position[labels[index] - 1] = static_cast<int>(index);
    return position;
}

// Objects centred on themselves: the deepest pixel (as CellProfiler picks it among equals),
// then propagation inside the object alone.
std::vector<std::vector<RingPixel>> self_centred(const ObjectSet& objects,
                                                 const RadialDistributionSettings& settings) {
    const cv::Size size = objects.labels.size();
    std::vector<Region> regions(objects.count);
    std::vector<std::vector<double>> edges(objects.count);
    std::vector<double> depth(size.area(), 0.0);
    for (int label = 1; label <= objects.count; ++label) {
        if (objects.boxes[label - 1].empty()) continue;
        const Region& region = regions[label - 1] = grown_box(objects.boxes[label - 1], size);
        edges[label - 1] = distance_to_edge(objects, label, region);
        for (int k = 0; k < region.rows * region.cols; ++k) {
            const int r = region.top + k / region.cols, c = region.left + k % region.cols;
            if (objects.labels.at<int>(r, c) == label)
                depth[r * size.width + c] = edges[label - 1][k];
        }
    }
    const std::vector<int> deepest = deepest_positions(objects, depth);

    std::vector<std::vector<RingPixel>> rings(objects.count);
    for (int label = 1; label <= objects.count; ++label) {
        if (deepest[label - 1] < 0) continue;
        const Region& region = regions[label - 1];
        const std::vector<double>& edge = edges[label - 1];
        std::vector<char> mask(edge.size());
        for (int k = 0; k < static_cast<int>(edge.size()); ++k)
            mask[k] = objects.labels.at<int>(region.top + k / region.cols,
                                             region.left + k % region.cols) == label;
        const int center_row = deepest[label - 1] / size.width;
        const int center_col = deepest[label - 1] % size.width;
        std::vector<int> seeds(edge.size(), 0);
        seeds[(center_row - region.top) * region.cols + (center_col - region.left)] = label;
        const Propagation p = propagate(region, seeds, mask);
        for (int k = 0; k < static_cast<int>(edge.size()); ++k) {
            if (!mask[k] || p.labels[k] == 0) continue;
            const int r = region.top + k / region.cols, c = region.left + k % region.cols;
            rings[label - 1].push_back({r * size.width + c,
                                        normalized(p.distances[k], edge[k], settings),
                                        wedge_of(r, c, center_row, center_col)});
        }
    }
    return rings;
}

}  // namespace

namespace {

// Centroids of the centering objects rounded as CellProfiler rounds them: (mean + 0.5) -> int.
struct Centroids {
    std::vector<int> row, col;
    std::vector<bool> present;
};

Centroids centroids_of(const ObjectSet& centers) {
    Centroids out;
    out.row.assign(centers.count, 0), out.col.assign(centers.count, 0);
    out.present.assign(centers.count, false);
    for (int label = 1; label <= centers.count; ++label) {
        const cv::Rect& box = centers.boxes[label - 1];
        double sum_row = 0, sum_col = 0, n = 0;
        for (int r = box.y; r < box.y + box.height; ++r)
            for (int c = box.x; c < box.x + box.width; ++c)
                if (centers.labels.at<int>(r, c) == label) sum_row += r, sum_col += c, ++n;
        if (n == 0) continue;
        out.present[label - 1] = true;
        out.row[label - 1] = static_cast<int>(sum_row / n + 0.5);
        out.col[label - 1] = static_cast<int>(sum_col / n + 0.5);
    }
    return out;
}

// For an object with pixels no centre reached (a cell whose nucleus lies elsewhere), the
// centering object whose rounded centroid is nearest the object's own centroid, as
// CellProfiler picks it (first of equals); 0 when every pixel was reached or no centre exists.
int fallback_center(const ObjectSet& objects, int label, const Propagation& p,
                    const Centroids& centroid) {
    const cv::Rect& box = objects.boxes[label - 1];
    const int width = objects.labels.cols;
    double sum_row = 0, sum_col = 0, n = 0;
    bool unreached = false;
    for (int r = box.y; r < box.y + box.height; ++r)
        for (int c = box.x; c < box.x + box.width; ++c) {
            if (objects.labels.at<int>(r, c) != label) continue;
            sum_row += r, sum_col += c, ++n;
            unreached |= p.labels[r * width + c] == 0;
        }
    if (!unreached) return 0;
    const double row = sum_row / n, col = sum_col / n;
    int best = 0;
    double best_distance = 0;
    for (std::size_t k = 0; k < centroid.present.size(); ++k) {
        if (!centroid.present[k]) continue;
        const double dr = row - centroid.row[k], dc = col - centroid.col[k];
        const double d = dr * dr + dc * dc;
        if (best == 0 || d < best_distance) best = static_cast<int>(k) + 1, best_distance = d;
    }
    return best;
}

// Objects centred on related objects: one propagation over every object pixel from the
// centering objects (or their centroid pixels), so a pixel takes the nearest centre.
std::vector<std::vector<RingPixel>> other_centred(const ObjectSet& objects,
                                                  const ObjectSet& centers,
                                                  const RadialDistributionSettings& settings) {
    const cv::Size size = objects.labels.size();
    const Region whole{0, 0, size.height, size.width};
    const Centroids centroid = centroids_of(centers);
    std::vector<int> seeds(size.area(), 0);
    std::vector<char> mask(size.area(), 0);
    for (int k = 0; k < size.area(); ++k) {
        mask[k] = objects.labels.at<int>(k / size.width, k % size.width) != 0;
        if (settings.center != RadialCenter::CentersOfOther)
            seeds[k] = centers.labels.at<int>(k / size.width, k % size.width);
    }
    if (settings.center == RadialCenter::CentersOfOther)
        for (int l = 0; l < centers.count; ++l)
            if (centroid.present[l]) seeds[centroid.row[l] * size.width + centroid.col[l]] = l + 1;
    const Propagation p = propagate(whole, seeds, mask);

    std::vector<std::vector<RingPixel>> rings(objects.count);
    for (int label = 1; label <= objects.count; ++label) {
        if (objects.boxes[label - 1].empty()) continue;
        const Region region = grown_box(objects.boxes[label - 1], size);
        const std::vector<double> edge = distance_to_edge(objects, label, region);
        const int fallback = fallback_center(objects, label, p, centroid);
        for (int k = 0; k < static_cast<int>(edge.size()); ++k) {
            const int r = region.top + k / region.cols, c = region.left + k % region.cols;
            const int index = r * size.width + c;
            if (objects.labels.at<int>(r, c) != label) continue;
            int center = p.labels[index];
            double distance = p.distances[index];
            if (center == 0 && fallback > 0) {
                // CellProfiler: straight-line distance to the centroid nearest the object's own
                center = fallback;
                distance = std::hypot(r - centroid.row[center - 1], c - centroid.col[center - 1]);
            }
            if (center <= 0) continue;
            if (settings.center == RadialCenter::EdgesOfOther && seeds[index] != 0) continue;
            rings[label - 1].push_back(
                {index, normalized(distance, edge[k], settings),
                 wedge_of(r, c, centroid.row[center - 1], centroid.col[center - 1])});
        }
    }
    return rings;
}

std::string feature_name(const char* feature, const std::string& channel, int bin, int bin_count) {
    std::string name = std::string("RadialDistribution_") + feature + "_" + channel + "_";
    return bin == bin_count ? name + "Overflow"
                            : name + std::to_string(bin + 1) + "of" + std::to_string(bin_count);
}

// CellProfiler's coefficient of variation of the 8 wedge means in one ring (numpy.ma: wedges
// without pixels left out, population deviation; 0 when no wedge has pixels).
double wedge_cv(const float* sums, const double* counts) {
    double means[8];
    int n = 0;
    for (int w = 0; w < 8; ++w)
        if (counts[w] > 0) means[n++] = static_cast<double>(sums[w]) / counts[w];
    if (n == 0) return 0.0;
    double mean = 0;
    for (int k = 0; k < n; ++k) mean += means[k];
    mean /= n;
    double variance = 0;
    for (int k = 0; k < n; ++k) variance += (means[k] - mean) * (means[k] - mean);
    const double deviation = std::sqrt(variance / n);
    return mean == 0 ? deviation : deviation / mean;
}

}  // namespace

RadialGeometry radial_geometry(const ObjectSet& objects, const ObjectSet* centers,
                               const RadialDistributionSettings& settings) {
    if (centers && centers->labels.size() != objects.labels.size())
        throw InputError("objects " + objects.name + " and centering objects " + centers->name +
                         " differ in size");
    RadialGeometry geometry;
    geometry.pixels =
        centers ? other_centred(objects, *centers, settings) : self_centred(objects, settings);
    return geometry;
}

Measurements measure_radial_distribution(const ObjectSet& objects, const ObjectSet* centers,
                                         const cv::Mat& image, const std::string& channel,
                                         const RadialDistributionSettings& settings) {
    if (image.size() != objects.labels.size())
        throw InputError("image " + channel + " and objects " + objects.name + " differ in size");
    return measure_radial_distribution(radial_geometry(objects, centers, settings), image, channel,
                                       settings);
}

Measurements measure_radial_distribution(const RadialGeometry& geometry, const cv::Mat& image,
                                         const std::string& channel,
                                         const RadialDistributionSettings& settings) {
    CV_Assert(image.type() == CV_32F && image.isContinuous());
    if (settings.bin_count < 1)
        throw InputError("radial distribution needs at least 1 bin, got " +
                         std::to_string(settings.bin_count));
    const auto& rings = geometry.pixels;
    const int count = static_cast<int>(rings.size());
    const int bins = settings.bin_count + (settings.scaled ? 0 : 1);
    Measurements out;
    for (const char* feature : {"FracAtD", "MeanFrac", "RadialCV"})
        for (int bin = 0; bin < bins; ++bin)
            out.emplace_back(feature_name(feature, channel, bin, settings.bin_count),
                             std::vector<double>(count, kNaN));
    const float* pixels = image.ptr<float>();
    for (int k = 0; k < count; ++k) {
        // float32 sums in raster order, as scipy.sparse adds CellProfiler's float32 pixels
        std::vector<float> ring_sum(settings.bin_count + 1, 0.0f);
        std::vector<double> ring_count(settings.bin_count + 1, 0.0);
        std::vector<float> wedge_sum((settings.bin_count + 1) * 8, 0.0f);
        std::vector<double> wedge_count((settings.bin_count + 1) * 8, 0.0);
        for (const RingPixel& p : rings[k]) {
            const int bin =
                std::min(settings.bin_count, static_cast<int>(p.normalized * settings.bin_count));
            ring_sum[bin] += pixels[p.index];
            ring_count[bin] += 1;
            wedge_sum[bin * 8 + p.wedge] += pixels[p.index];
            wedge_count[bin * 8 + p.wedge] += 1;
        }
        float total = 0.0f;
        double total_count = 0;
        for (int b = 0; b <= settings.bin_count; ++b)
            total += ring_sum[b], total_count += ring_count[b];
        for (int bin = 0; bin < bins; ++bin) {
            const float fraction = ring_sum[bin] / total;
            const double pixel_fraction = ring_count[bin] / total_count;
            out[bin].second[k] = fraction;
            out[bins + bin].second[k] = fraction / (pixel_fraction + kMachineEpsilon);
            out[2 * bins + bin].second[k] = wedge_cv(&wedge_sum[bin * 8], &wedge_count[bin * 8]);
        }
    }
    return out;
}

}  // namespace hcs::measure
