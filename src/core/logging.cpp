// Logging to stderr, so that stdout stays free for data a script may pipe.
#include "hcs/core/logging.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "hcs/core/errors.hpp"

namespace hcs {

void set_up_logging(const std::string& level) {
    const auto parsed = spdlog::level::from_str(level);
    if (parsed == spdlog::level::off && level != "off") {
        throw UsageError("--log-level '" + level +
                         "' is not one of trace, debug, info, warn, error");
    }
    auto logger = spdlog::stderr_color_mt("hcs");
    logger->set_pattern("[%H:%M:%S] [%^%l%$] %v");
    logger->set_level(parsed);
    spdlog::set_default_logger(logger);
}

}  // namespace hcs
