// Runs the families that work across object sets or on whole images (texture, granularity,
// radial distribution, colocalization, image quality) for one image set, each only when its
// implementation is part of the build (src/measure/CMakeLists.txt defines HCS_MEASURE_HAS_*).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "hcs/core/image.hpp"
#include "hcs/measure/object_set.hpp"

namespace hcs::measure {

struct MeasureSettings;

struct FamilyResults {
    std::map<std::string, Measurements> objects;        // object name -> features
    std::vector<std::pair<std::string, double>> image;  // image-level figures
};

// `sets` in the order Nuclei, Cells, Cytoplasm (those present). Adds each family's seconds to
// `seconds` under its CellProfiler category name.
FamilyResults run_cross_object_families(const std::vector<const ObjectSet*>& sets,
                                        const std::map<std::string, ChannelImage>& channels,
                                        const std::vector<std::string>& names,
                                        const MeasureSettings& settings,
                                        std::vector<std::pair<std::string, double>>& seconds);

// CPU seconds used so far by the calling thread: families are timed in CPU time, as
// CellProfiler's ExecutionTime_* columns are, so other load on the machine does not count.
double thread_cpu_seconds();

// Adds the CPU seconds since `start` (a thread_cpu_seconds() reading) to `family`'s entry of
// `seconds`, making the entry on first use.
void add_family_seconds(std::vector<std::pair<std::string, double>>& seconds,
                        const std::string& family, double start);

// Which of those families this build holds, for logs and the parity report.
std::vector<std::string> available_cross_object_families();

}  // namespace hcs::measure
