// Case c01 (../shared/cases/c01-ellipse-shape): one filled rotated ellipse; AreaShape and basic
// intensity. Expected values are the case's hand derivation, checked there against
// CellProfiler 5.0.0.dev514.

#include "measure_case.hpp"

namespace {

const std::filesystem::path kCase =
    std::filesystem::path(HCS_SHARED_DIR) / "cases/c01-ellipse-shape";

TEST(CaseC01, EllipseShapeAndIntensityMatchTheHandDerivation) {
    const nlohmann::json spec = measure_case::read_case(kCase);
    const auto image_set = measure_case::image_set_of(spec["inputs"]["image_sets"][0], kCase);
    const auto output = std::filesystem::path(testing::TempDir()) / "hcs_case_c01";
    const auto tables = measure_case::run(image_set, spec["settings"]["images"], output);
    for (const auto& expected : spec["expected"]) measure_case::check(tables, expected);
}

}  // namespace
