// CellProfiler's "advanced" AreaShape features (MeasureObjectSizeShape, calculate_advanced):
// scikit-image 0.19 regionprops moments of the object's crop - spatial, central, normalised and
// Hu moments, inertia tensor and its eigenvalues - with (row, column) = (p, q) powers.

#include <array>
#include <cmath>
#include <limits>
#include <string>

#include "hcs/measure/area_shape.hpp"

namespace hcs::measure {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kOrder = 4;  // regionprops computes moments up to order 3

using MomentTable = std::array<std::array<double, kOrder>, kOrder>;

// sum over object pixels of (row - row0)^p (column - column0)^q, p, q = 0..3, in crop coordinates.
MomentTable moments_about(const cv::Mat& mask, double row0, double column0) {
    MomentTable m{};
    for (int y = 0; y < mask.rows; ++y)
        for (int x = 0; x < mask.cols; ++x) {
            if (!mask.at<uchar>(y, x)) continue;
            const double dr = y - row0, dc = x - column0;
            double rp = 1;
            for (int p = 0; p < kOrder; ++p, rp *= dr) {
                double cq = 1;
                for (int q = 0; q < kOrder; ++q, cq *= dc) m[p][q] += rp * cq;
            }
        }
    return m;
}

// Hu's seven invariants from normalised moments nu[p][q] (skimage moments_hu).
std::array<double, 7> hu_moments(const MomentTable& nu) {
    double t0 = nu[3][0] + nu[1][2], t1 = nu[2][1] + nu[0][3];
    double q0 = t0 * t0, q1 = t1 * t1;
    const double n4 = 4 * nu[1][1], s = nu[2][0] + nu[0][2], d = nu[2][0] - nu[0][2];
    std::array<double, 7> hu{};
    hu[0] = s;
    hu[1] = d * d + n4 * nu[1][1];
    hu[3] = q0 + q1;
    hu[5] = d * (q0 - q1) + n4 * t0 * t1;
    t0 *= q0 - 3 * q1;
    t1 *= 3 * q0 - q1;
    q0 = nu[3][0] - 3 * nu[1][2];
    q1 = 3 * nu[2][1] - nu[0][3];
    hu[2] = q0 * q0 + q1 * q1;
    hu[4] = q0 * t0 + q1 * t1;
    hu[6] = q1 * t0 - q0 * t1;
    return hu;
}

}  // namespace

std::vector<std::pair<std::string, double>> advanced_shape_features(const cv::Mat& mask) {
    const MomentTable spatial = moments_about(mask, 0, 0);
    const double area = spatial[0][0];
    const MomentTable central = moments_about(mask, spatial[1][0] / area, spatial[0][1] / area);
    MomentTable normalised{};
    for (int p = 0; p < kOrder; ++p)
        for (int q = 0; q < kOrder; ++q)
            normalised[p][q] = p + q < 2 ? kNaN : central[p][q] / std::pow(area, (p + q) / 2.0 + 1);

    std::vector<std::pair<std::string, double>> features;
    const auto suffix = [](int a, int b) { return std::to_string(a) + "_" + std::to_string(b); };
    for (int p = 0; p < 3; ++p)
        for (int q = 0; q < kOrder; ++q) {
            features.emplace_back("SpatialMoment_" + suffix(p, q), spatial[p][q]);
            features.emplace_back("CentralMoment_" + suffix(p, q), central[p][q]);
        }
    for (int p = 0; p < kOrder; ++p)
        for (int q = 0; q < kOrder; ++q)
            features.emplace_back("NormalizedMoment_" + suffix(p, q), normalised[p][q]);
    const std::array<double, 7> hu = hu_moments(normalised);
    for (int k = 0; k < 7; ++k) features.emplace_back("HuMoment_" + std::to_string(k), hu[k]);

    // Inertia tensor in (row, column) axes: [[mu02, -mu11], [-mu11, mu20]] / mu00.
    const double a = central[0][2] / area, b = -central[1][1] / area, c = central[2][0] / area;
    features.emplace_back("InertiaTensor_0_0", a);
    features.emplace_back("InertiaTensor_0_1", b);
    features.emplace_back("InertiaTensor_1_0", b);
    features.emplace_back("InertiaTensor_1_1", c);
    const double half_trace = (a + c) / 2, root = std::sqrt((a - c) * (a - c) / 4 + b * b);
    features.emplace_back("InertiaTensorEigenvalues_0", std::max(half_trace + root, 0.0));
    features.emplace_back("InertiaTensorEigenvalues_1", std::max(half_trace - root, 0.0));
    return features;
}

}  // namespace hcs::measure
