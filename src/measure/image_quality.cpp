// Image-level quality figures as CellProfiler's MeasureImageQuality computes them: focus score
// (normalised variance), local focus score on a grid, Haralick correlation at the blur scale
// (centrosome.haralick, 8 levels), power log-log slope of the radial power spectrum
// (centrosome.radial_power_spectrum), saturation, intensity summary, and centrosome's Otsu.
#include "hcs/measure/image_quality.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <opencv2/core.hpp>

#include "hcs/core/errors.hpp"
#include "hcs/measure/numpy_sum.hpp"

namespace hcs::measure {
namespace {

constexpr double kMachineEpsilon = 2.220446049250313e-16;  // numpy.finfo(float).eps
constexpr float kFloat32Epsilon = 1.1920929e-07f;          // numpy.finfo(float32).eps
constexpr int kHaralickLevels = 8;  // centrosome.haralick.Haralick's default nlevels
constexpr int kOtsuBins = 256;      // centrosome.otsu.otsu's default bins
constexpr double kPowerSpectrumWidthFraction = 1.0 / 8.0;  // rps: truncate at min(shape)/8

using Figures = std::vector<std::pair<std::string, double>>;

std::vector<float> pixels_of(const cv::Mat& image) {
    std::vector<float> values;
    values.reserve(image.total());
    for (int r = 0; r < image.rows; ++r) {
        const float* line = image.ptr<float>(r);
        values.insert(values.end(), line, line + image.cols);
    }
    return values;
}

// The values in ascending order; a counting sort when every value is some k / divisor rounded
// to float32 (8-, 12-, 16-bit images), a comparison sort otherwise.
std::vector<float> sorted_values(std::vector<float> values) {
    for (const double divisor : {255.0, 4095.0, 65535.0}) {
        std::vector<std::size_t> histogram(static_cast<std::size_t>(divisor) + 1, 0);
        bool quantized = true;
        for (std::size_t k = 0; k < values.size() && quantized; ++k) {
            const long q = std::lrint(values[k] * divisor);
            quantized = q >= 0 && q <= divisor && static_cast<float>(q / divisor) == values[k];
            if (quantized) ++histogram[q];
        }
        if (!quantized) continue;
        std::size_t k = 0;
        for (std::size_t q = 0; q < histogram.size(); ++q)
            for (std::size_t n = 0; n < histogram[q]; ++n)
                values[k++] = static_cast<float>(q / divisor);
        return values;
    }
    std::sort(values.begin(), values.end());
    return values;
}

// The median of sorted float32 values as numpy computes it.
float sorted_median(const std::vector<float>& sorted) {
    const std::size_t n = sorted.size(), half = n / 2;
    return n % 2 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2.0f;
}

// numpy.median of transform(v) over sorted float32 values, from their runs of equal values (an
// 8-bit image has at most 256), so no copy of the pixels is sorted again.
template <typename Transform>
float median_of_transformed(const std::vector<float>& sorted, Transform transform) {
    std::vector<std::pair<float, std::size_t>> runs;
    for (std::size_t k = 0; k < sorted.size();) {
        std::size_t end = k;
        while (end < sorted.size() && sorted[end] == sorted[k]) ++end;
        runs.emplace_back(transform(sorted[k]), end - k);
        k = end;
    }
    std::sort(runs.begin(), runs.end());
    // the elements at positions half - 1 and half of the transformed values in order
    const std::size_t n = sorted.size(), half = n / 2;
    auto element = [&](std::size_t position) {
        std::size_t seen = 0;
        for (const auto& [value, count] : runs) {
            seen += count;
            if (position < seen) return value;
        }
        return runs.back().first;
    };
    return n % 2 ? element(half) : (element(half - 1) + element(half)) / 2.0f;
}

// numpy.std of float32 values: float32 mean, float32 squared deviations, float32 sums.
float numpy_std(const std::vector<float>& values) {
    const float mean = numpy_float32_mean(values.data(), values.size());
    std::vector<float> squares(values.size());
    for (std::size_t k = 0; k < values.size(); ++k) {
        const float d = values[k] - mean;
        squares[k] = d * d;
    }
    return std::sqrt(numpy_float32_sum(squares.data(), squares.size()) /
                     static_cast<float>(values.size()));
}

// FocusScore: the variance normalised by the mean (CellProfiler's float32 steps).
double focus_score(const std::vector<float>& values) {
    const float mean = numpy_float32_mean(values.data(), values.size());
    if (!(mean > 0)) return NAN;  // CellProfiler records 0 for a black image; see docs
    std::vector<float> squares(values.size());
    for (std::size_t k = 0; k < values.size(); ++k) {
        const float d = values[k] - mean;
        squares[k] = d * d;
    }
    const float sum = numpy_float32_sum(squares.data(), squares.size());
    return sum / (static_cast<double>(values.size()) * mean);
}

// LocalFocusScore: the image cut into windows of `scale`, the normalised variance of each
// window, then the variance of those over their median (0 when it cannot be computed).
double local_focus_score(const cv::Mat& image, int scale) {
    const int rows = image.rows, cols = image.cols;
    const int m = (rows + scale - 1) / scale, n = (cols + scale - 1) / scale;
    std::vector<int> cell_row(rows), cell_col(cols);
    for (int r = 0; r < rows; ++r) cell_row[r] = static_cast<int>(r * double(m) / double(rows));
    for (int c = 0; c < cols; ++c) cell_col[c] = static_cast<int>(c * double(n) / double(cols));
    std::vector<double> sum(m * n, 0.0), count(m * n, 0.0), squares(m * n, 0.0);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const int cell = cell_row[r] * n + cell_col[c];
            sum[cell] += image.at<float>(r, c), count[cell] += 1;
        }
    std::vector<double> mean(m * n);
    for (int k = 0; k < m * n; ++k) mean[k] = count[k] > 0 ? sum[k] / count[k] : NAN;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const int cell = cell_row[r] * n + cell_col[c];
            const double d = image.at<float>(r, c) - mean[cell];
            squares[cell] += d * d;
        }
    std::vector<double> normalized;
    for (int k = 0; k < m * n; ++k)
        if (mean[k] != 0 && !std::isnan(mean[k]))
            normalized.push_back(squares[k] / (count[k] * mean[k]));
    // Deliberate difference: CellProfiler records 0 when no window has a positive mean.
    if (normalized.empty()) return NAN;
    std::vector<double> sorted(normalized);
    std::sort(sorted.begin(), sorted.end());
    const std::size_t h = sorted.size() / 2;
    const double median = sorted.size() % 2 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
    if (!(std::isfinite(median) && median > 0)) return NAN;
    double average = 0;
    for (double v : normalized) average += v;
    average /= normalized.size();
    double variance = 0;
    for (double v : normalized) variance += (v - average) * (v - average);
    return variance / normalized.size() / median;
}

// Haralick's correlation of the image at a horizontal offset of `scale` (centrosome.haralick:
// intensities stretched to 0..1, 8 levels, non-symmetric co-occurrence, levels counted from 1).
double haralick_correlation(const cv::Mat& image, int scale) {
    double minimum, maximum;
    cv::minMaxLoc(image, &minimum, &maximum);
    const double divisor = maximum > minimum ? static_cast<float>(maximum - minimum) : 1.0;
    cv::Mat levels(image.size(), CV_32S);
    int top = 0;
    for (int r = 0; r < image.rows; ++r)
        for (int c = 0; c < image.cols; ++c) {
            const float shifted = image.at<float>(r, c) - static_cast<float>(minimum);
            const double x = shifted / divisor;
            const int level = std::clamp(static_cast<int>(std::floor(x / (1.0 / kHaralickLevels))),
                                         0, kHaralickLevels - 1);
            levels.at<int>(r, c) = level;
            top = std::max(top, level);
        }
    const int nlevels = top + 1;
    std::vector<double> p(nlevels * nlevels, 0.0);
    double pairs = 0;
    for (int r = 0; r < image.rows; ++r)
        for (int c = 0; c + scale < image.cols; ++c)
            p[levels.at<int>(r, c) * nlevels + levels.at<int>(r, c + scale)] += 1, pairs += 1;
    if (pairs == 0) return NAN;
    for (double& v : p) v /= pairs;
    std::vector<double> px(nlevels, 0.0), py(nlevels, 0.0);
    for (int a = 0; a < nlevels; ++a)
        for (int b = 0; b < nlevels; ++b) px[a] += p[a * nlevels + b], py[b] += p[a * nlevels + b];
    const double sx = std::accumulate(px.begin(), px.end(), 0.0);
    const double sy = std::accumulate(py.begin(), py.end(), 0.0);
    double mux = 0, muy = 0, vx = 0, vy = 0, summed = 0;
    for (int a = 0; a < nlevels; ++a) px[a] /= sx, py[a] /= sy;
    for (int a = 0; a < nlevels; ++a) mux += (a + 1) * px[a], muy += (a + 1) * py[a];
    for (int a = 0; a < nlevels; ++a)
        vx += (a + 1 - mux) * (a + 1 - mux) * px[a], vy += (a + 1 - muy) * (a + 1 - muy) * py[a];
    for (int a = 0; a < nlevels; ++a)
        for (int b = 0; b < nlevels; ++b) summed += double(a + 1) * (b + 1) * p[a * nlevels + b];
    const double value = (summed - mux * muy) / (std::sqrt(vx) * std::sqrt(vy));
    // Deliberate difference: CellProfiler records 0 for a constant image; 0/0 is NaN here.
    return std::isfinite(value) ? value : NAN;
}

}  // namespace

namespace {

// The slope of log power against log radius over the radial power spectrum (centrosome's rps:
// intensities over their median absolute deviation, FFT of the mean-free image, ring sums for
// radii 2 .. min(shape)/8 - 1), fitted by least squares. NaN when it cannot be computed.
double power_log_log_slope(const cv::Mat& image, const std::vector<float>& values,
                           const std::vector<float>& sorted) {
    const int rows = image.rows, cols = image.cols;
    double minimum, maximum;
    cv::minMaxLoc(image, &minimum, &maximum);
    cv::Mat scaled = image.clone();
    if (maximum > minimum) {
        const float mean = numpy_float32_mean(values.data(), values.size());
        scaled /= static_cast<double>(
            median_of_transformed(sorted, [mean](float v) { return std::fabs(v - mean); }));
    }
    const std::vector<float> scaled_values = pixels_of(scaled);
    const float mean = numpy_float32_mean(scaled_values.data(), scaled_values.size());
    cv::Mat centred;
    // float32 FFT, as scipy.fftpack transforms CellProfiler's float32 image
    scaled.convertTo(centred, CV_32F, 1.0, -static_cast<double>(mean));
    cv::Mat spectrum;
    cv::dft(centred, spectrum, cv::DFT_COMPLEX_OUTPUT);

    const int last_label =
        static_cast<int>(std::floor(std::min(rows, cols) * kPowerSpectrumWidthFraction));
    std::vector<double> magnitude(last_label, 0.0), power(last_label, 0.0);
    for (int r = 0; r < rows; ++r) {
        // centrosome folds the frequency grid with flipud/fliplr, i.e. min(i, n - 1 - i), one
        // less than the true wrapped frequency n - i; kept for parity
        const int fr = std::min(r, rows - 1 - r);
        for (int c = 0; c < cols; ++c) {
            const int fc = std::min(c, cols - 1 - c);
            const int radius =
                static_cast<int>(std::floor(std::sqrt(double(fr) * fr + double(fc) * fc))) + 1;
            if (radius < 2 || radius >= last_label) continue;
            const cv::Vec2f z = spectrum.at<cv::Vec2f>(r, c);
            const float mag = static_cast<float>(std::hypot(z[0], z[1]));  // CellProfiler: float32
            magnitude[radius] += mag;
            power[radius] += mag * mag;
        }
    }
    double magnitude_total = 0;
    for (int l = 2; l < last_label; ++l) magnitude_total += magnitude[l];
    if (!(magnitude_total > 0) || !(maximum > minimum)) return NAN;
    std::vector<double> x, y;
    for (int l = 2; l < last_label; ++l) {
        if (!(magnitude[l] > 0) || !std::isfinite(std::log(power[l]))) continue;
        x.push_back(std::log(double(l))), y.push_back(std::log(power[l]));
    }
    if (x.size() < 2) return NAN;
    double mx = 0, my = 0;
    for (std::size_t k = 0; k < x.size(); ++k) mx += x[k], my += y[k];
    mx /= x.size(), my /= x.size();
    double sxy = 0, sxx = 0;
    for (std::size_t k = 0; k < x.size(); ++k)
        sxy += (x[k] - mx) * (y[k] - my), sxx += (x[k] - mx) * (x[k] - mx);
    return sxy / sxx;
}

// centrosome.otsu.running_variance: the variance of x[0..i] for every i (0 for i = 0).
std::vector<double> running_variance(const std::vector<double>& x) {
    const std::size_t n = x.size();
    std::vector<double> mean(n), out(n, 0.0);
    double cumulative = 0;
    for (std::size_t i = 0; i < n; ++i) cumulative += x[i], mean[i] = cumulative / double(i + 1);
    double s = 0;
    for (std::size_t i = 1; i < n; ++i) {
        s += (x[i] - mean[i - 1]) * (x[i] - mean[i]);
        out[i] = s / double(i);
    }
    return out;
}

// centrosome's two-class Otsu (weighted variance) on log-transformed intensities, as
// MeasureImageQuality's "ThresholdOtsu_<channel>_2W".
double otsu_threshold(const std::vector<float>& sorted_pixels) {
    std::vector<float> data;
    for (float v : sorted_pixels)
        if (v >= 0) data.push_back(v);
    if (data.empty()) return 1.0;
    const float lowest = data.front();
    const float highest = data.back();
    // log_transform: clamp at half a bit of an 8-bit range above the minimum, log in float32
    const double noise_min = double(lowest) + double(highest - lowest) / 256.0 + kFloat32Epsilon;
    const float floor_value = static_cast<float>(noise_min);
    std::vector<double> logs(data.size());
    for (std::size_t k = 0; k < data.size(); ++k)
        logs[k] = std::log(std::max(data[k], floor_value));  // float32 log, as numpy's
    const double log_min = logs.front(), log_max = logs.back();
    if (log_max > log_min)
        for (double& v : logs) v = (v - log_min) / (log_max - log_min);
    const std::size_t n = logs.size();
    if (n == 1) return std::exp(logs[0] * (log_max - log_min) + log_min);
    const std::size_t step = n / std::min<std::size_t>(kOtsuBins, n);
    const std::vector<double> forward = running_variance(logs);
    std::vector<double> reversed(logs.rbegin(), logs.rend());
    std::vector<double> backward = running_variance(reversed);
    std::reverse(backward.begin(), backward.end());
    std::vector<double> thresholds, scores;
    for (std::size_t i = 0, j = 1; j < n; i += step, j += step) {
        thresholds.push_back(logs[j]);
        scores.push_back(forward[i] * double(i) + backward[j] * double(n - j));
    }
    const std::size_t best = std::min_element(scores.begin(), scores.end()) - scores.begin();
    const std::size_t low = best == 0 ? 0 : best - 1;
    const std::size_t high = best + 1 == thresholds.size() ? best : best + 1;
    const double t = (thresholds[low] + thresholds[high]) / 2;
    return std::exp(t * (log_max - log_min) + log_min);
}

}  // namespace

Figures measure_image_quality(const cv::Mat& image, const std::string& channel,
                              const ImageQualitySettings& settings) {
    CV_Assert(image.type() == CV_32F);
    if (image.empty()) throw InputError("image " + channel + " is empty");
    if (!cv::checkRange(image)) {
        // A NaN or infinite pixel (floating-point files only) leaves every figure undefined,
        // and the sorts below need ordered values: the figures keep their names, all NaN.
        Figures figures =
            measure_image_quality(cv::Mat::zeros(image.size(), CV_32F), channel, settings);
        for (auto& figure : figures) figure.second = std::numeric_limits<double>::quiet_NaN();
        return figures;
    }
    const std::vector<float> values = pixels_of(image);
    const std::vector<float> sorted = sorted_values(values);
    const std::string suffix = "_" + channel;
    Figures out;
    if (settings.blur) {
        out.emplace_back("ImageQuality_FocusScore" + suffix, focus_score(values));
        for (int scale : settings.blur_scales) {
            const std::string scaled = suffix + "_" + std::to_string(scale);
            out.emplace_back("ImageQuality_LocalFocusScore" + scaled,
                             local_focus_score(image, scale));
            out.emplace_back("ImageQuality_Correlation" + scaled,
                             haralick_correlation(image, scale));
        }
        out.emplace_back("ImageQuality_PowerLogLogSlope" + suffix,
                         power_log_log_slope(image, values, sorted));
    }
    if (settings.saturation) {
        const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
        const double n = static_cast<double>(values.size());
        out.emplace_back("ImageQuality_PercentMaximal" + suffix,
                         100.0 * std::count(values.begin(), values.end(), *highest) / n);
        out.emplace_back("ImageQuality_PercentMinimal" + suffix,
                         100.0 * std::count(values.begin(), values.end(), *lowest) / n);
    }
    if (settings.intensity) {
        const float total = numpy_float32_sum(values.data(), values.size());
        const float median = sorted_median(sorted);
        const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
        out.emplace_back("ImageQuality_TotalArea" + suffix, static_cast<double>(values.size()));
        out.emplace_back("ImageQuality_TotalIntensity" + suffix, total);
        out.emplace_back("ImageQuality_MeanIntensity" + suffix, double(total) / values.size());
        out.emplace_back("ImageQuality_MedianIntensity" + suffix, median);
        out.emplace_back("ImageQuality_StdIntensity" + suffix, numpy_std(values));
        out.emplace_back(
            "ImageQuality_MADIntensity" + suffix,
            median_of_transformed(sorted, [median](float v) { return std::fabs(v - median); }));
        out.emplace_back("ImageQuality_MinIntensity" + suffix, *lowest);
        out.emplace_back("ImageQuality_MaxIntensity" + suffix, *highest);
    }
    if (settings.threshold)
        out.emplace_back("ImageQuality_ThresholdOtsu" + suffix + "_2W", otsu_threshold(sorted));
    if (settings.include_scaling)
        out.emplace_back("ImageQuality_Scaling" + suffix, settings.scaling);
    return out;
}

}  // namespace hcs::measure
