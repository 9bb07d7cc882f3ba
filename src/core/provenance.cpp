// Provenance record serialisation.
#include "hcs/core/provenance.hpp"

namespace hcs {

std::string hcs_version() {
    return HCS_VERSION;
}

nlohmann::json Provenance::to_json() const {
    return {{"hcs_version", hcs_version()},
            {"stage", stage},
            {"config", config},
            {"inputs", inputs},
            {"intensity_scaling", intensity_scaling}};
}

}  // namespace hcs
