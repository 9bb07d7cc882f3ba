// Outputs are written under a temporary name beside their final path and renamed only when
// complete, so a killed job never leaves a file that a rerun or a workflow engine would trust.
#pragma once

#include <filesystem>
#include <functional>

namespace hcs {

// Calls write(temporary_path), then renames the temporary file to `path`. If write throws, the
// temporary file is removed and the exception passes on. Parent folders are created.
void write_atomically(const std::filesystem::path& path,
                      const std::function<void(const std::filesystem::path&)>& write);

}  // namespace hcs
