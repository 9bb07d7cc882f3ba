// Granular spectrum as CellProfiler's MeasureGranularity computes it (Ravkin & Temov's
// granulometry by erosion and reconstruction, after Serra 1989 and Vincent 1992): subsample,
// subtract a grey opening of a further subsampled copy (tophat), then 16 erode-and-reconstruct
// steps, each reporting the percentage of the starting mean intensity it removed.
#include "hcs/measure/granularity.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>

#include "hcs/core/errors.hpp"
#include "hcs/measure/numpy_sum.hpp"

namespace hcs::measure {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// numpy's np.mgrid[0:extent] for a fractional extent: ceil(extent) samples.
int grid_length(double extent) {
    return static_cast<int>(std::ceil(extent));
}

// scipy.ndimage.map_coordinates(order=1) at (row, col): bilinear interpolation; a position
// beyond the first or last sample gives 0 (mode 'constant'). CellProfiler's background grid
// reaches past its last row when the subsampled extent is fractional (1006 rows -> 251.5).
double bilinear(const cv::Mat& image, double row, double col) {
    // scipy 'constant' mode: no interpolation beyond the last sample, the value is cval = 0
    if (row < 0 || col < 0 || row > image.rows - 1 || col > image.cols - 1) return 0.0;
    const int r0 = static_cast<int>(std::floor(row)), c0 = static_cast<int>(std::floor(col));
    const double fr = row - r0, fc = col - c0;
    auto at = [&](int r, int c) -> double {
        if (r < 0 || c < 0 || r >= image.rows || c >= image.cols) return 0.0;
        return image.type() == CV_32F ? image.at<float>(r, c) : image.at<double>(r, c);
    };
    const double top = at(r0, c0) * (1 - fc) + (fc > 0 ? at(r0, c0 + 1) * fc : 0.0);
    if (fr == 0) return top;
    const double bottom = at(r0 + 1, c0) * (1 - fc) + (fc > 0 ? at(r0 + 1, c0 + 1) * fc : 0.0);
    return top * (1 - fr) + bottom * fr;
}

// CellProfiler's subsampling: the pixel at (row / factor, col / factor) for a grid of
// ceil(shape * factor) points (integral positions, so no interpolation in practice).
cv::Mat subsample(const cv::Mat& image, double rows, double cols, double factor) {
    cv::Mat out(grid_length(rows), grid_length(cols), CV_32F);
    for (int r = 0; r < out.rows; ++r)
        for (int c = 0; c < out.cols; ++c)
            out.at<float>(r, c) = static_cast<float>(bilinear(image, r / factor, c / factor));
    return out;
}

// scipy's 'reflect' border (d c b a | a b c d), used by skimage's grey erosion/dilation.
int reflect(int index, int length) {
    while (index < 0 || index >= length) index = index < 0 ? -index - 1 : 2 * length - index - 1;
    return index;
}

// Grey erosion (min) or dilation (max) with skimage's disk(radius) footprint.
cv::Mat disk_filter(const cv::Mat& image, int radius, bool erode) {
    std::vector<cv::Point> offsets;
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx)
            if (dx * dx + dy * dy <= radius * radius) offsets.emplace_back(dx, dy);
    cv::Mat out(image.size(), CV_32F);
    for (int r = 0; r < image.rows; ++r) {
        for (int c = 0; c < image.cols; ++c) {
            float value =
                erode ? std::numeric_limits<float>::max() : std::numeric_limits<float>::lowest();
            for (const cv::Point& o : offsets) {
                const float v =
                    image.at<float>(reflect(r + o.y, image.rows), reflect(c + o.x, image.cols));
                value = erode ? std::min(value, v) : std::max(value, v);
            }
            out.at<float>(r, c) = value;
        }
    }
    return out;
}

// Erosion with the 4-neighbour cross, skimage disk(1); reflected borders repeat the edge.
cv::Mat cross_erode(const cv::Mat& image) {
    cv::Mat out(image.size(), CV_32F);
    for (int r = 0; r < image.rows; ++r) {
        for (int c = 0; c < image.cols; ++c) {
            float v = image.at<float>(r, c);
            if (r > 0) v = std::min(v, image.at<float>(r - 1, c));
            if (r + 1 < image.rows) v = std::min(v, image.at<float>(r + 1, c));
            if (c > 0) v = std::min(v, image.at<float>(r, c - 1));
            if (c + 1 < image.cols) v = std::min(v, image.at<float>(r, c + 1));
            out.at<float>(r, c) = v;
        }
    }
    return out;
}

// Grey reconstruction by dilation of `seed` under `mask` with 4-connectivity (Vincent 1993,
// hybrid algorithm: a raster and an anti-raster pass, then a queue); the result is unique,
// so it equals skimage.morphology.reconstruction's.
cv::Mat reconstruct(const cv::Mat& seed, const cv::Mat& mask) {
    cv::Mat rec = cv::min(seed, mask);
    const int rows = rec.rows, cols = rec.cols;
    auto at = [&](int r, int c) -> float& { return rec.at<float>(r, c); };
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            float v = at(r, c);
            if (r > 0) v = std::max(v, at(r - 1, c));
            if (c > 0) v = std::max(v, at(r, c - 1));
            at(r, c) = std::min(v, mask.at<float>(r, c));
        }
    std::deque<cv::Point> queue;
    for (int r = rows - 1; r >= 0; --r)
        for (int c = cols - 1; c >= 0; --c) {
            float v = at(r, c);
            if (r + 1 < rows) v = std::max(v, at(r + 1, c));
            if (c + 1 < cols) v = std::max(v, at(r, c + 1));
            at(r, c) = std::min(v, mask.at<float>(r, c));
            const bool grows_down =
                r + 1 < rows && at(r + 1, c) < at(r, c) && at(r + 1, c) < mask.at<float>(r + 1, c);
            const bool grows_right =
                c + 1 < cols && at(r, c + 1) < at(r, c) && at(r, c + 1) < mask.at<float>(r, c + 1);
            if (grows_down || grows_right) queue.emplace_back(c, r);
        }
    const int dr[4] = {-1, 1, 0, 0}, dc[4] = {0, 0, -1, 1};
    while (!queue.empty()) {
        const cv::Point p = queue.front();
        queue.pop_front();
        for (int k = 0; k < 4; ++k) {
            const int r = p.y + dr[k], c = p.x + dc[k];
            if (r < 0 || c < 0 || r >= rows || c >= cols) continue;
            const float limit = std::min(at(p.y, p.x), mask.at<float>(r, c));
            if (at(r, c) < limit) {
                at(r, c) = limit;
                queue.emplace_back(c, r);
            }
        }
    }
    return rec;
}

double mean_of(const cv::Mat& image) {
    const cv::Mat flat = image.isContinuous() ? image : image.clone();
    return numpy_float32_mean(flat.ptr<float>(), flat.total());
}

// The subsampled image with its background (a grey opening of a coarser copy) removed.
cv::Mat tophat(const cv::Mat& image, const GranularitySettings& settings, double& rows,
               double& cols) {
    rows = image.rows, cols = image.cols;
    cv::Mat pixels = image.clone();
    if (settings.subsample_size < 1) {
        rows *= settings.subsample_size, cols *= settings.subsample_size;
        pixels = subsample(image, rows, cols, settings.subsample_size);
    }
    cv::Mat back = pixels;
    // CellProfiler takes the coarser grid from the subsampled array's whole size (252 rows
    // for 251.5), but restores it onto the fractional extent; both are kept as it does.
    double back_rows = pixels.rows, back_cols = pixels.cols;
    if (settings.image_sample_size < 1) {
        back_rows *= settings.image_sample_size, back_cols *= settings.image_sample_size;
        back = subsample(pixels, back_rows, back_cols, settings.image_sample_size);
    }
    back =
        disk_filter(disk_filter(back, settings.element_size, true), settings.element_size, false);
    for (int r = 0; r < pixels.rows; ++r) {
        for (int c = 0; c < pixels.cols; ++c) {
            double background = back.at<float>(r, c);
            if (settings.image_sample_size < 1) {
                // CellProfiler's restore_scale: back to the finer grid, bilinear.
                background = static_cast<float>(bilinear(back, r * ((back_rows - 1) / (rows - 1)),
                                                         c * ((back_cols - 1) / (cols - 1))));
            }
            const float v = static_cast<float>(pixels.at<float>(r, c) - background);
            pixels.at<float>(r, c) = v < 0 ? 0.0f : v;
        }
    }
    return pixels;
}

}  // namespace

namespace {

// Bilinear upsampling of the coarse reconstruction back to the image grid (CellProfiler's
// restore_scale). An object's mean of the upsampled image is a fixed weighted sum of coarse
// pixels, so each object keeps those weights and every step costs a few coarse lookups.
struct CoarseWeights {
    std::vector<int> index;      // coarse pixel
    std::vector<double> weight;  // summed interpolation weight of the object's pixels
};

// The weights bilinear() gives the coarse pixels around (row, col); none beyond the grid
// (scipy's 'constant' mode, value 0).
template <typename Add>
void interpolation_weights(int coarse_rows, int coarse_cols, double row, double col, Add add) {
    if (row < 0 || col < 0 || row > coarse_rows - 1 || col > coarse_cols - 1) return;
    const int r0 = static_cast<int>(std::floor(row)), c0 = static_cast<int>(std::floor(col));
    const double fr = row - r0, fc = col - c0;
    add(r0 * coarse_cols + c0, (1 - fc) * (1 - fr));
    if (fc > 0) add(r0 * coarse_cols + c0 + 1, fc * (1 - fr));
    if (fr > 0) add((r0 + 1) * coarse_cols + c0, (1 - fc) * fr);
    if (fr > 0 && fc > 0) add((r0 + 1) * coarse_cols + c0 + 1, fc * fr);
}

// Each object's pixel count, coarse weights and the running means CellProfiler keeps.
struct ObjectRecord {
    std::vector<CoarseWeights> weights;
    std::vector<int> area;
    std::vector<double> current_mean, start_mean;
};

ObjectRecord object_record(const ObjectSet& objects, const cv::Mat& image, const cv::Size& coarse,
                           double coarse_rows, double coarse_cols) {
    ObjectRecord record;
    const double sy = (coarse_rows - 1) / (image.rows - 1),
                 sx = (coarse_cols - 1) / (image.cols - 1);
    std::vector<double> dense(coarse.area(), 0.0);
    std::vector<int> touched;
    for (int label = 1; label <= objects.count; ++label) {
        const cv::Rect& box = objects.boxes[label - 1];
        double sum = 0;
        int area = 0;
        for (int r = box.y; r < box.y + box.height; ++r)
            for (int c = box.x; c < box.x + box.width; ++c) {
                if (objects.labels.at<int>(r, c) != label) continue;
                sum += image.at<float>(r, c), ++area;
                interpolation_weights(coarse.height, coarse.width, r * sy, c * sx,
                                      [&](int k, double w) {
                                          if (dense[k] == 0) touched.push_back(k);
                                          dense[k] += w;
                                      });
            }
        CoarseWeights weights;
        for (int k : touched) {
            weights.index.push_back(k), weights.weight.push_back(dense[k]);
            dense[k] = 0;
        }
        touched.clear();
        const double mean = area == 0 ? kNaN : sum / area;
        record.weights.push_back(std::move(weights));
        record.area.push_back(area);
        record.current_mean.push_back(mean);
        record.start_mean.push_back(std::isnan(mean) ? kNaN
                                                     : std::max(mean, 2.220446049250313e-16));
    }
    return record;
}

std::string feature(int step, const std::string& channel) {
    return "Granularity_" + std::to_string(step) + "_" + channel;
}

}  // namespace

GranularityResult measure_granularity(const cv::Mat& image, const std::string& channel,
                                      const std::vector<const ObjectSet*>& object_sets,
                                      const GranularitySettings& settings) {
    CV_Assert(image.type() == CV_32F && image.isContinuous());
    for (const ObjectSet* objects : object_sets)
        if (objects->labels.size() != image.size())
            throw InputError("image " + channel + " and objects " + objects->name +
                             " differ in size");
    double rows = 0, cols = 0;
    const cv::Mat pixels = tophat(image, settings, rows, cols);

    std::vector<ObjectRecord> records;
    for (const ObjectSet* objects : object_sets)
        records.push_back(object_record(*objects, image, pixels.size(), rows, cols));

    GranularityResult result;
    result.objects.resize(object_sets.size());
    for (std::size_t s = 0; s < object_sets.size(); ++s)
        for (int step = 1; step <= settings.spectrum_length; ++step)
            result.objects[s].emplace_back(feature(step, channel),
                                           std::vector<double>(object_sets[s]->count, kNaN));

    const double start_mean = mean_of(pixels);
    const double safe_start = std::max(start_mean, 2.220446049250313e-16);
    double current_mean = start_mean;
    cv::Mat eroded = pixels.clone();
    for (int step = 1; step <= settings.spectrum_length; ++step) {
        const double previous_mean = current_mean;
        eroded = cross_erode(eroded);
        const cv::Mat rec = reconstruct(eroded, pixels);
        // the reconstruction holds float32 values; numpy averages it in float64 (pairwise;
        // ours in order, equal to rounding)
        cv::Mat rec64;
        rec.convertTo(rec64, CV_64F);
        double sum = 0;
        for (const double* v = rec64.ptr<double>(); v != rec64.ptr<double>() + rec64.total(); ++v)
            sum += *v;
        current_mean = sum / rec.total();
        result.image.emplace_back(feature(step, channel),
                                  (previous_mean - current_mean) * 100 / safe_start);

        const double* coarse = rec64.ptr<double>();
        for (std::size_t s = 0; s < records.size(); ++s) {
            ObjectRecord& record = records[s];
            auto& column = result.objects[s][step - 1].second;
            for (std::size_t k = 0; k < record.weights.size(); ++k) {
                if (record.area[k] == 0) continue;
                const CoarseWeights& w = record.weights[k];
                double object_sum = 0;
                for (std::size_t j = 0; j < w.index.size(); ++j)
                    object_sum += w.weight[j] * coarse[w.index[j]];
                const double new_mean = object_sum / record.area[k];
                column[k] = (record.current_mean[k] - new_mean) * 100 / record.start_mean[k];
                record.current_mean[k] = new_mean;
            }
        }
    }
    return result;
}

}  // namespace hcs::measure
