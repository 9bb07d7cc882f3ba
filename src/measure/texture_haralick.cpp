// Haralick texture features as CellProfiler's MeasureTexture computes them with
// mahotas.features.haralick (Haralick, Shanmugam & Dinstein 1973): symmetric grey-level
// co-occurrence matrices at one distance in 4 directions, 13 features each.
#include "hcs/measure/texture.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

#include "hcs/core/errors.hpp"

namespace hcs::measure {

const std::array<const char*, kHaralickFeatureCount> kHaralickFeatureNames = {
    "AngularSecondMoment", "Contrast",         "Correlation",       "Variance",
    "InverseDifferenceMoment", "SumAverage",   "SumVariance",       "SumEntropy",
    "Entropy",             "DifferenceVariance", "DifferenceEntropy", "InfoMeas1",
    "InfoMeas2"};

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
    int max_level = 0;                    // sets the length of mahotas' p_{x-y} vector
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

// Symmetric co-occurrence counts (each unordered pair counted in both cells, the diagonal
// twice) at offset (dy, dx); pairs with an ignored level are skipped.
std::vector<double> cooccurrence(const cv::Mat& levels, const LevelIndex& index, int dy,
                                 int dx) {
    const int n = static_cast<int>(index.level_of_index.size());
    std::vector<double> counts(static_cast<std::size_t>(n) * n, 0.0);
    for (int row = 0; row + dy < levels.rows; ++row) {
        const std::uint8_t* line = levels.ptr<std::uint8_t>(row);
        const std::uint8_t* other = levels.ptr<std::uint8_t>(row + dy);
        const int first_col = std::max(0, -dx);
        const int last_col = std::min(levels.cols, levels.cols - dx);
        for (int col = first_col; col < last_col; ++col) {
            const int a = index.index_of_level[line[col]];
            const int b = index.index_of_level[other[col + dx]];
            if (a < 0 || b < 0) continue;
            counts[a * n + b] += 1.0;
            counts[b * n + a] += 1.0;
        }
    }
    return counts;
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

// The marginal moments of the normalised matrix p (symmetric, so p_x = p_y).
struct Marginals {
    std::vector<double> px;
    double mean = 0, variance = 0;
};

Marginals marginals(const std::vector<double>& p, const std::vector<int>& level, int n) {
    Marginals m;
    m.px.assign(n, 0.0);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) m.px[i] += p[i * n + j];
    double square = 0.0;
    for (int i = 0; i < n; ++i) {
        m.mean += m.px[i] * level[i];
        square += m.px[i] * level[i] * static_cast<double>(level[i]);
    }
    m.variance = square - m.mean * m.mean;
    return m;
}

// The information measures of correlation (features 12 and 13).
void information_measures(const std::vector<double>& p, const std::vector<double>& px, int n,
                          double hxy, Features& out) {
    const double hx = entropy(px);
    double hxy1 = 0.0, hxy2 = 0.0;
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            const double product = px[i] * px[j];
            if (product <= 0) continue;
            hxy1 -= p[i * n + j] * std::log2(product);
            hxy2 -= product * std::log2(product);
        }
    }
    // Deliberate difference: mahotas returns HXY - HXY1 when HX = 0 (CellProfiler writes 0);
    // the ratio is 0/0 there, so NaN.
    out[11] = hx == 0.0 ? kNaN : (hxy - hxy1) / hx;
    out[12] = std::sqrt(std::max(0.0, 1.0 - std::exp(-2.0 * (hxy2 - hxy))));
}

Features features_of_matrix(const std::vector<double>& counts, const LevelIndex& index) {
    const int n = static_cast<int>(index.level_of_index.size());
    const std::vector<int>& level = index.level_of_index;
    double total = 0.0;
    for (double c : counts) total += c;
    std::vector<double> p(counts.size());
    for (std::size_t k = 0; k < counts.size(); ++k) p[k] = counts[k] / total;

    const Marginals m = marginals(p, level, n);
    const int size = index.max_level + 1;
    std::vector<double> sum_distribution(2 * size, 0.0), difference_distribution(size, 0.0);
    Features out{};
    double cross = 0.0;
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            const double pij = p[i * n + j];
            if (pij == 0.0) continue;
            const int difference = std::abs(level[i] - level[j]);
            out[0] += pij * pij;
            out[4] += pij / (1.0 + static_cast<double>(difference) * difference);
            cross += pij * level[i] * static_cast<double>(level[j]);
            sum_distribution[level[i] + level[j]] += pij;
            difference_distribution[difference] += pij;
        }
    }
    for (int k = 0; k < size; ++k) out[1] += static_cast<double>(k) * k * difference_distribution[k];
    // Deliberate difference: mahotas writes 1 for a constant object (sigma = 0); 0/0 is NaN.
    out[2] = m.variance == 0.0 ? kNaN : (cross - m.mean * m.mean) / m.variance;
    out[3] = m.variance;
    double sum_square = 0.0;
    for (int k = 0; k < 2 * size; ++k) {
        out[5] += k * sum_distribution[k];
        sum_square += static_cast<double>(k) * k * sum_distribution[k];
    }
    out[6] = sum_square - out[5] * out[5];
    out[7] = entropy(sum_distribution);
    out[8] = entropy(p);
    // mahotas' default: the variance of the vector p_{x-y}, not of |x - y| (see docs).
    out[9] = vector_variance(difference_distribution);
    out[10] = entropy(difference_distribution);
    information_measures(p, m.px, n, out[8], out);
    return out;
}

}  // namespace

std::array<std::array<double, kHaralickFeatureCount>, 4> haralick_features(
    const cv::Mat& levels, int scale, bool ignore_zeros) {
    CV_Assert(levels.type() == CV_8U && scale >= 1);
    const LevelIndex index = index_levels(levels, ignore_zeros);
    std::array<Features, 4> result;
    std::array<std::vector<double>, 4> counts;
    for (int direction = 0; direction < 4; ++direction) {
        counts[direction] = cooccurrence(levels, index, kDirections[direction][0] * scale,
                                         kDirections[direction][1] * scale);
        double total = 0.0;
        for (double c : counts[direction]) total += c;
        // mahotas raises when any direction has no pair and CellProfiler then leaves the whole
        // object undefined (it writes 0; we write NaN).
        if (total == 0.0) {
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
        throw InputError("texture gray levels must be 2..256, got " +
                         std::to_string(gray_levels));
    cv::Mat levels(image.size(), CV_8U);
    for (int row = 0; row < image.rows; ++row) {
        const float* in = image.ptr<float>(row);
        std::uint8_t* out = levels.ptr<std::uint8_t>(row);
        for (int col = 0; col < image.cols; ++col) {
            // skimage img_as_ubyte: float32 product, round half to even, clip.
            const float scaled = std::nearbyint(in[col] * 255.0f);
            int level = static_cast<int>(std::min(255.0f, std::max(0.0f, scaled)));
            // skimage rescale_intensity to (0, gray_levels - 1) in float64, then truncation.
            if (gray_levels != 256)
                level = static_cast<int>(level / 255.0 * (gray_levels - 1));
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
        throw InputError("image " + channel + " and objects " + objects.name +
                         " differ in size");
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
