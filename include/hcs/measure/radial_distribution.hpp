// Radial intensity distribution (CellProfiler MeasureObjectIntensityDistribution): each object
// is cut into rings from its centre (or the centre of a related object, e.g. cells centred on
// their nuclei) to its edge; per ring the fraction of intensity (FracAtD), that fraction over
// the fraction of pixels (MeanFrac) and the variation across 8 wedges (RadialCV).
#pragma once

#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "hcs/measure/object_set.hpp"

namespace hcs::measure {

// How the centre of each object is chosen ("Object to use as center?").
enum class RadialCenter {
    Self,            // "These objects": the point farthest from the object's edge
    OtherObjects,    // "Other objects" (pipelines saved with that wording): distances from the
                     // nearest pixel of a centering object, centre = that object's centroid
    CentersOfOther,  // "Centers of other objects": distances from the centroid pixel
    EdgesOfOther,    // "Edges of other objects": as OtherObjects, its pixels left out
};

struct RadialDistributionSettings {
    int bin_count = 4;                                 // "Number of bins"
    bool scaled = true;                                // "Scale the bins?"
    int maximum_radius = 100;                          // used only when not scaled
    RadialCenter center = RadialCenter::OtherObjects;  // used when centering objects are given
};

// Where every object pixel falls: its scaled distance from the centre and its wedge. It depends
// on the objects only, so one geometry serves every channel (CellProfiler caches it too).
struct RadialGeometry {
    struct Pixel {
        int index;          // flat index in the image
        double normalized;  // d_centre / (d_centre + d_edge + 0.001), or d_centre / max radius
        int wedge;          // 0..7, CellProfiler's radial_index
    };
    std::vector<std::vector<Pixel>> pixels;  // per object (number - 1), raster order
};

RadialGeometry radial_geometry(const ObjectSet& objects, const ObjectSet* centers,
                               const RadialDistributionSettings& settings);

Measurements measure_radial_distribution(const RadialGeometry& geometry, const cv::Mat& image,
                                         const std::string& channel,
                                         const RadialDistributionSettings& settings);

// `centers` may be null (objects centred on themselves: the point farthest from the edge);
// otherwise the objects are centred on the centering objects as settings.center says (Cells on
// Nuclei). Features "RadialDistribution_{FracAtD,MeanFrac,RadialCV}_<channel>_<i>of<n>", and
// "..._Overflow" ones when the bins are not scaled.
Measurements measure_radial_distribution(const ObjectSet& objects, const ObjectSet* centers,
                                         const cv::Mat& image, const std::string& channel,
                                         const RadialDistributionSettings& settings);

}  // namespace hcs::measure
