// Assembles one image set's per-cell table: each measurement family on each object set and
// channel, prefixed with the object name and sorted as CellProfiler's ExportToSpreadsheet sorts
// an object's columns, one row per cell (nucleus k, cell k and cytoplasm k share row k).

#include "hcs/measure/measure_image_set.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "hcs/core/errors.hpp"
#include "hcs/measure/family_runner.hpp"
#include "hcs/measure/intensity.hpp"

namespace hcs::measure {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string size_text(const cv::Mat& image) {
    return std::to_string(image.cols) + "x" + std::to_string(image.rows);
}

// The channels to measure, in the settings' order or the image set's.
std::vector<std::string> channels_to_measure(const std::map<std::string, ChannelImage>& channels,
                                             const MeasureSettings& settings) {
    std::vector<std::string> names = settings.channels;
    if (names.empty()) {
        for (const auto& [name, image] : channels) names.push_back(name);
    }
    for (const std::string& name : names) {
        if (!channels.count(name)) {
            throw InputError("channel " + name + " is missing (the image set has no FileName_" +
                             name + ")");
        }
    }
    return names;
}

void check_sizes(const std::map<std::string, ChannelImage>& channels,
                 const std::vector<std::string>& names,
                 const std::vector<std::pair<std::string, cv::Mat>>& labels) {
    const cv::Mat& reference = channels.at(names.front()).pixels;
    for (const std::string& name : names) {
        const cv::Mat& pixels = channels.at(name).pixels;
        if (pixels.size() != reference.size()) {
            throw InputError("image " + name + " is " + size_text(pixels) + " but " +
                             names.front() + " is " + size_text(reference));
        }
    }
    for (const auto& [object, image] : labels) {
        if (!image.empty() && image.size() != reference.size()) {
            throw InputError("labels of " + object + " are " + size_text(image) +
                             " but the images are " + size_text(reference));
        }
    }
}

// Location_Center_* and Number_Object_Number, which CellProfiler's Identify modules record.
Measurements object_locations(const ObjectSet& objects) {
    const auto count = static_cast<std::size_t>(objects.count);
    std::vector<double> x(count, 0.0), y(count, 0.0), n(count, 0.0), z(count, 0.0), number(count);
    for (int row = 0; row < objects.labels.rows; ++row)
        for (int col = 0; col < objects.labels.cols; ++col) {
            const int label = objects.labels.at<int>(row, col);
            if (label > 0) x[label - 1] += col, y[label - 1] += row, n[label - 1] += 1;
        }
    for (std::size_t k = 0; k < count; ++k) {
        x[k] = n[k] > 0 ? x[k] / n[k] : kNaN;
        y[k] = n[k] > 0 ? y[k] / n[k] : kNaN;
        number[k] = static_cast<double>(k + 1);
    }
    Measurements result = {
        {"Location_Center_X", x}, {"Location_Center_Y", y}, {"Number_Object_Number", number}};
    // IdentifyTertiaryObjects records no Z centre, the Identify modules before it do.
    if (objects.name != "Cytoplasm") result.emplace_back("Location_Center_Z", z);
    return result;
}

// One row per cell: Metadata_*, ImageNumber, ObjectNumber, then each object set's columns
// prefixed with its name and sorted by name as CellProfiler's exporter writes them.
FeatureTable assemble_table(const ImageSet& image_set,
                            std::vector<std::pair<std::string, Measurements>>& per_object) {
    FeatureTable table;
    std::size_t rows = 0;
    for (auto& [object, features] : per_object) {
        std::sort(features.begin(), features.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& column : features) rows = std::max(rows, column.second.size());
        for (const auto& column : features)
            table.feature_names.push_back(object + "_" + column.first);
    }
    for (const auto& [name, value] : image_set.metadata) table.metadata_names.push_back(name);
    table.metadata_names.insert(table.metadata_names.end(), {"ImageNumber", "ObjectNumber"});

    table.features =
        FeatureMatrix::Constant(static_cast<Eigen::Index>(rows),
                                static_cast<Eigen::Index>(table.feature_names.size()), kNaN);
    Eigen::Index column = 0;
    for (const auto& [object, features] : per_object)
        for (const auto& [name, values] : features) {
            for (std::size_t row = 0; row < values.size(); ++row)
                table.features(static_cast<Eigen::Index>(row), column) = values[row];
            ++column;
        }
    for (std::size_t row = 0; row < rows; ++row) {
        std::vector<std::string> cells;
        for (const auto& [name, value] : image_set.metadata) cells.push_back(value);
        cells.push_back(std::to_string(image_set.image_number));
        cells.push_back(std::to_string(row + 1));
        table.metadata.push_back(std::move(cells));
    }
    return table;
}

// The families of this module's own files on one object set.
Measurements measure_objects(const ObjectSet& objects, const cv::Mat& unfiltered,
                             const std::map<std::string, ChannelImage>& channels,
                             const std::vector<std::string>& names, const MeasureSettings& settings,
                             std::vector<std::pair<std::string, double>>& seconds) {
    Measurements result = object_locations(objects);
    double start = thread_cpu_seconds();
    if (settings.area_shape) {
        append(result, measure_area_shape(objects, settings.area_shape_settings));
        add_family_seconds(seconds, "AreaShape", start);
    }
    if (settings.intensity) {
        start = thread_cpu_seconds();
        for (const std::string& name : names)
            append(result, measure_intensity(objects, channels.at(name).pixels, name));
        add_family_seconds(seconds, "Intensity", start);
    }
    const auto neighbors = settings.neighbors.find(objects.name);
    if (neighbors != settings.neighbors.end()) {
        start = thread_cpu_seconds();
        append(result,
               measure_object_neighbors(objects, unfiltered.empty() ? objects.labels : unfiltered,
                                        neighbors->second));
        add_family_seconds(seconds, "Neighbors", start);
    }
    return result;
}

}  // namespace

namespace {

NeighborSettings neighbor_settings_from_json(const std::string& object,
                                             const nlohmann::json& entry) {
    NeighborSettings settings;
    const std::string method = entry.value("method", "expand_until_adjacent");
    if (method == "expand_until_adjacent") {
        settings.method = NeighborMethod::ExpandUntilAdjacent;
    } else if (method == "adjacent") {
        settings.method = NeighborMethod::Adjacent;
    } else if (method == "within_distance") {
        settings.method = NeighborMethod::WithinDistance;
    } else {
        throw UsageError("config key /measure/neighbors/" + object + "/method: unknown method " +
                         method + " (expand_until_adjacent, adjacent, within_distance)");
    }
    settings.distance = entry.value("distance", settings.distance);
    if (settings.distance < 1) {
        throw UsageError("config key /measure/neighbors/" + object + "/distance must be >= 1");
    }
    return settings;
}

template <typename T>
void read_value(const nlohmann::json& section, const std::string& key, T& value) {
    if (!section.contains(key)) return;
    try {
        value = section.at(key).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw UsageError("config key /measure/" + key +
                         " has the wrong type: " + section.at(key).dump());
    }
}

// Values no family can work with are usage errors naming the key, before any image is read.
void check_ranges(const MeasureSettings& settings) {
    for (int scale : settings.texture_settings.scales) {
        if (scale < 1) throw UsageError("config key /measure/texture_scales: scales must be >= 1");
    }
    const int levels = settings.texture_settings.gray_levels;
    if (levels < 2 || levels > 256) {
        throw UsageError("config key /measure/texture_gray_levels must be 2..256, not " +
                         std::to_string(levels));
    }
    if (settings.radial_distribution_settings.bin_count < 1) {
        throw UsageError("config key /measure/radial_bins must be >= 1");
    }
}

}  // namespace

MeasureSettings MeasureSettings::from_json(const nlohmann::json& config) {
    MeasureSettings settings;
    settings.neighbors["Nuclei"] = {NeighborMethod::ExpandUntilAdjacent, 5};
    settings.neighbors["Cells"] = {NeighborMethod::WithinDistance, 5};
    if (!config.contains("measure")) return settings;
    const nlohmann::json& section = config.at("measure");

    read_value(section, "channels", settings.channels);
    read_value(section, "area_shape", settings.area_shape);
    read_value(section, "zernike", settings.area_shape_settings.zernike);
    read_value(section, "advanced_shape", settings.area_shape_settings.advanced);
    read_value(section, "intensity", settings.intensity);
    read_value(section, "texture", settings.texture);
    read_value(section, "texture_scales", settings.texture_settings.scales);
    read_value(section, "texture_gray_levels", settings.texture_settings.gray_levels);
    read_value(section, "granularity", settings.granularity);
    read_value(section, "radial_distribution", settings.radial_distribution);
    read_value(section, "radial_bins", settings.radial_distribution_settings.bin_count);
    read_value(section, "colocalization", settings.colocalization);
    read_value(section, "colocalization_pairs", settings.colocalization_pairs);
    read_value(section, "image_quality", settings.image_quality);
    check_ranges(settings);
    if (section.contains("neighbors")) {
        settings.neighbors.clear();
        for (const auto& [object, entry] : section.at("neighbors").items()) {
            if (entry.is_null()) continue;
            settings.neighbors[object] = neighbor_settings_from_json(object, entry);
        }
    }
    return settings;
}

ImageSetMeasurements measure_image_set(const ImageSet& image_set,
                                       const std::map<std::string, ChannelImage>& channels,
                                       const ImageSetObjects& objects,
                                       const MeasureSettings& settings) {
    const std::vector<std::string> names = channels_to_measure(channels, settings);
    if (names.empty()) throw InputError("the image set has no channels");
    const std::vector<std::pair<std::string, cv::Mat>> labels = {
        {"Nuclei", objects.nuclei},
        {"Cells", objects.cells},
        {"Cytoplasm", objects.cytoplasm},
        {"Nuclei (unfiltered)", objects.nuclei_unfiltered},
        {"Cells (unfiltered)", objects.cells_unfiltered}};
    check_sizes(channels, names, labels);

    ImageSetMeasurements result;
    std::vector<ObjectSet> sets;
    for (std::size_t i = 0; i < 3; ++i) {
        if (!labels[i].second.empty())
            sets.push_back(ObjectSet::from_labels(labels[i].first, labels[i].second));
    }
    std::vector<const ObjectSet*> pointers;
    for (const ObjectSet& set : sets) pointers.push_back(&set);

    std::vector<std::pair<std::string, Measurements>> per_object;
    for (const ObjectSet& set : sets) {
        const cv::Mat& unfiltered = set.name == "Nuclei"  ? objects.nuclei_unfiltered
                                    : set.name == "Cells" ? objects.cells_unfiltered
                                                          : cv::Mat();
        per_object.emplace_back(set.name, measure_objects(set, unfiltered, channels, names,
                                                          settings, result.seconds_per_family));
        result.image.emplace_back("Count_" + set.name, set.count);
    }
    FamilyResults shared =
        run_cross_object_families(pointers, channels, names, settings, result.seconds_per_family);
    for (auto& [name, features] : per_object) append(features, std::move(shared.objects[name]));
    for (auto& figure : shared.image) result.image.push_back(std::move(figure));

    result.cells = assemble_table(image_set, per_object);
    return result;
}

}  // namespace hcs::measure
