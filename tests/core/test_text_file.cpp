// Tests of compressed text reading: a whole gzip file is read, a cut one is refused by name.
#include "hcs/core/text_file.hpp"

#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

// BBBC021's per-well means, a real gzip file; its first line is the CSV header.
const std::filesystem::path kGzip = std::filesystem::path(HCS_SHARED_DIR) /
                                    "data/bbbc021-ljosa2013-profiles/"
                                    "ljosa_jbiomolscreen_2013_per_well_mean.csv.gz";

std::string bytes_of(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(ReadTextFile, ReadsAWholeGzipFile) {
    const std::string text = read_text_file(kGzip);
    EXPECT_GT(text.size(), bytes_of(kGzip).size());  // decompressed
    EXPECT_EQ(text.back(), '\n');
}

// Without its 8-byte trailer (CRC and length) the file looks whole to a plain read loop.
TEST(ReadTextFile, RefusesAGzipFileWithoutItsEndNamingIt) {
    const std::string whole = bytes_of(kGzip);
    const auto cut = std::filesystem::temp_directory_path() / "hcs_cut_table.csv.gz";
    std::ofstream(cut, std::ios::binary) << whole.substr(0, whole.size() - 8);
    try {
        read_text_file(cut);
        FAIL() << "a gzip file without its trailer was accepted";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find(cut.string() + ": gzip file is truncated"),
                  std::string::npos)
            << error.what();
    }
}

}  // namespace
}  // namespace hcs
