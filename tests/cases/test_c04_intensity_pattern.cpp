// Case c04 (../shared/cases/c04-intensity-pattern): a 5x5 object with a known intensity pattern;
// mean, std, quartiles and MAD by CellProfiler's quantile rule, edge, centre of mass and two
// Haralick contrasts. Expected values are the case's hand derivation, checked there against
// CellProfiler 5.0.0.dev514. The texture entries need the Texture family in the build.

#include <algorithm>

#include "measure_case.hpp"

namespace {

const std::filesystem::path kCase =
    std::filesystem::path(HCS_SHARED_DIR) / "cases/c04-intensity-pattern";

TEST(CaseC04, IntensityStatisticsFollowCellProfilersQuantileRule) {
    const nlohmann::json spec = measure_case::read_case(kCase);
    const auto image_set = measure_case::image_set_of(spec["inputs"]["image_sets"][0], kCase);
    const auto output = std::filesystem::path(testing::TempDir()) / "hcs_case_c04";
    const auto tables = measure_case::run(image_set, spec["settings"]["images"], output);
    const auto families = hcs::measure::available_cross_object_families();
    const bool texture = std::count(families.begin(), families.end(), "Texture") > 0;
    for (const auto& expected : spec["expected"]) {
        const std::string feature = expected["feature"];
        if (feature.find("_Texture_") != std::string::npos && !texture) continue;
        measure_case::check(tables, expected);
    }
}

}  // namespace
