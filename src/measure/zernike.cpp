// Zernike moments per object following centrosome.zernike (construct_zernike_polynomials,
// score_zernike): polynomial radial parts by Horner's rule from the factorial table, angular
// part (y + i x)^m, points with r^2 > 1 set to zero, |sum| / (pi r^2).

#include "hcs/measure/zernike.hpp"

#include <cmath>
#include <complex>
#include <limits>
#include <stdexcept>

#include "hcs/measure/enclosing_circle.hpp"

namespace hcs::measure {

namespace {

constexpr double kPi = 3.14159265358979323846;
// Highest angular order m handled per pixel (CellProfiler measures orders 0..9).
constexpr int kMaxPower = 9;

double factorial(int n) {
    double result = 1;
    for (int k = 2; k <= n; ++k) result *= k;
    return result;
}

// Coefficients of R_n^m(r) from the highest power of r^2 down, as centrosome's lookup table.
std::vector<double> radial_coefficients(int n, int m) {
    std::vector<double> coefficients;
    double sign = 1;
    for (int k = 0; k <= (n - m) / 2; ++k) {
        coefficients.push_back(
            sign * factorial(n - k) /
            (factorial(k) * factorial((n + m) / 2 - k) * factorial((n - m) / 2 - k)));
        sign = -sign;
    }
    return coefficients;
}

}  // namespace

std::vector<std::pair<int, int>> zernike_indexes(int max_order) {
    std::vector<std::pair<int, int>> indexes;
    for (int n = 0; n <= max_order; ++n) {
        for (int m = n % 2; m <= n; m += 2) indexes.emplace_back(n, m);
    }
    return indexes;
}

std::vector<std::vector<double>> zernike_moments(const ObjectSet& objects,
                                                 const std::vector<std::pair<int, int>>& indexes) {
    std::vector<std::vector<double>> coefficients;
    for (const auto& index : indexes) {
        if (index.second > kMaxPower) throw std::invalid_argument("Zernike order above 9");
    }
    for (const auto& [n, m] : indexes) coefficients.push_back(radial_coefficients(n, m));

    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<std::vector<double>> scores(static_cast<std::size_t>(objects.count),
                                            std::vector<double>(indexes.size(), nan));
    // centrosome finds all circles in one vectorised pass, over the labels present.
    std::vector<int> present;
    std::vector<std::vector<cv::Point>> hulls;
    for (int label = 1; label <= objects.count; ++label) {
        const cv::Rect box = objects.boxes[static_cast<std::size_t>(label - 1)];
        if (box.empty()) continue;
        present.push_back(label);
        hulls.push_back(centrosome_hull(objects.labels, box, label));
    }
    const std::vector<EnclosingCircle> circles = centrosome_enclosing_circles(hulls);

    std::vector<std::complex<double>> sums(indexes.size());
    for (std::size_t p = 0; p < present.size(); ++p) {
        const int label = present[p];
        const cv::Rect box = objects.boxes[static_cast<std::size_t>(label - 1)];
        const EnclosingCircle& circle = circles[p];
        std::fill(sums.begin(), sums.end(), std::complex<double>());

        for (int y = box.y; y < box.y + box.height; ++y) {
            const int* row = objects.labels.ptr<int>(y);
            for (int x = box.x; x < box.x + box.width; ++x) {
                if (row[x] != label) continue;
                // A one-pixel object has radius 0: centrosome divides 0 by 0 (NaN) as well.
                const double u = (x - circle.center_j) / circle.radius;
                const double v = (y - circle.center_i) / circle.radius;
                const double r2 = u * u + v * v;
                std::complex<double> powers[kMaxPower + 1];
                powers[0] = 1;
                for (int m = 1; m <= kMaxPower; ++m)
                    powers[m] = powers[m - 1] * std::complex<double>(v, u);
                for (std::size_t i = 0; i < indexes.size(); ++i) {
                    double radial = 0;
                    for (double c : coefficients[i]) radial = radial * r2 + c;
                    if (r2 > 1) radial = 0;
                    const int m = indexes[i].second;
                    sums[i] += radial * powers[m];
                }
            }
        }
        const double area = kPi * circle.radius * circle.radius;
        for (std::size_t i = 0; i < indexes.size(); ++i) {
            scores[static_cast<std::size_t>(label - 1)][i] = std::sqrt(std::norm(sums[i])) / area;
        }
    }
    return scores;
}

}  // namespace hcs::measure
