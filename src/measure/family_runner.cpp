// Calls the texture, granularity, radial distribution, colocalization and image quality
// families (their own files, src/measure/) for every object set and channel of an image set,
// with CellProfiler's pairing: radial distribution of Nuclei on themselves and Cells on Nuclei,
// colocalization of every channel pair in the order given.

#include "hcs/measure/family_runner.hpp"

#include <time.h>

#include <optional>

#include "hcs/measure/measure_image_set.hpp"

namespace hcs::measure {

namespace {

[[maybe_unused]] const ObjectSet* find_set(const std::vector<const ObjectSet*>& sets,
                                           const std::string& name) {
    for (const ObjectSet* set : sets)
        if (set->name == name) return set;
    return nullptr;
}

// Every pair (a, b) with a before b in `names`, as CellProfiler pairs its images.
[[maybe_unused]] std::vector<std::pair<std::string, std::string>> channel_pairs(
    const std::vector<std::string>& names, const MeasureSettings& settings) {
    if (!settings.colocalization_pairs.empty()) return settings.colocalization_pairs;
    std::vector<std::pair<std::string, std::string>> pairs;
    for (std::size_t i = 0; i < names.size(); ++i)
        for (std::size_t j = i + 1; j < names.size(); ++j) pairs.emplace_back(names[i], names[j]);
    return pairs;
}

#ifdef HCS_MEASURE_HAS_RADIAL_DISTRIBUTION
// The rings depend on the objects only, so `rings` is found at the first channel and reused for
// the others. An image of the wrong size goes to the one-call form, which reports it as before.
Measurements radial_distribution(const ObjectSet& objects, const ObjectSet* centers,
                                 const cv::Mat& image, const std::string& channel,
                                 const RadialDistributionSettings& settings,
                                 std::optional<RadialGeometry>& rings) {
    if (image.size() != objects.labels.size())
        return measure_radial_distribution(objects, centers, image, channel, settings);
    if (!rings) rings = radial_geometry(objects, centers, settings);
    return measure_radial_distribution(*rings, image, channel, settings);
}
#endif

#ifdef HCS_MEASURE_HAS_COLOCALIZATION
// Costes' thresholds depend on the two images only: found once per pair for every object set
// and the whole image. Unfit images get none, so the families report them as before.
std::optional<CostesThresholds> pair_costes(const cv::Mat& a, const cv::Mat& b,
                                            const ColocalizationSettings& settings) {
    if (!settings.costes || a.type() != CV_32F || b.type() != CV_32F || a.size() != b.size())
        return std::nullopt;
    return costes_thresholds(a, b, settings);
}
#endif

}  // namespace

double thread_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

void add_family_seconds(std::vector<std::pair<std::string, double>>& seconds,
                        const std::string& family, double start) {
    const double elapsed = thread_cpu_seconds() - start;
    for (auto& [name, total] : seconds) {
        if (name == family) {
            total += elapsed;
            return;
        }
    }
    seconds.emplace_back(family, elapsed);
}

std::vector<std::string> available_cross_object_families() {
    std::vector<std::string> families;
#ifdef HCS_MEASURE_HAS_TEXTURE
    families.push_back("Texture");
#endif
#ifdef HCS_MEASURE_HAS_GRANULARITY
    families.push_back("Granularity");
#endif
#ifdef HCS_MEASURE_HAS_RADIAL_DISTRIBUTION
    families.push_back("RadialDistribution");
#endif
#ifdef HCS_MEASURE_HAS_COLOCALIZATION
    families.push_back("Correlation");
#endif
#ifdef HCS_MEASURE_HAS_IMAGE_QUALITY
    families.push_back("ImageQuality");
#endif
    return families;
}

FamilyResults run_cross_object_families(
    [[maybe_unused]] const std::vector<const ObjectSet*>& sets,
    [[maybe_unused]] const std::map<std::string, ChannelImage>& channels,
    [[maybe_unused]] const std::vector<std::string>& names,
    [[maybe_unused]] const MeasureSettings& settings,
    [[maybe_unused]] std::vector<std::pair<std::string, double>>& seconds) {
    FamilyResults results;
#ifdef HCS_MEASURE_HAS_TEXTURE
    if (settings.texture) {
        const double start = thread_cpu_seconds();
        for (const std::string& name : names) {
            const cv::Mat& image = channels.at(name).pixels;
            for (const ObjectSet* set : sets)
                append(results.objects[set->name],
                       measure_texture(*set, image, name, settings.texture_settings));
            for (auto& [feature, values] :
                 measure_image_texture(image, name, settings.texture_settings))
                results.image.emplace_back(feature, values.empty() ? 0.0 : values.front());
        }
        add_family_seconds(seconds, "Texture", start);
    }
#endif
#ifdef HCS_MEASURE_HAS_GRANULARITY
    if (settings.granularity) {
        const double start = thread_cpu_seconds();
        for (const std::string& name : names) {
            GranularityResult granularity = measure_granularity(
                channels.at(name).pixels, name, sets, settings.granularity_settings);
            for (auto& figure : granularity.image) results.image.push_back(std::move(figure));
            for (std::size_t i = 0; i < sets.size(); ++i)
                append(results.objects[sets[i]->name], std::move(granularity.objects[i]));
        }
        add_family_seconds(seconds, "Granularity", start);
    }
#endif
#ifdef HCS_MEASURE_HAS_RADIAL_DISTRIBUTION
    if (settings.radial_distribution) {
        const double start = thread_cpu_seconds();
        const ObjectSet* nuclei = find_set(sets, "Nuclei");
        const ObjectSet* cells = find_set(sets, "Cells");
        const RadialDistributionSettings& radial = settings.radial_distribution_settings;
        std::optional<RadialGeometry> nuclei_rings, cell_rings;
        for (const std::string& name : names) {
            const cv::Mat& image = channels.at(name).pixels;
            if (nuclei)
                append(results.objects["Nuclei"],
                       radial_distribution(*nuclei, nullptr, image, name, radial, nuclei_rings));
            if (cells)
                append(results.objects["Cells"],
                       radial_distribution(*cells, nuclei, image, name, radial, cell_rings));
        }
        add_family_seconds(seconds, "RadialDistribution", start);
    }
#endif
#ifdef HCS_MEASURE_HAS_COLOCALIZATION
    if (settings.colocalization) {
        const double start = thread_cpu_seconds();
        for (const auto& [first, second] : channel_pairs(names, settings)) {
            const cv::Mat& a = channels.at(first).pixels;
            const cv::Mat& b = channels.at(second).pixels;
            const ColocalizationSettings& pair = settings.colocalization_settings;
            const std::optional<CostesThresholds> found = pair_costes(a, b, pair);
            const CostesThresholds* costes = found ? &*found : nullptr;
            for (const ObjectSet* set : sets)
                append(results.objects[set->name],
                       measure_colocalization(*set, a, b, first, second, pair, costes));
            for (auto& figure : measure_image_colocalization(a, b, first, second, pair, costes))
                results.image.push_back(std::move(figure));
        }
        add_family_seconds(seconds, "Correlation", start);
    }
#endif
#ifdef HCS_MEASURE_HAS_IMAGE_QUALITY
    if (settings.image_quality) {
        const double start = thread_cpu_seconds();
        for (const std::string& name : names)
            for (auto& figure : measure_image_quality(channels.at(name).pixels, name,
                                                      settings.image_quality_settings))
                results.image.push_back(std::move(figure));
        add_family_seconds(seconds, "ImageQuality", start);
    }
#endif
    return results;
}

}  // namespace hcs::measure
