// Whole-file reading that undoes gzip (.gz) and xz (.xz) compression, so tables can be read as
// they were published.
#pragma once

#include <filesystem>
#include <string>

namespace hcs {

// The file's bytes, decompressed when its name ends in .gz or .xz. InputError names the file.
std::string read_text_file(const std::filesystem::path& path);

}  // namespace hcs
