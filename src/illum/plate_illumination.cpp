// Computing a plate's illumination functions: images read in parallel batches, summed in
// image-number order (float32 sums are order-dependent, and CellProfiler sums in that order).
#include "hcs/illum/plate_illumination.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

#include <spdlog/spdlog.h>

#include "hcs/core/errors.hpp"
#include "hcs/core/image_reader.hpp"
#include "hcs/core/parallel.hpp"
#include "hcs/illum/illumination_accumulator.hpp"
#include "hcs/illum/illumination_function.hpp"

namespace hcs::illum {
namespace {

using ChannelImages = std::map<std::string, ChannelImage>;

std::vector<std::string> plate_channels(const std::string& plate,
                                        const std::vector<ImageSet>& image_sets) {
    if (image_sets.empty()) {
        throw InputError("plate '" + plate + "' has no image sets; no illumination function");
    }
    std::vector<std::string> channels;
    for (const auto& [channel, file] : image_sets.front().channel_files)
        channels.push_back(channel);
    for (const auto& image_set : image_sets) {
        for (const auto& channel : channels) {
            if (!image_set.channel_files.count(channel)) {
                throw InputError("image set " + image_set.name() + " has no " + channel +
                                 " image, which " + image_sets.front().name() + " has");
            }
        }
    }
    return channels;
}

std::vector<ChannelImages> read_batch(const std::vector<ImageSet>& image_sets, std::size_t first,
                                      std::size_t count, const std::vector<std::string>& channels,
                                      int camera_bit_depth, int threads) {
    std::vector<ChannelImages> batch(count);
    parallel_for(count, threads, [&](std::size_t i) {
        for (const auto& channel : channels) {
            batch[i][channel] =
                read_image(image_sets[first + i].channel_files.at(channel), camera_bit_depth);
        }
    });
    return batch;
}

// The channels of a plate share one size: a function made from smaller images could not be
// applied to the other channel's images of the same field.
void require_one_size(const ChannelImages& image_set, std::optional<ChannelImage>& first) {
    for (const auto& [channel, image] : image_set) {
        if (!first) first = image;
        if (image.pixels.size() == first->pixels.size()) continue;
        throw InputError(image.path.string() + ": image is " + std::to_string(image.pixels.cols) +
                         " x " + std::to_string(image.pixels.rows) + " pixels but " +
                         first->path.string() + " is " + std::to_string(first->pixels.cols) +
                         " x " + std::to_string(first->pixels.rows) +
                         "; one illumination function needs images of one size");
    }
}

}  // namespace

std::map<std::string, std::vector<ImageSet>> group_by_plate(const std::vector<ImageSet>& sets) {
    std::map<std::string, std::vector<ImageSet>> plates;
    for (const auto& image_set : sets) plates[image_set.plate].push_back(image_set);
    return plates;
}

PlateIllumination compute_plate_illumination(const std::string& plate,
                                             const std::vector<ImageSet>& image_sets,
                                             const IlluminationSettings& settings,
                                             int camera_bit_depth, int threads) {
    const std::vector<std::string> channels = plate_channels(plate, image_sets);
    std::map<std::string, IlluminationAccumulator> sums;
    for (const auto& channel : channels) sums.emplace(channel, IlluminationAccumulator(settings));

    PlateIllumination result;
    std::optional<ChannelImage> first_image;  // the size every image of the plate must have
    const std::size_t batch_size = static_cast<std::size_t>(thread_count(threads));
    for (std::size_t first = 0; first < image_sets.size(); first += batch_size) {
        const auto start = std::chrono::steady_clock::now();
        const std::size_t count = std::min(batch_size, image_sets.size() - first);
        auto batch = read_batch(image_sets, first, count, channels, camera_bit_depth, threads);
        for (std::size_t i = 0; i < count; ++i) {
            require_one_size(batch[i], first_image);
            for (const auto& channel : channels) sums.at(channel).add(batch[i].at(channel));
            if (result.intensity_scaling.empty()) {
                result.intensity_scaling = batch[i].begin()->second.scaling.rule;
            }
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        for (std::size_t i = 0; i < count; ++i) {
            spdlog::info("{}: image set {} added ({}/{}, {:.3f} s per image set)", plate,
                         image_sets[first + i].name(), first + i + 1, image_sets.size(),
                         seconds / count);
        }
    }

    result.plate = plate;
    result.settings = settings;
    for (const auto& channel : channels) {
        const auto& sum = sums.at(channel);
        const cv::Mat average = sum.average();
        // A function of zeros would divide every later image by zero.
        if (cv::countNonZero(average > 0) == 0) {
            throw InputError("plate '" + plate + "': every " + channel + " image is blank (no " +
                             "pixel above 0), so it has no illumination function");
        }
        result.filter_size = smoothing_filter_size(settings, average.rows, average.cols);
        result.functions[channel] = illumination_function(average, settings, threads);
        for (const auto& file : sum.files()) result.images[channel].push_back(file.string());
        spdlog::info("{}: {} illumination function from {} images", plate, channel, sum.count());
    }
    return result;
}

}  // namespace hcs::illum
