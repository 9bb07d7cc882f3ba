// Accumulating images into an illumination sum, following CellProfiler's
// CorrectIlluminationCalculate (_preprocess_image_for_averaging, _mut_accumulate,
// _calculate_average_image) in the precision it uses.
#include "hcs/illum/illumination_accumulator.hpp"

#include <string>

#include "hcs/core/errors.hpp"
#include "hcs/illum/block_minima.hpp"

namespace hcs::illum {
namespace {

std::string size_text(const cv::Mat& image) {
    return std::to_string(image.cols) + " x " + std::to_string(image.rows);
}

}  // namespace

IlluminationAccumulator::IlluminationAccumulator(const IlluminationSettings& settings)
    : settings_(settings) {}

void IlluminationAccumulator::add(const ChannelImage& image) {
    CV_Assert(image.pixels.type() == CV_32F);
    if (!sum_.empty() && image.pixels.size() != sum_.size()) {
        throw InputError(image.path.string() + ": image is " + size_text(image.pixels) +
                         " pixels but " + files_.front().string() + " is " + size_text(sum_) +
                         "; one illumination function needs images of one size");
    }

    if (settings_.intensity == IntensityChoice::kRegular) {
        if (sum_.empty()) sum_ = cv::Mat::zeros(image.pixels.size(), CV_32F);
        // Element-wise float32 addition, in image order: the same roundings as numpy's +=.
        sum_ += image.pixels;
    } else {
        if (sum_.empty()) sum_ = cv::Mat::zeros(image.pixels.size(), CV_64F);
        sum_ += block_minima(image.pixels, settings_.block_size);
    }
    files_.push_back(image.path);
}

cv::Mat IlluminationAccumulator::average() const {
    if (sum_.empty()) return {};
    cv::Mat sum64;
    sum_.convertTo(sum64, CV_64F);
    cv::Mat mean64 = sum64 / static_cast<double>(files_.size());
    cv::Mat mean;
    mean64.convertTo(mean, CV_32F);
    return mean;
}

}  // namespace hcs::illum
