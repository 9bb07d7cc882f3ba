// Distance - N and Distance - B of CellProfiler's IdentifySecondaryObjects. The nearest-seed
// search is the separable Voronoi feature transform scipy.ndimage uses (Maurer, Qi and Raghavan
// 2003; scipy's _VoronoiFT), reproduced with its tie rules so that pixels equidistant from two
// nuclei go where CellProfiler sends them.
#include "hcs/segment/distance_expansion.hpp"

#include <stdexcept>
#include <vector>

#include "hcs/segment/propagate.hpp"

namespace hcs::segment {
namespace {

// Distance - B's regularization: CellProfiler calls propagate(..., 1.0) for it.
constexpr double kDistanceBRegularization = 1.0;

struct Feature {
    int row;  // -1: no feature
    int col;
};

// One line of scipy's _VoronoiFT. `line[k]` is the feature found so far for position k of the
// line; `fixed` is the line's coordinate on the other axis, `along_rows` says whether the line
// runs along rows (positions are row numbers) or along columns.
void voronoi_line(std::vector<Feature>& line, int fixed, bool along_rows, std::vector<int>& kept) {
    const auto along = [&](const Feature& f) { return along_rows ? f.row : f.col; };
    const auto across = [&](const Feature& f) { return along_rows ? f.col : f.row; };
    const int length = static_cast<int>(line.size());

    // Keep the features whose Voronoi cells cross this line (scipy's first loop).
    kept.clear();
    for (int k = 0; k < length; ++k) {
        if (line[k].row < 0) continue;
        const double offset_w = across(line[k]) - fixed;
        const double w_squared = offset_w * offset_w;
        const double position = along(line[k]);
        while (kept.size() >= 2) {
            const Feature& last = line[kept[kept.size() - 1]];
            const Feature& before = line[kept[kept.size() - 2]];
            const double a = along(last) - along(before);
            const double b = position - along(last);
            const double c = a + b;
            const double offset_u = across(before) - fixed;
            const double offset_v = across(last) - fixed;
            const double u_squared = offset_u * offset_u;
            const double v_squared = offset_v * offset_v;
            if (c * v_squared - b * u_squared - a * w_squared - a * b * c <= 0.0) break;
            kept.pop_back();
        }
        kept.push_back(k);
    }
    if (kept.empty()) return;

    // Each position takes the first kept feature not farther than the next one (ties stay).
    std::vector<Feature> chosen(length);
    std::size_t l = 0;
    for (int k = 0; k < length; ++k) {
        const auto distance_to = [&](std::size_t index) {
            const Feature& f = line[kept[index]];
            const double d_row = along_rows ? f.row - k : f.row - fixed;
            const double d_col = along_rows ? f.col - fixed : f.col - k;
            return d_row * d_row + d_col * d_col;
        };
        double nearest = distance_to(l);
        while (l + 1 < kept.size()) {
            const double next = distance_to(l + 1);
            if (nearest <= next) break;
            nearest = next;
            ++l;
        }
        chosen[k] = line[kept[l]];
    }
    line = chosen;
}

}  // namespace

cv::Mat nearest_seed_pixels(const cv::Mat& seeds) {
    if (seeds.type() != CV_32S) throw std::invalid_argument("nearest_seed_pixels: need CV_32S");
    const int rows = seeds.rows;
    const int cols = seeds.cols;
    std::vector<Feature> features(static_cast<std::size_t>(rows) * cols, Feature{-1, -1});
    std::vector<int> kept;

    // scipy works axis 0 first (down each column), then axis 1 (along each row).
    std::vector<Feature> line(rows);
    for (int col = 0; col < cols; ++col) {
        for (int row = 0; row < rows; ++row) {
            line[row] = seeds.at<int>(row, col) != 0 ? Feature{row, col} : Feature{-1, -1};
        }
        voronoi_line(line, col, true, kept);
        for (int row = 0; row < rows; ++row) features[row * cols + col] = line[row];
    }
    line.resize(cols);
    for (int row = 0; row < rows; ++row) {
        for (int col = 0; col < cols; ++col) line[col] = features[row * cols + col];
        voronoi_line(line, row, false, kept);
        for (int col = 0; col < cols; ++col) features[row * cols + col] = line[col];
    }

    cv::Mat nearest(rows, cols, CV_32SC2);
    for (int row = 0; row < rows; ++row) {
        for (int col = 0; col < cols; ++col) {
            const Feature& f = features[row * cols + col];
            nearest.at<cv::Vec2i>(row, col) = cv::Vec2i(f.row, f.col);
        }
    }
    return nearest;
}

cv::Mat expand_seeds_by_distance(const cv::Mat& seeds, int distance) {
    const cv::Mat nearest = nearest_seed_pixels(seeds);
    const long long limit = static_cast<long long>(distance) * distance;
    cv::Mat cells = cv::Mat::zeros(seeds.size(), CV_32S);
    for (int row = 0; row < seeds.rows; ++row) {
        for (int col = 0; col < seeds.cols; ++col) {
            const cv::Vec2i f = nearest.at<cv::Vec2i>(row, col);
            if (f[0] < 0) continue;
            const long long d_row = f[0] - row;
            const long long d_col = f[1] - col;
            // sqrt(d^2) <= N exactly when d^2 <= N^2 for integers, so no rounding enters.
            if (d_row * d_row + d_col * d_col <= limit) {
                cells.at<int>(row, col) = seeds.at<int>(f[0], f[1]);
            }
        }
    }
    return cells;
}

cv::Mat expand_seeds_within_foreground(const cv::Mat& image, const cv::Mat& seeds,
                                       const cv::Mat& foreground, int distance) {
    PropagationResult grown = propagate(image, seeds, foreground, kDistanceBRegularization);
    grown.labels.setTo(0, grown.distances > distance);
    seeds.copyTo(grown.labels, seeds > 0);
    return grown.labels;
}

}  // namespace hcs::segment
