// Everything hcs-measure computes for one image set: every family on Nuclei, Cells and
// Cytoplasm (those present) and every channel, assembled into one row per cell with CellProfiler's
// column names, plus the image-level figures.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include "hcs/core/feature_table.hpp"
#include "hcs/core/image.hpp"
#include "hcs/core/image_set.hpp"
#include "hcs/measure/area_shape.hpp"
#include "hcs/measure/colocalization.hpp"
#include "hcs/measure/granularity.hpp"
#include "hcs/measure/image_quality.hpp"
#include "hcs/measure/object_neighbors.hpp"
#include "hcs/measure/radial_distribution.hpp"
#include "hcs/measure/texture.hpp"

namespace hcs::measure {

// The "measure" section of the configuration (configs/defaults.json).
struct MeasureSettings {
    std::vector<std::string> channels;  // empty: every channel of the image set
    bool area_shape = true;
    AreaShapeSettings area_shape_settings;
    bool intensity = true;
    bool texture = true;
    TextureSettings texture_settings;
    bool granularity = true;
    GranularitySettings granularity_settings;
    bool radial_distribution = true;
    RadialDistributionSettings radial_distribution_settings;
    bool colocalization = true;
    ColocalizationSettings colocalization_settings;
    // Channel pairs; empty: every pair of channels in the order given.
    std::vector<std::pair<std::string, std::string>> colocalization_pairs;
    bool image_quality = true;
    ImageQualitySettings image_quality_settings;
    // Object name -> neighbour method (CellProfiler's example: Nuclei expanded, Cells within 5).
    std::map<std::string, NeighborSettings> neighbors;

    // UsageError naming the key for a value of the wrong type or an unknown method.
    static MeasureSettings from_json(const nlohmann::json& config);
};

// Label images of one image set. Final objects share numbers (nucleus k, cell k, cytoplasm k);
// any may be empty. The unfiltered ones, when given, are the labels before border and size
// filtering that CellProfiler's neighbour module also counts (see object_neighbors.hpp).
struct ImageSetObjects {
    cv::Mat nuclei, cells, cytoplasm;
    cv::Mat nuclei_unfiltered, cells_unfiltered;
};

struct ImageSetMeasurements {
    FeatureTable cells;                                              // one row per cell
    std::vector<std::pair<std::string, double>> image;               // Count_*, image-level figures
    std::vector<std::pair<std::string, double>> seconds_per_family;  // timing, for logs/bench
};

// Checks the inputs (InputError naming the image set and what is wrong: a label image whose size
// differs from the images, a channel missing from the image set, images of different sizes) and
// measures. `channels` maps channel name -> image (CV_32F, 0..1).
ImageSetMeasurements measure_image_set(const ImageSet& image_set,
                                       const std::map<std::string, ChannelImage>& channels,
                                       const ImageSetObjects& objects,
                                       const MeasureSettings& settings);

}  // namespace hcs::measure
