// Colocalisation of two channels as CellProfiler's MeasureColocalization computes it
// (Pearson, Manders 1992, rank-weighted colocalisation of Singan et al. 2011, overlap and K of
// Manders 1993, Costes et al. 2004 automatic threshold), on whole images and within objects.
#include "hcs/measure/colocalization.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "hcs/core/errors.hpp"
#include "hcs/measure/numpy_sum.hpp"

namespace hcs::measure {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

float float32_sum(const std::vector<float>& values) {
    return numpy_float32_sum(values.data(), values.size());
}

// Python's float floor division (fmod based), which CellProfiler's Costes bisection uses.
double python_floor_divide(double numerator, double denominator) {
    const double mod = std::fmod(numerator, denominator);
    double quotient = (numerator - mod) / denominator;
    if (mod != 0.0 && ((denominator < 0) != (mod < 0))) quotient -= 1.0;
    if (quotient == 0.0) return std::copysign(0.0, numerator / denominator);
    double floored = std::floor(quotient);
    if (quotient - floored > 0.5) floored += 1.0;
    return floored;
}

// Pearson's r in float64 as scipy.stats.pearsonr; NaN for fewer than 2 or constant values.
double pearson(const std::vector<float>& x, const std::vector<float>& y) {
    const std::size_t n = x.size();
    if (n < 2) return kNaN;
    double mean_x = 0, mean_y = 0;
    for (std::size_t k = 0; k < n; ++k) mean_x += x[k], mean_y += y[k];
    mean_x /= n, mean_y /= n;
    double sxx = 0, syy = 0, sxy = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const double dx = x[k] - mean_x, dy = y[k] - mean_y;
        sxx += dx * dx, syy += dy * dy, sxy += dx * dy;
    }
    if (sxx == 0 || syy == 0) return kNaN;
    return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

// The orthogonal-regression line y = a x + b through the pixels where either channel is
// non-zero (numpy float32 variances; our float64 values rounded to float32).
struct RegressionLine {
    float a = 0, b = 0;
};

RegressionLine costes_line(const std::vector<float>& x, const std::vector<float>& y) {
    double n = 0, mx = 0, my = 0;
    for (std::size_t k = 0; k < x.size(); ++k)
        if (x[k] > 0 || y[k] > 0) ++n, mx += x[k], my += y[k];
    mx /= n, my /= n;
    double vx = 0, vy = 0, vz = 0;
    for (std::size_t k = 0; k < x.size(); ++k) {
        if (!(x[k] > 0 || y[k] > 0)) continue;
        const double dx = x[k] - mx, dy = y[k] - my;
        vx += dx * dx, vy += dy * dy, vz += (dx + dy) * (dx + dy);
    }
    const float xvar = static_cast<float>(vx / (n - 1)), yvar = static_cast<float>(vy / (n - 1));
    const float zvar = static_cast<float>(vz / (n - 1));
    const float covar = 0.5f * (zvar - (xvar + yvar));
    const float numerator =
        (yvar - xvar) + std::sqrt((yvar - xvar) * (yvar - xvar) + 4.0f * (covar * covar));
    RegressionLine line;
    line.a = numerator / (2.0f * covar);
    line.b = static_cast<float>(my) - line.a * static_cast<float>(mx);
    return line;
}

// Pearson's r of the pixels below the candidate thresholds in either channel, in two passes
// without copying them (scipy.stats.pearsonr: mean first, then centred sums, float64).
double costes_r_below(const std::vector<float>& x, const std::vector<float>& y, double tx,
                      double ty, std::size_t& count) {
    const float fx = static_cast<float>(tx), fy = static_cast<float>(ty);
    const std::size_t n = x.size();
    double sum_x = 0, sum_y = 0;
    count = 0;
    for (std::size_t k = 0; k < n; ++k)
        if (x[k] < fx || y[k] < fy) sum_x += x[k], sum_y += y[k], ++count;
    if (count <= 2) return kNaN;
    const double mx = sum_x / count, my = sum_y / count;
    double sxx = 0, syy = 0, sxy = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (!(x[k] < fx || y[k] < fy)) continue;
        const double dx = x[k] - mx, dy = y[k] - my;
        sxx += dx * dx, syy += dy * dy, sxy += dx * dy;
    }
    if (sxx == 0 || syy == 0) return kNaN;
    return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

// CellProfiler's "Faster" search: bisection on 1..scale, testing 1/6 below the window's top.
CostesThresholds bisection_costes(const std::vector<float>& x, const std::vector<float>& y,
                                  double scale) {
    const RegressionLine line = costes_line(x, y);
    double left = 1, right = scale, last_mid = 0, valid = 1;
    double mid = python_floor_divide(right - left, 6.0 / 5.0) + left;
    while (last_mid != mid) {
        const double tx = mid / scale;
        const double ty = static_cast<double>(line.a) * tx + line.b;
        std::size_t count = 0;
        const double r = costes_r_below(x, y, tx, ty, count);
        if (count <= 2 || r < 0) {
            left = mid - 1;
        } else if (r >= 0) {
            right = mid + 1;
            valid = mid;
        }
        last_mid = mid;
        const double divisor = right - left > 6 ? 6.0 / 5.0 : 2.0;
        mid = python_floor_divide(right - left, divisor) + left;
    }
    const double tx = (valid - 1) / scale;
    return {tx, static_cast<double>(line.a) * tx + line.b};
}

// CellProfiler's linear search from the top ("Fast"; CellProfiler also runs "Accurate" this
// way, as its library never passes the method on).
CostesThresholds linear_costes(const std::vector<float>& x, const std::vector<float>& y,
                               double scale) {
    const RegressionLine line = costes_line(x, y);
    const double step = 1.0 / scale;
    const float x_max = *std::max_element(x.begin(), x.end());
    const float y_max = *std::max_element(y.begin(), y.end());
    double i = step * (python_floor_divide(std::max(x_max, y_max), step) + 1);
    double r = pearson(x, y);
    CostesThresholds t{i, static_cast<double>(line.a) * i + line.b};
    while (i > x_max && static_cast<double>(line.a) * i + line.b > y_max) i -= step;
    std::size_t last_count = std::numeric_limits<std::size_t>::max();
    while (i > step) {
        t = {i, static_cast<double>(line.a) * i + line.b};
        std::size_t count = 0;
        const double candidate = costes_r_below(x, y, t.first, t.second, count);
        if (count != last_count) {
            if (count < 2) break;  // scipy raises; CellProfiler stops
            r = candidate, last_count = count;
        }
        if (r <= 0) break;
        if (i < step * 10)
            i -= step;
        else if (r > 0.45)
            i -= step * 10;
        else if (r > 0.35)
            i -= step * 5;
        else if (r > 0.25)
            i -= step * 2;
        else
            i -= step;
    }
    return t;
}

CostesThresholds costes_of_pixels(const std::vector<float>& x, const std::vector<float>& y,
                                  const ColocalizationSettings& settings) {
    const double scale = std::max(settings.scale_first, settings.scale_second);
    if (settings.costes_method == CostesMethod::Faster) return bisection_costes(x, y, scale);
    return linear_costes(x, y, scale);
}

std::string pair_name(const char* metric, const std::string& a, const std::string& b) {
    return std::string("Correlation_") + metric + "_" + a + "_" + b;
}

// CellProfiler's threshold: a float32 percentage of the (object's or image's) float32 maximum.
float percent_of_max(double percent, float maximum) {
    return static_cast<float>(percent / 100.0) * maximum;
}

}  // namespace

namespace {

// Dense ranks when every value is some k / divisor rounded to float32 (8-, 12- and 16-bit
// images): a table over k replaces the sort. Empty when the values are not of that form.
std::vector<int> quantized_ranks(const std::vector<float>& values) {
    for (const double divisor : {255.0, 4095.0, 65535.0}) {
        std::vector<int> level(values.size());
        bool quantized = true;
        for (std::size_t k = 0; k < values.size() && quantized; ++k) {
            const long q = std::lrint(values[k] * divisor);
            quantized = q >= 0 && q <= divisor && static_cast<float>(q / divisor) == values[k];
            level[k] = static_cast<int>(q);
        }
        if (!quantized) continue;
        std::vector<int> rank_of(static_cast<std::size_t>(divisor) + 1, 0);
        for (int l : level) rank_of[l] = 1;
        int rank = 0;
        for (int& r : rank_of) r = r ? rank++ : -1;
        for (int& l : level) l = rank_of[l];
        return level;
    }
    return {};
}

// Dense ranks (0 = lowest distinct value) over a set of values, as CellProfiler's lexsort.
std::vector<int> dense_ranks(const std::vector<float>& values) {
    std::vector<int> ranks = quantized_ranks(values);
    if (!ranks.empty() || values.empty()) return ranks;
    std::vector<float> distinct(values);
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    ranks.resize(values.size());
    for (std::size_t k = 0; k < values.size(); ++k)
        ranks[k] = static_cast<int>(std::lower_bound(distinct.begin(), distinct.end(), values[k]) -
                                    distinct.begin());
    return ranks;
}

// The rank weight (R - |rank1 - rank2|) / R of each pixel.
std::vector<double> rank_weights(const std::vector<float>& x, const std::vector<float>& y) {
    const std::vector<int> rx = dense_ranks(x), ry = dense_ranks(y);
    int top = 0;
    for (std::size_t k = 0; k < x.size(); ++k) top = std::max({top, rx[k], ry[k]});
    const double r = top + 1;
    std::vector<double> weights(x.size());
    for (std::size_t k = 0; k < x.size(); ++k) weights[k] = (r - std::abs(rx[k] - ry[k])) / r;
    return weights;
}

}  // namespace

CostesThresholds costes_thresholds(const cv::Mat& first, const cv::Mat& second,
                                   const ColocalizationSettings& settings) {
    CV_Assert(first.type() == CV_32F && second.type() == CV_32F && first.size() == second.size());
    std::vector<float> x, y;
    x.reserve(first.total()), y.reserve(first.total());
    for (int row = 0; row < first.rows; ++row)
        for (int col = 0; col < first.cols; ++col) {
            const float u = first.at<float>(row, col), v = second.at<float>(row, col);
            if (std::isnan(u) || std::isnan(v)) continue;
            x.push_back(u), y.push_back(v);
        }
    if (x.empty()) return {kNaN, kNaN};
    return costes_of_pixels(x, y, settings);
}

std::vector<std::pair<std::string, double>> measure_image_colocalization(
    const cv::Mat& first, const cv::Mat& second, const std::string& a, const std::string& b,
    const ColocalizationSettings& settings, const CostesThresholds* given) {
    CV_Assert(first.type() == CV_32F && second.type() == CV_32F);
    if (first.size() != second.size())
        throw InputError("images " + a + " and " + b + " differ in size");
    std::vector<float> x, y;
    for (int row = 0; row < first.rows; ++row) {
        for (int col = 0; col < first.cols; ++col) {
            const float u = first.at<float>(row, col), v = second.at<float>(row, col);
            if (std::isnan(u) || std::isnan(v)) continue;
            x.push_back(u), y.push_back(v);
        }
    }
    std::vector<std::pair<std::string, double>> out;
    if (x.empty()) return out;  // caller fills NaN columns; see docs
    const std::size_t n = x.size();

    if (settings.correlation) {
        out.emplace_back(pair_name("Correlation", a, b), pearson(x, y));
        // least squares y = slope x + c, float32 data (CellProfiler: scipy lstsq in float32)
        double mx = 0, my = 0;
        for (std::size_t k = 0; k < n; ++k) mx += x[k], my += y[k];
        mx /= n, my /= n;
        double sxy = 0, sxx = 0;
        for (std::size_t k = 0; k < n; ++k)
            sxy += (x[k] - mx) * (y[k] - my), sxx += (x[k] - mx) * (x[k] - mx);
        out.emplace_back(pair_name("Slope", a, b), static_cast<float>(sxy / sxx));
    }

    const float tx =
        percent_of_max(settings.threshold_percent, *std::max_element(x.begin(), x.end()));
    const float ty =
        percent_of_max(settings.threshold_percent, *std::max_element(y.begin(), y.end()));
    double total_x = 0, total_y = 0;  // scipy.ndimage.sum: float64
    std::vector<float> common_x, common_y, products, squares_x, squares_y;
    std::vector<double> weights;
    if (settings.rwc) weights = rank_weights(x, y);
    double rwc_x = 0, rwc_y = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (x[k] >= tx) total_x += x[k];
        if (y[k] >= ty) total_y += y[k];
        if (!(x[k] >= tx && y[k] >= ty)) continue;
        common_x.push_back(x[k]), common_y.push_back(y[k]);
        products.push_back(x[k] * y[k]);
        squares_x.push_back(x[k] * x[k]), squares_y.push_back(y[k] * y[k]);
        if (settings.rwc) rwc_x += x[k] * weights[k], rwc_y += y[k] * weights[k];
    }
    if (settings.manders) {
        out.emplace_back(pair_name("Manders", a, b), float32_sum(common_x) / total_x);
        out.emplace_back(pair_name("Manders", b, a), float32_sum(common_y) / total_y);
    }
    if (settings.rwc) {
        out.emplace_back(pair_name("RWC", a, b), rwc_x / total_x);
        out.emplace_back(pair_name("RWC", b, a), rwc_y / total_y);
    }
    if (settings.overlap) {
        const float product = float32_sum(products);
        const float sx = float32_sum(squares_x), sy = float32_sum(squares_y);
        out.emplace_back(pair_name("Overlap", a, b), product / std::sqrt(sx * sy));
        out.emplace_back(pair_name("K", a, b), product / sx);
        out.emplace_back(pair_name("K", b, a), product / sy);
    }
    if (settings.costes) {
        const CostesThresholds t = given ? *given : costes_of_pixels(x, y, settings);
        const float cx = static_cast<float>(t.first), cy = static_cast<float>(t.second);
        std::vector<float> above_x, above_y, both_x, both_y;
        for (std::size_t k = 0; k < n; ++k) {
            if (x[k] >= cx) above_x.push_back(x[k]);
            if (y[k] >= cy) above_y.push_back(y[k]);
            if (x[k] >= cx && y[k] >= cy) both_x.push_back(x[k]), both_y.push_back(y[k]);
        }
        out.emplace_back(pair_name("Costes", a, b), float32_sum(both_x) / float32_sum(above_x));
        out.emplace_back(pair_name("Costes", b, a), float32_sum(both_y) / float32_sum(above_y));
    }
    return out;
}

namespace {

// One object's pixels, in raster order of its bounding box.
struct ObjectPixels {
    std::vector<float> x, y;
    std::vector<int> global_index;  // position among all object pixels (for the ranks)
};

struct ObjectSums {
    double corr = kNaN, m1 = kNaN, m2 = kNaN, rwc1 = kNaN, rwc2 = kNaN;
    double overlap = kNaN, k1 = kNaN, k2 = kNaN, c1 = kNaN, c2 = kNaN;
};

double object_correlation(const ObjectPixels& p) {
    const std::size_t n = p.x.size();
    double mx = 0, my = 0;
    for (std::size_t k = 0; k < n; ++k) mx += p.x[k], my += p.y[k];
    mx /= n, my /= n;
    double sx = 0, sy = 0;
    for (std::size_t k = 0; k < n; ++k)
        sx += (p.x[k] - mx) * (p.x[k] - mx), sy += (p.y[k] - my) * (p.y[k] - my);
    sx = std::sqrt(sx), sy = std::sqrt(sy);
    double corr = 0;
    for (std::size_t k = 0; k < n; ++k) corr += (p.x[k] - mx) * (p.y[k] - my) / (sx * sy);
    return corr;
}

}  // namespace

Measurements measure_colocalization(const ObjectSet& objects, const cv::Mat& first,
                                    const cv::Mat& second, const std::string& a,
                                    const std::string& b, const ColocalizationSettings& settings,
                                    const CostesThresholds* given) {
    CV_Assert(first.type() == CV_32F && second.type() == CV_32F);
    if (first.size() != objects.labels.size() || second.size() != objects.labels.size())
        throw InputError("images " + a + ", " + b + " and objects " + objects.name +
                         " differ in size");
    const int count = objects.count;

    // Gather each object's pixels from its box; ranks and Costes need all of them together.
    std::vector<ObjectPixels> pixels(count);
    std::vector<float> all_x, all_y;
    for (int label = 1; label <= count; ++label) {
        const cv::Rect& box = objects.boxes[label - 1];
        ObjectPixels& p = pixels[label - 1];
        for (int row = box.y; row < box.y + box.height; ++row) {
            const int* owner = objects.labels.ptr<int>(row);
            for (int col = box.x; col < box.x + box.width; ++col) {
                if (owner[col] != label) continue;
                const float u = first.at<float>(row, col), v = second.at<float>(row, col);
                if (std::isnan(u) || std::isnan(v)) continue;
                p.x.push_back(u), p.y.push_back(v);
                p.global_index.push_back(static_cast<int>(all_x.size()));
                all_x.push_back(u), all_y.push_back(v);
            }
        }
    }
    std::vector<double> weights;
    if (settings.rwc && !all_x.empty()) weights = rank_weights(all_x, all_y);

    // Costes' thresholds come from the whole image and are applied to every object.
    CostesThresholds costes;
    if (settings.costes) costes = given ? *given : costes_thresholds(first, second, settings);

    std::vector<ObjectSums> sums(count);
    for (int label = 1; label <= count; ++label) {
        const ObjectPixels& p = pixels[label - 1];
        ObjectSums& s = sums[label - 1];
        if (p.x.empty()) continue;
        s.corr = object_correlation(p);
        const float tx =
            percent_of_max(settings.threshold_percent, *std::max_element(p.x.begin(), p.x.end()));
        const float ty =
            percent_of_max(settings.threshold_percent, *std::max_element(p.y.begin(), p.y.end()));
        const float cx = static_cast<float>(costes.first), cy = static_cast<float>(costes.second);
        double total_x = 0, total_y = 0, both_x = 0, both_y = 0, rwc_x = 0, rwc_y = 0;
        double product = 0, square_x = 0, square_y = 0;
        double costes_x = 0, costes_y = 0, costes_both_x = 0, costes_both_y = 0;
        for (std::size_t k = 0; k < p.x.size(); ++k) {
            const float u = p.x[k], v = p.y[k];
            if (u >= tx) total_x += u;
            if (v >= ty) total_y += v;
            if (u >= tx && v >= ty) {
                both_x += u, both_y += v;
                if (settings.rwc) {
                    const double w = weights[p.global_index[k]];
                    rwc_x += static_cast<double>(u) * w, rwc_y += static_cast<double>(v) * w;
                }
                product += u * v, square_x += u * u, square_y += v * v;  // float32 products
            }
            if (u >= cx) costes_x += u;
            if (v >= cy) costes_y += v;
            if (u >= cx && v >= cy) costes_both_x += u, costes_both_y += v;
        }
        s.m1 = both_x / total_x, s.m2 = both_y / total_y;
        s.rwc1 = rwc_x / total_x, s.rwc2 = rwc_y / total_y;
        s.overlap = product / std::sqrt(square_x * square_y);
        s.k1 = product / square_x, s.k2 = product / square_y;
        s.c1 = costes_both_x / costes_x, s.c2 = costes_both_y / costes_y;
    }

    Measurements out;
    auto column = [&](const std::string& name, double ObjectSums::*field) {
        std::vector<double> values(count);
        for (int k = 0; k < count; ++k) values[k] = sums[k].*field;
        out.emplace_back(name, std::move(values));
    };
    if (settings.correlation) column(pair_name("Correlation", a, b), &ObjectSums::corr);
    if (settings.manders) {
        column(pair_name("Manders", a, b), &ObjectSums::m1);
        column(pair_name("Manders", b, a), &ObjectSums::m2);
    }
    if (settings.rwc) {
        column(pair_name("RWC", a, b), &ObjectSums::rwc1);
        column(pair_name("RWC", b, a), &ObjectSums::rwc2);
    }
    if (settings.overlap) {
        column(pair_name("Overlap", a, b), &ObjectSums::overlap);
        column(pair_name("K", a, b), &ObjectSums::k1);
        column(pair_name("K", b, a), &ObjectSums::k2);
    }
    if (settings.costes) {
        column(pair_name("Costes", a, b), &ObjectSums::c1);
        column(pair_name("Costes", b, a), &ObjectSums::c2);
    }
    return out;
}

}  // namespace hcs::measure
