// Reading plain, gzip and xz files into memory with zlib and liblzma.
#include "hcs/core/text_file.hpp"

#include <fstream>
#include <sstream>
#include <vector>

#include <lzma.h>
#include <zlib.h>

#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

std::string read_plain(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    if (!stream) throw InputError(path.string() + ": cannot open file");
    std::ostringstream contents;
    contents << stream.rdbuf();
    return contents.str();
}

std::string read_gzip(const std::filesystem::path& path) {
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file) throw InputError(path.string() + ": cannot open gzip file");
    std::string text;
    std::vector<char> buffer(1 << 20);
    int count = 0;
    while ((count = gzread(file, buffer.data(), static_cast<unsigned>(buffer.size()))) > 0) {
        text.append(buffer.data(), count);
    }
    const bool failed = count < 0;
    int status = Z_OK;
    gzerror(file, &status);
    gzclose(file);
    if (failed) throw InputError(path.string() + ": corrupt gzip data");
    // zlib stops quietly at a cut file; the missing end (or checksum) shows only here
    if (status == Z_BUF_ERROR) throw InputError(path.string() + ": gzip file is truncated");
    return text;
}

std::string read_xz(const std::filesystem::path& path) {
    const std::string compressed = read_plain(path);
    lzma_stream stream = LZMA_STREAM_INIT;
    if (lzma_stream_decoder(&stream, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK) {
        throw InputError(path.string() + ": cannot start xz decoder");
    }
    stream.next_in = reinterpret_cast<const uint8_t*>(compressed.data());
    stream.avail_in = compressed.size();
    std::string text;
    std::vector<uint8_t> buffer(1 << 20);
    lzma_ret status = LZMA_OK;
    while (status == LZMA_OK) {
        stream.next_out = buffer.data();
        stream.avail_out = buffer.size();
        status = lzma_code(&stream, LZMA_FINISH);
        text.append(reinterpret_cast<char*>(buffer.data()), buffer.size() - stream.avail_out);
    }
    lzma_end(&stream);
    if (status != LZMA_STREAM_END) throw InputError(path.string() + ": corrupt xz data");
    return text;
}

}  // namespace

std::string read_text_file(const std::filesystem::path& path) {
    if (!std::filesystem::exists(path)) throw InputError(path.string() + ": file not found");
    const std::string extension = path.extension().string();
    if (extension == ".gz") return read_gzip(path);
    if (extension == ".xz") return read_xz(path);
    return read_plain(path);
}

}  // namespace hcs
