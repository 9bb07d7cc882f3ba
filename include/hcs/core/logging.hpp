// spdlog set-up shared by every stage: one stderr logger, level from --log-level.
#pragma once

#include <string>

namespace hcs {

// Sets the default spdlog logger to stderr at `level` (trace, debug, info, warn, error);
// UsageError for an unknown level.
void set_up_logging(const std::string& level);

}  // namespace hcs
