// Seeded propagation of Jones, Carpenter and Golland (2005) as centrosome's propagate.py and
// _propagate.pyx compute it (centrosome 1.3.3): same step cost, same heap, same tie order, so
// that cells match CellProfiler's pixel for pixel.
// Known shortcoming: about 0.03-0.04 s per 640x640 BBBC013 image on one (busy) core, 7-9x
// CellProfiler's speed, not the 30x aimed for; the flood's scattered reads bound it.
#include "hcs/segment/propagate.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <vector>

#include "binary_heap.hpp"
#include "radix_queue.hpp"

namespace hcs::segment {
namespace {

// A pixel waiting in the queue. centrosome stores the distance as two int32 words cut from the
// double (the high word without its sign bit and the low word shifted right by one) and compares
// (high, low, label, row, col) lexicographically; `key` packs the same 63 bits and `tie` the
// label above the raster index, which orders like (label, row, col).
struct QueueItem {
    std::uint64_t key;
    std::uint64_t tie;
};

struct QueueOrder {
    bool operator()(const QueueItem& a, const QueueItem& b) const {
        return a.key != b.key ? a.key < b.key : a.tie < b.tie;
    }
};

std::uint64_t distance_key(double distance) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &distance, sizeof bits);
    return (bits & 0x7FFFFFFFFFFFFFFFull) >> 1;
}

std::uint64_t label_pixel(std::int32_t label, std::int64_t pixel) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(label)) << 32) |
           static_cast<std::uint64_t>(pixel);
}

// The image with one repeated pixel around it, so that the 3x3 neighbourhoods of the step cost
// read outside pixels as centrosome's clamped_fetch does. A float32 (or integer) image is kept in
// float32, half the memory the flood walks through; each value widens exactly to the float64
// centrosome computes with.
template <typename Height>
std::vector<Height> padded_heights(const cv::Mat& image) {
    cv::Mat heights;
    image.convertTo(heights, cv::DataType<Height>::type);
    cv::Mat padded;
    cv::copyMakeBorder(heights, padded, 1, 1, 1, 1, cv::BORDER_REPLICATE);
    return std::vector<Height>(padded.ptr<Height>(), padded.ptr<Height>() + padded.total());
}

// centrosome's distance(): the 3x3 absolute differences summed in raster order, then combined
// with the Manhattan step length as sqrt(diff^2 + manhattan * w * w), evaluated left to right.
// `first` and `second` point at the two pixels in the padded image of row length `stride`.
template <typename Height>
double step_cost(const Height* first, const Height* second, std::ptrdiff_t stride, double manhattan,
                 double weight) {
    double pixel_difference = 0;
    for (std::ptrdiff_t di = -stride; di <= stride; di += stride) {
        for (std::ptrdiff_t dj = -1; dj <= 1; ++dj) {
            // fabs(v1 - v2) equals centrosome's (v1 > v2 ? v1 - v2 : v2 - v1) bit for bit
            // (IEEE subtraction rounds symmetrically) and needs no branch.
            const double v1 = first[di + dj];
            const double v2 = second[di + dj];
            pixel_difference += std::fabs(v1 - v2);
        }
    }
    return std::sqrt(pixel_difference * pixel_difference + manhattan * weight * weight);
}

void check_inputs(const cv::Mat& image, const cv::Mat& seeds, const cv::Mat& mask) {
    if (image.size() != seeds.size() || image.size() != mask.size()) {
        throw std::invalid_argument("propagate: image, seeds and mask differ in size");
    }
    if (seeds.type() != CV_32S || mask.type() != CV_8U || image.channels() != 1 ||
        !seeds.isContinuous() || !mask.isContinuous()) {
        throw std::invalid_argument("propagate: seeds must be CV_32S, mask CV_8U, image grey");
    }
}

// centrosome's queue starts as the array of seed pixels inside the mask, in raster order
// (numpy.argwhere), all at distance 0, and uses it as it is, without heapifying. That array is
// not a heap, so the order in which seeds come off - which decides exact ties between two seeds
// reaching one pixel - depends on the heap's own moves, pushes included. This replica follows
// those moves with each seed as its (label, pixel) tie and every pushed pixel as an "after all
// seeds" token: a pushed item never rises above a seed, so the seeds move exactly as in
// centrosome whatever order the pushed items have among themselves.
class SeedOrder {
  public:
    static constexpr std::uint64_t kPushedPixel = ~0ull;

    SeedOrder(const std::int32_t* seeds, const std::uint8_t* mask, std::int64_t pixels) {
        std::vector<std::uint64_t> items;
        for (std::int64_t pixel = 0; pixel < pixels; ++pixel) {
            if (seeds[pixel] != 0 && mask[pixel]) items.push_back(label_pixel(seeds[pixel], pixel));
        }
        heap_ = detail::BinaryHeap<std::uint64_t, std::less<std::uint64_t>>(std::move(items));
    }

    // The next seed (label << 32 | pixel) to come off, or kPushedPixel once only pushed pixels
    // remain.
    std::uint64_t next_seed() { return heap_.empty() ? kPushedPixel : heap_.pop(); }

    void note_push() { heap_.push(kPushedPixel); }

  private:
    detail::BinaryHeap<std::uint64_t, std::less<std::uint64_t>> heap_;
};

// The order in which pixels come off, as one replica of centrosome's heap holding seeds and
// pushed pixels alike: exact for every regularization, but a binary heap of 16-byte items.
class SingleHeapOrder {
  public:
    SingleHeapOrder(const std::int32_t* seeds, const std::uint8_t* mask, std::int64_t pixels) {
        std::vector<QueueItem> items;
        const std::uint64_t zero = distance_key(0.0);
        for (std::int64_t pixel = 0; pixel < pixels; ++pixel) {
            if (seeds[pixel] != 0 && mask[pixel]) {
                items.push_back({zero, label_pixel(seeds[pixel], pixel)});
            }
        }
        heap_ = detail::BinaryHeap<QueueItem, QueueOrder>(std::move(items));
    }

    bool next(std::uint64_t& tie) {
        if (heap_.empty()) return false;
        tie = heap_.pop().tie;
        return true;
    }

    void push(const QueueItem& item) { heap_.push(item); }

  private:
    detail::BinaryHeap<QueueItem, QueueOrder> heap_;
};

// The same order, faster, when every step costs more than 0 (regularization > 0): then every
// seed comes off before any pushed pixel, so the seeds are taken from SeedOrder and the pushed
// pixels from a radix queue, which gives them in centrosome's (distance, label, row, col) order.
class SplitOrder {
  public:
    SplitOrder(const std::int32_t* seeds, const std::uint8_t* mask, std::int64_t pixels)
        : seeds_(seeds, mask, pixels) {}

    bool next(std::uint64_t& tie) {
        if (seeds_left_) {
            tie = seeds_.next_seed();
            seeds_left_ = tie != SeedOrder::kPushedPixel;
            if (seeds_left_) return true;
        }
        if (pushed_.empty()) return false;
        tie = pushed_.pop().tie;
        return true;
    }

    void push(const QueueItem& item) {
        pushed_.push(item);
        if (seeds_left_) seeds_.note_push();
    }

  private:
    SeedOrder seeds_;
    detail::RadixQueue<QueueItem> pushed_;
    bool seeds_left_ = true;
};

// Pixel states kept in the label array while flooding, so that one read decides whether a
// neighbour may still be reached: 0 = free, > 0 = labelled, and these two.
constexpr std::int32_t kOutsideMask = -1;
constexpr std::int32_t kWaitingSeed = -2;  // a seed not yet taken off the queue

cv::Mat padded(const cv::Mat& image) {
    cv::Mat out;
    cv::copyMakeBorder(image, out, 1, 1, 1, 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    return out;
}

// The flood works on images with one pixel of border, marked outside the mask, so that a
// neighbour is one offset away and needs no bounds test; flat indices of the padded image order
// pixels as (row, col) do, so the queue's ties are unchanged.
cv::Mat initial_states(const cv::Mat& padded_seeds, const cv::Mat& padded_mask) {
    cv::Mat states = cv::Mat::zeros(padded_seeds.size(), CV_32S);
    states.setTo(kWaitingSeed, padded_seeds != 0);
    states.setTo(kOutsideMask, padded_mask == 0);
    return states;
}

template <typename Height, typename Order>
PropagationResult flood(const cv::Mat& image, const cv::Mat& seeds, const cv::Mat& mask,
                        double regularization) {
    const std::ptrdiff_t stride = image.cols + 2;
    const std::vector<Height> heights = padded_heights<Height>(image);
    const cv::Mat padded_seeds = padded(seeds);
    const cv::Mat padded_mask = padded(mask);

    cv::Mat labels = initial_states(padded_seeds, padded_mask);
    cv::Mat distances(padded_seeds.size(), CV_64F, cv::Scalar(-1.0));
    distances.setTo(0.0, padded_seeds > 0);
    std::int32_t* label = labels.ptr<std::int32_t>();
    double* distance = distances.ptr<double>();

    Order order(padded_seeds.ptr<std::int32_t>(), padded_mask.ptr<std::uint8_t>(),
                static_cast<std::int64_t>(padded_seeds.total()));
    // centrosome's neighbour order, and each step's Manhattan length.
    const std::ptrdiff_t kOffset[8] = {-stride - 1, -stride,    -stride + 1, -1,
                                       1,           stride - 1, stride,      stride + 1};
    static const double kManhattan[8] = {2, 1, 2, 1, 1, 2, 1, 2};
    std::uint64_t tie = 0;
    while (order.next(tie)) {
        const std::int64_t pixel = static_cast<std::int64_t>(tie & 0xFFFFFFFFull);
        if (label[pixel] > 0) continue;
        const std::int32_t item_label = static_cast<std::int32_t>(tie >> 32);
        label[pixel] = item_label;
        const Height* height = heights.data() + pixel;

        for (int k = 0; k < 8; ++k) {
            const std::int64_t next = pixel + kOffset[k];
            // Labelled, outside the mask or the image, or a waiting seed (distance 0, never
            // improved on: centrosome costs that step and rejects it, with the same outcome).
            if (label[next] != 0) continue;
            const double cost =
                step_cost(height, height + kOffset[k], stride, kManhattan[k], regularization) +
                distance[pixel];
            if (distance[next] == -1 || distance[next] > cost) {
                distance[next] = cost;
                order.push({distance_key(cost), label_pixel(item_label, next)});
            }
        }
    }

    const cv::Rect interior(1, 1, image.cols, image.rows);
    PropagationResult result{labels(interior).clone(), distances(interior).clone()};
    result.labels.setTo(0, result.labels < 0);
    seeds.copyTo(result.labels, seeds > 0);
    return result;
}

}  // namespace

PropagationResult propagate(const cv::Mat& image, const cv::Mat& seeds, const cv::Mat& mask,
                            double regularization) {
    check_inputs(image, seeds, mask);
    if (regularization <= 0) return propagate_single_heap(image, seeds, mask, regularization);
    if (image.depth() == CV_64F) {
        return flood<double, SplitOrder>(image, seeds, mask, regularization);
    }
    return flood<float, SplitOrder>(image, seeds, mask, regularization);
}

PropagationResult propagate_single_heap(const cv::Mat& image, const cv::Mat& seeds,
                                        const cv::Mat& mask, double regularization) {
    check_inputs(image, seeds, mask);
    if (image.depth() == CV_64F) {
        return flood<double, SingleHeapOrder>(image, seeds, mask, regularization);
    }
    return flood<float, SingleHeapOrder>(image, seeds, mask, regularization);
}

}  // namespace hcs::segment
