// Haralick texture features as CellProfiler's MeasureTexture computes them with
// mahotas.features.haralick (Haralick, Shanmugam & Dinstein 1973): symmetric grey-level
// co-occurrence matrices at one distance in 4 directions, 13 features each.
#include "hcs/measure/texture.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "hcs/core/errors.hpp"

namespace hcs::measure {

const std::array<const char*, kHaralickFeatureCount> kHaralickFeatureNames = {
    "AngularSecondMoment", "Contrast",    "Correlation", "Variance", "InverseDifferenceMoment",
    "SumAverage",          "SumVariance", "SumEntropy",  "Entropy",  "DifferenceVariance",
    "DifferenceEntropy",   "InfoMeas1",   "InfoMeas2"};

namespace {

using Features = std::array<double, kHaralickFeatureCount>;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// mahotas' 2-D directions (row, column): 0 degrees, 45 (down-right), 90, 135 (down-left).
constexpr int kDirections[4][2] = {{0, 1}, {1, 1}, {1, 0}, {1, -1}};

// The grey levels present in an image, compacted so that the co-occurrence matrix of an
// object holds only its own levels (a cell has a few dozen of the 256).
struct LevelIndex {
    std::array<int, 256> index_of_level;  // -1 where the level is absent
    std::vector<int> level_of_index;
    int max_level = 0;  // sets the length of mahotas' p_{x-y} vector
};

LevelIndex index_levels(const cv::Mat& levels, bool ignore_zeros) {
    std::array<bool, 256> present{};
    for (int row = 0; row < levels.rows; ++row) {
        const std::uint8_t* line = levels.ptr<std::uint8_t>(row);
        for (int col = 0; col < levels.cols; ++col) present[line[col]] = true;
    }
    LevelIndex index;
    index.index_of_level.fill(-1);
    for (int level = 0; level < 256; ++level) {
        if (!present[level]) continue;
        index.max_level = level;
        if (ignore_zeros && level == 0) continue;
        index.index_of_level[level] = static_cast<int>(index.level_of_index.size());
        index.level_of_index.push_back(level);
    }
    return index;
}

// The non-zero cells of a symmetric co-occurrence matrix (each unordered pair counted in both
// cells, the diagonal twice), in row-major order of the compact level indices. An object holds
// a few hundred pairs but up to 256 levels, so the matrix is kept sparse.
struct Cooccurrence {
    std::vector<int> row, col;
    std::vector<double> count;
    double total = 0;
};

Cooccurrence cooccurrence(const cv::Mat& levels, const LevelIndex& index, int dy, int dx) {
    const int n = static_cast<int>(index.level_of_index.size());
    // n <= 256 levels; the table is reused and reset after use. Small crops (objects) record the
    // cells they touch; large ones (whole images) scan the table instead.
    thread_local std::vector<int> dense(256 * 256, 0);
    const bool scan_table = levels.total() > static_cast<std::size_t>(4 * n * n);
    std::vector<int> touched;
    for (int row = 0; row + dy < levels.rows; ++row) {
        const std::uint8_t* line = levels.ptr<std::uint8_t>(row);
        const std::uint8_t* other = levels.ptr<std::uint8_t>(row + dy);
        const int first_col = std::max(0, -dx);
        const int last_col = std::min(levels.cols, levels.cols - dx);
        for (int col = first_col; col < last_col; ++col) {
            const int a = index.index_of_level[line[col]];
            const int b = index.index_of_level[other[col + dx]];
            if (a < 0 || b < 0) continue;
            if (!scan_table && dense[a * n + b] == 0) touched.push_back(a * n + b);
            ++dense[a * n + b];
            if (!scan_table && dense[b * n + a] == 0) touched.push_back(b * n + a);
            ++dense[b * n + a];
        }
    }
    if (scan_table)
        for (int key = 0; key < n * n; ++key)
            if (dense[key] != 0) touched.push_back(key);
    Cooccurrence out;  // cells in the order first met; only summation order depends on it
    for (int key : touched) {
        out.row.push_back(key / n), out.col.push_back(key % n);
        out.count.push_back(dense[key]);
        out.total += dense[key];
        dense[key] = 0;
    }
    return out;
}

// -sum p log2 p over the non-zero entries (mahotas' _entropy).
double entropy(const std::vector<double>& probabilities) {
    double sum = 0.0;
    for (double p : probabilities)
        if (p > 0) sum -= p * std::log2(p);
    return sum;
}

// Population variance of a vector, as numpy's var().
double vector_variance(const std::vector<double>& values) {
    double mean = 0.0;
    for (double v : values) mean += v;
    mean /= static_cast<double>(values.size());
    double sum = 0.0;
    for (double v : values) sum += (v - mean) * (v - mean);
    return sum / static_cast<double>(values.size());
}

// The information measures of correlation (features 12 and 13). With p_x = p_y (symmetric
// matrix), HXY2 = -sum_ij px_i px_j log2(px_i px_j) = 2 HX sum(px): mahotas' double sum in
// closed form, equal to rounding.
void information_measures(const Cooccurrence& m, const std::vector<double>& p,
                          const std::vector<double>& px, double hxy, Features& out) {
    std::vector<double> log_px(px.size(), 0.0);
    double hx = 0.0, mass = 0.0;
    for (std::size_t i = 0; i < px.size(); ++i) {
        if (px[i] <= 0) continue;
        log_px[i] = std::log2(px[i]);
        hx -= px[i] * log_px[i];
        mass += px[i];
    }
    double hxy1 = 0.0;
    for (std::size_t k = 0; k < p.size(); ++k) hxy1 -= p[k] * (log_px[m.row[k]] + log_px[m.col[k]]);
    const double hxy2 = 2.0 * hx * mass;
    // Deliberate difference: mahotas returns HXY - HXY1 when HX = 0 (CellProfiler writes 0);
    // the ratio is 0/0 there, so NaN.
    out[11] = hx == 0.0 ? kNaN : (hxy - hxy1) / hx;
    out[12] = std::sqrt(std::max(0.0, 1.0 - std::exp(-2.0 * (hxy2 - hxy))));
}

// -sum p log2 p of the matrix, p = c / T as mahotas divides; the term of each distinct small
// count is computed once (objects have a few distinct counts over thousands of cells).
double matrix_entropy(const Cooccurrence& m) {
    constexpr int kCached = 1024;
    thread_local std::vector<double> term(kCached);
    thread_local std::vector<char> known(kCached);
    std::fill(known.begin(), known.end(), 0);
    double sum = 0.0;
    for (double c : m.count) {
        const int k = static_cast<int>(c);
        if (k >= kCached) {
            const double p = c / m.total;
            sum -= p * std::log2(p);
            continue;
        }
        if (!known[k]) {
            const double p = c / m.total;
            term[k] = p * std::log2(p);
            known[k] = 1;
        }
        sum -= term[k];
    }
    return sum;
}

Features features_of_matrix(const Cooccurrence& m, const LevelIndex& index) {
    const int n = static_cast<int>(index.level_of_index.size());
    const std::vector<int>& level = index.level_of_index;
    std::vector<double> p(m.count.size()), px(n, 0.0);
    for (std::size_t k = 0; k < p.size(); ++k) {
        p[k] = m.count[k] / m.total;
        px[m.row[k]] += p[k];
    }
    double mean = 0.0, square = 0.0;
    for (int i = 0; i < n; ++i) {
        mean += px[i] * level[i];
        square += px[i] * level[i] * static_cast<double>(level[i]);
    }
    const double variance = square - mean * mean;

    const int size = index.max_level + 1;
    std::vector<double> sum_distribution(2 * size, 0.0), difference_distribution(size, 0.0);
    Features out{};
    double cross = 0.0;
    for (std::size_t k = 0; k < p.size(); ++k) {
        const int li = level[m.row[k]], lj = level[m.col[k]];
        const int difference = std::abs(li - lj);
        out[0] += p[k] * p[k];
        out[4] += p[k] / (1.0 + static_cast<double>(difference) * difference);
        cross += p[k] * li * static_cast<double>(lj);
        sum_distribution[li + lj] += p[k];
        difference_distribution[difference] += p[k];
    }
    for (int k = 0; k < size; ++k)
        out[1] += static_cast<double>(k) * k * difference_distribution[k];
    // Deliberate difference: mahotas writes 1 for a constant object (sigma = 0); 0/0 is NaN.
    out[2] = variance == 0.0 ? kNaN : (cross - mean * mean) / variance;
    out[3] = variance;
    double sum_square = 0.0;
    for (int k = 0; k < 2 * size; ++k) {
        out[5] += k * sum_distribution[k];
        sum_square += static_cast<double>(k) * k * sum_distribution[k];
    }
    out[6] = sum_square - out[5] * out[5];
    out[7] = entropy(sum_distribution);
    out[8] = matrix_entropy(m);
    // mahotas' default: the variance of the vector p_{x-y}, not of |x - y| (see docs).
    out[9] = vector_variance(difference_distribution);
    out[10] = entropy(difference_distribution);
    information_measures(m, p, px, out[8], out);
    return out;
}

}  // namespace

std::array<std::array<double, kHaralickFeatureCount>, 4> haralick_features(const cv::Mat& levels,
                                                                           int scale,
                                                                           bool ignore_zeros) {
    CV_Assert(levels.type() == CV_8U && scale >= 1);
    const LevelIndex index = index_levels(levels, ignore_zeros);
    std::array<Features, 4> result;
    std::array<Cooccurrence, 4> counts;
    for (int direction = 0; direction < 4; ++direction) {
        counts[direction] = cooccurrence(levels, index, kDirections[direction][0] * scale,
                                         kDirections[direction][1] * scale);
        // mahotas raises when any direction has no pair and CellProfiler then leaves the whole
        // object undefined (it writes 0; we write NaN).
        if (counts[direction].total == 0.0) {
            Features undefined;
            undefined.fill(kNaN);
            result.fill(undefined);
            return result;
        }
    }
    for (int direction = 0; direction < 4; ++direction)
        result[direction] = features_of_matrix(counts[direction], index);
    return result;
}

cv::Mat texture_grey_levels(const cv::Mat& image, int gray_levels) {
    CV_Assert(image.type() == CV_32F);
    if (gray_levels < 2 || gray_levels > 256)
        throw InputError("texture gray levels must be 2..256, got " + std::to_string(gray_levels));
    cv::Mat levels(image.size(), CV_8U);
    for (int row = 0; row < image.rows; ++row) {
        const float* in = image.ptr<float>(row);
        std::uint8_t* out = levels.ptr<std::uint8_t>(row);
        for (int col = 0; col < image.cols; ++col) {
            // skimage img_as_ubyte: float32 product, round half to even, clip.
            const float scaled = std::nearbyint(in[col] * 255.0f);
            int level = static_cast<int>(std::min(255.0f, std::max(0.0f, scaled)));
            // skimage rescale_intensity to (0, gray_levels - 1) in float64, then truncation.
            if (gray_levels != 256) level = static_cast<int>(level / 255.0 * (gray_levels - 1));
            out[col] = static_cast<std::uint8_t>(level);
        }
    }
    return levels;
}

namespace {

std::string feature_name(int feature, const std::string& channel, int scale, int direction,
                         int gray_levels) {
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, "_%d_%02d_%d", scale, direction, gray_levels);
    return std::string("Texture_") + kHaralickFeatureNames[feature] + "_" + channel + suffix;
}

// The object's bounding box with every pixel outside the object set to level 0, as
// skimage's regionprops intensity_image hands it to mahotas.
cv::Mat object_levels(const ObjectSet& objects, const cv::Mat& levels, int label) {
    const cv::Rect& box = objects.boxes[label - 1];
    cv::Mat crop = levels(box).clone();
    for (int row = 0; row < box.height; ++row) {
        const int* owner = objects.labels.ptr<int>(box.y + row) + box.x;
        std::uint8_t* line = crop.ptr<std::uint8_t>(row);
        for (int col = 0; col < box.width; ++col)
            if (owner[col] != label) line[col] = 0;
    }
    return crop;
}

Measurements empty_columns(const std::string& channel, const TextureSettings& settings,
                           std::size_t count) {
    Measurements columns;
    for (int feature = 0; feature < kHaralickFeatureCount; ++feature)
        for (int scale : settings.scales)
            for (int direction = 0; direction < 4; ++direction)
                columns.emplace_back(
                    feature_name(feature, channel, scale, direction, settings.gray_levels),
                    std::vector<double>(count, kNaN));
    return columns;
}

}  // namespace

Measurements measure_texture(const ObjectSet& objects, const cv::Mat& image,
                             const std::string& channel, const TextureSettings& settings) {
    if (image.size() != objects.labels.size())
        throw InputError("image " + channel + " and objects " + objects.name + " differ in size");
    const cv::Mat levels = texture_grey_levels(image, settings.gray_levels);
    Measurements columns = empty_columns(channel, settings, objects.count);
    const std::size_t scale_count = settings.scales.size();
    for (int label = 1; label <= objects.count; ++label) {
        if (objects.boxes[label - 1].empty()) continue;
        const cv::Mat crop = object_levels(objects, levels, label);
        for (std::size_t s = 0; s < scale_count; ++s) {
            const auto values = haralick_features(crop, settings.scales[s], true);
            for (int feature = 0; feature < kHaralickFeatureCount; ++feature)
                for (int direction = 0; direction < 4; ++direction)
                    columns[(feature * scale_count + s) * 4 + direction].second[label - 1] =
                        values[direction][feature];
        }
    }
    return columns;
}

Measurements measure_image_texture(const cv::Mat& image, const std::string& channel,
                                   const TextureSettings& settings) {
    const cv::Mat levels = texture_grey_levels(image, settings.gray_levels);
    Measurements columns = empty_columns(channel, settings, 1);
    for (std::size_t s = 0; s < settings.scales.size(); ++s) {
        const auto values = haralick_features(levels, settings.scales[s], false);
        for (int feature = 0; feature < kHaralickFeatureCount; ++feature)
            for (int direction = 0; direction < 4; ++direction)
                columns[(feature * settings.scales.size() + s) * 4 + direction].second[0] =
                    values[direction][feature];
    }
    return columns;
}

}  // namespace hcs::measure
