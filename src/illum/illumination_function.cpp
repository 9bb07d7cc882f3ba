// Finishing an illumination function: dilation, smoothing and rescaling after CellProfiler's
// CorrectIlluminationCalculate (_calculate_illumination_images, smooth_plane, _apply_scaling).
#include "hcs/illum/illumination_function.hpp"

#include <algorithm>
#include <vector>

#include "hcs/illum/convex_hull_smoothing.hpp"
#include "hcs/illum/gaussian_smoothing.hpp"
#include "hcs/illum/median_filter.hpp"

namespace hcs::illum {
namespace {

// CellProfiler converts a filter size (a full width at half maximum) to a Gaussian sigma by
// dividing by 2.35.
constexpr double kFullWidthPerSigma = 2.35;

// The mean of all pixels as every pixel ("Smooth to Average"). numpy averages float32 with
// pairwise float32 sums; the mean is taken in float64 here and rounded once.
cv::Mat smooth_to_average(const cv::Mat& pixels) {
    const float mean = static_cast<float>(cv::mean(pixels)[0]);
    return cv::Mat(pixels.size(), CV_32F, cv::Scalar(mean));
}

}  // namespace

cv::Mat rescale_illumination(const cv::Mat& pixels, RescaleOption option) {
    CV_Assert(pixels.type() == CV_32F);
    if (option == RescaleOption::kNo) return pixels.clone();

    std::vector<float> positive;
    positive.reserve(pixels.total());
    for (int y = 0; y < pixels.rows; ++y) {
        const float* row = pixels.ptr<float>(y);
        for (int x = 0; x < pixels.cols; ++x) {
            if (row[x] > 0) positive.push_back(row[x]);
        }
    }
    if (positive.empty()) return pixels.clone();

    const std::size_t index =
        option == RescaleOption::kYes
            ? static_cast<std::size_t>(static_cast<double>(positive.size()) * kRobustFraction)
            : positive.size() / 2;
    std::nth_element(positive.begin(), positive.begin() + index, positive.end());
    const float robust = positive[index];

    cv::Mat result = pixels.clone();
    for (int y = 0; y < result.rows; ++y) {
        float* row = result.ptr<float>(y);
        for (int x = 0; x < result.cols; ++x) {
            // Only "Yes" raises the pixels below the robust minimum; float32 division as numpy.
            if (option == RescaleOption::kYes && row[x] < robust) row[x] = robust;
            row[x] = row[x] / robust;
        }
    }
    return result;
}

cv::Mat smooth_illumination(const cv::Mat& pixels, const IlluminationSettings& settings,
                            int threads) {
    const double sigma =
        smoothing_filter_size(settings, pixels.rows, pixels.cols) / kFullWidthPerSigma;
    switch (settings.smoothing) {
        case SmoothingMethod::kNone:
            return pixels.clone();
        case SmoothingMethod::kMedianFilter:
            return median_filter_smoothing(pixels, std::max(1, static_cast<int>(sigma + 0.5)),
                                           threads);
        case SmoothingMethod::kGaussianFilter:
            return gaussian_smoothing(pixels, sigma);
        case SmoothingMethod::kConvexHull:
            return convex_hull_smoothing(pixels);
        case SmoothingMethod::kToAverage:
            return smooth_to_average(pixels);
    }
    return pixels.clone();
}

cv::Mat illumination_function(const cv::Mat& average, const IlluminationSettings& settings,
                              int threads) {
    CV_Assert(average.type() == CV_32F);
    // CellProfiler shows "Dilate objects" only for Regular but applies it whenever it is set.
    const cv::Mat dilated =
        settings.dilate_objects ? dilate_objects(average, settings.dilation_radius) : average;
    const cv::Mat smoothed = smooth_illumination(dilated, settings, threads);
    return rescale_illumination(smoothed, settings.rescale);
}

}  // namespace hcs::illum
