// Write-then-rename for every output file.
#include "hcs/core/atomic_file.hpp"

#include <atomic>
#include <string>
#include <system_error>

#include <unistd.h>

namespace hcs {

void write_atomically(const std::filesystem::path& path,
                      const std::function<void(const std::filesystem::path&)>& write) {
    static std::atomic<unsigned> counter{0};
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    // The extension stays last so that libraries choosing a format by name still see it.
    const std::filesystem::path temporary =
        path.parent_path() / (path.stem().string() + ".tmp-" + std::to_string(getpid()) + "-" +
                              std::to_string(counter++) + path.extension().string());
    try {
        write(temporary);
        std::filesystem::rename(temporary, path);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw;
    }
}

}  // namespace hcs
