// Saturation and blur figures of MeasureImageQuality (CellProfiler 5), on the whole image (our
// images carry no mask). The radial power spectrum follows centrosome.radial_power_spectrum.rps,
// including its radius rule min(i, H - 1 - i), so the slope matches CellProfiler's.
#include "hcs/segment/image_quality.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace hcs::segment {
namespace {

// rps stops at a radius of min(height, width) / 8 "to avoid edge effects" and skips radius 1,
// which holds the DC term.
constexpr double kPowerSpectrumWidthFraction = 8.0;
constexpr int kFirstPowerSpectrumRadius = 2;

double percent_equal_to(const cv::Mat& image, double value) {
    if (image.empty()) return 0.0;
    const int equal = cv::countNonZero(image == value);
    return 100.0 * equal / static_cast<double>(image.total());
}

// Power |F|^2 of the mean-subtracted image summed per integer radius label, as rps labels
// pixels: floor(sqrt(min(i, H-1-i)^2 + min(j, W-1-j)^2)) + 1. The transform is single
// precision, as scipy.fftpack's of CellProfiler's float32 image; the sums are double.
std::vector<double> radial_power(const cv::Mat& image, int last_radius) {
    cv::Mat pixels;
    image.convertTo(pixels, CV_32F);
    pixels -= cv::mean(pixels)[0];
    cv::Mat spectrum;
    cv::dft(pixels, spectrum, cv::DFT_COMPLEX_OUTPUT);

    std::vector<double> power(static_cast<std::size_t>(last_radius) + 1, 0.0);
    for (int i = 0; i < spectrum.rows; ++i) {
        const int di = std::min(i, spectrum.rows - 1 - i);
        if (di >= last_radius) continue;  // every radius of this row is beyond the last
        const auto* row = spectrum.ptr<cv::Vec2f>(i);
        for (int j = 0; j < spectrum.cols; ++j) {
            const int dj = std::min(j, spectrum.cols - 1 - j);
            if (dj >= last_radius) continue;
            const int radius =
                static_cast<int>(std::floor(std::sqrt(double(di * di + dj * dj)))) + 1;
            if (radius > last_radius) continue;
            power[radius] += double(row[j][0]) * row[j][0] + double(row[j][1]) * row[j][1];
        }
    }
    return power;
}

}  // namespace

double percent_maximal(const cv::Mat& image) {
    double minimum = 0, maximum = 0;
    cv::minMaxLoc(image, &minimum, &maximum);
    return percent_equal_to(image, maximum);
}

double percent_minimal(const cv::Mat& image) {
    double minimum = 0, maximum = 0;
    cv::minMaxLoc(image, &minimum, &maximum);
    return percent_equal_to(image, minimum);
}

double focus_score(const cv::Mat& image) {
    if (image.empty()) return 0.0;
    cv::Scalar mean, deviation;
    cv::meanStdDev(image, mean, deviation);
    if (mean[0] <= 0) return 0.0;
    return deviation[0] * deviation[0] / mean[0];
}

double power_log_log_slope(const cv::Mat& image) {
    double minimum = 0, maximum = 0;
    cv::minMaxLoc(image, &minimum, &maximum);
    const int last_radius = static_cast<int>(std::floor(std::min(image.rows, image.cols) /
                                                        kPowerSpectrumWidthFraction)) -
                            1;
    if (maximum <= minimum || last_radius < kFirstPowerSpectrumRadius) return 0.0;
    const std::vector<double> power = radial_power(image, last_radius);

    // Ordinary least squares of log(power) = slope * log(radius) + intercept.
    double n = 0, sum_x = 0, sum_y = 0, sum_xx = 0, sum_xy = 0;
    for (int radius = kFirstPowerSpectrumRadius; radius <= last_radius; ++radius) {
        if (!(power[radius] > 0)) continue;
        const double x = std::log(double(radius));
        const double y = std::log(power[radius]);
        n += 1;
        sum_x += x;
        sum_y += y;
        sum_xx += x * x;
        sum_xy += x * y;
    }
    if (n < 2) return 0.0;
    return (n * sum_xy - sum_x * sum_y) / (n * sum_xx - sum_x * sum_x);
}

std::vector<std::pair<std::string, double>> image_quality_figures(const cv::Mat& image,
                                                                  const std::string& channel) {
    const std::string prefix = "ImageQuality_";
    return {{prefix + "FocusScore_" + channel, focus_score(image)},
            {prefix + "PercentMaximal_" + channel, percent_maximal(image)},
            {prefix + "PercentMinimal_" + channel, percent_minimal(image)},
            {prefix + "PowerLogLogSlope_" + channel, power_log_log_slope(image)}};
}

}  // namespace hcs::segment
