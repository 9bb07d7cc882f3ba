// Single-page grey TIFF reading through libtiff: 8/16/32-bit integer and 32/64-bit float samples,
// stripped or tiled, any compression libtiff decodes (none, Deflate, LZW, PackBits).
#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <tiffio.h>

#include "hcs/core/errors.hpp"
#include "hcs/core/image_reader.hpp"

namespace hcs {
namespace {

// libtiff reports through process-wide handlers; the last message is kept per thread so that the
// error naming a file can say what libtiff found.
thread_local std::string last_tiff_message;

void remember_tiff_message(const char* module, const char* format, va_list arguments) {
    char buffer[512];
    std::vsnprintf(buffer, sizeof(buffer), format, arguments);
    last_tiff_message = std::string(module ? module : "libtiff") + ": " + buffer;
}

void ignore_tiff_warning(const char*, const char*, va_list) {}

struct TiffCloser {
    void operator()(TIFF* tiff) const { TIFFClose(tiff); }
};
using TiffHandle = std::unique_ptr<TIFF, TiffCloser>;

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
    std::string message = path.string() + ": " + what;
    if (!last_tiff_message.empty()) message += " (" + last_tiff_message + ")";
    throw InputError(message);
}

int opencv_type(const std::filesystem::path& path, uint16_t bits, uint16_t sample_format) {
    const bool is_float = sample_format == SAMPLEFORMAT_IEEEFP;
    if (is_float && bits == 32) return CV_32F;
    if (is_float && bits == 64) return CV_64F;
    // Signed samples stay signed, so that a negative label is seen as one.
    if (sample_format == SAMPLEFORMAT_INT && bits == 8) return CV_8S;
    if (sample_format == SAMPLEFORMAT_INT && bits == 16) return CV_16S;
    if (!is_float && bits == 8) return CV_8U;
    if (!is_float && bits == 16) return CV_16U;
    if (!is_float && bits == 32) return CV_32S;
    fail(path, "unsupported TIFF sample type (" + std::to_string(bits) + " bits, format " +
                   std::to_string(sample_format) + ")");
}

void read_strips(TIFF* tiff, const std::filesystem::path& path, cv::Mat& raw) {
    const size_t row_bytes = raw.cols * raw.elemSize();
    std::vector<unsigned char> scanline(TIFFScanlineSize(tiff));
    if (scanline.size() < row_bytes) fail(path, "TIFF scanline shorter than the image width");
    for (int row = 0; row < raw.rows; ++row) {
        if (TIFFReadScanline(tiff, scanline.data(), row) < 0) {
            fail(path, "truncated or corrupt TIFF at row " + std::to_string(row));
        }
        std::memcpy(raw.ptr(row), scanline.data(), row_bytes);
    }
}

void read_tiles(TIFF* tiff, const std::filesystem::path& path, cv::Mat& raw) {
    uint32_t tile_width = 0, tile_height = 0;
    TIFFGetField(tiff, TIFFTAG_TILEWIDTH, &tile_width);
    TIFFGetField(tiff, TIFFTAG_TILELENGTH, &tile_height);
    std::vector<unsigned char> tile(TIFFTileSize(tiff));
    const size_t pixel_bytes = raw.elemSize();
    for (uint32_t y = 0; y < static_cast<uint32_t>(raw.rows); y += tile_height) {
        for (uint32_t x = 0; x < static_cast<uint32_t>(raw.cols); x += tile_width) {
            if (TIFFReadTile(tiff, tile.data(), x, y, 0, 0) < 0) {
                fail(path, "truncated or corrupt TIFF tile at x=" + std::to_string(x) +
                               " y=" + std::to_string(y));
            }
            const uint32_t rows = std::min<uint32_t>(tile_height, raw.rows - y);
            const uint32_t cols = std::min<uint32_t>(tile_width, raw.cols - x);
            for (uint32_t r = 0; r < rows; ++r) {
                std::memcpy(raw.ptr(y + r) + x * pixel_bytes,
                            tile.data() + r * tile_width * pixel_bytes, cols * pixel_bytes);
            }
        }
    }
}

// A palette is accepted only when every entry is grey (red = green = blue); each index is then
// replaced by its grey level on the sample's own scale, so an identity ramp leaves values as
// they are.
void apply_grey_palette(TIFF* tiff, const std::filesystem::path& path, uint16_t bits,
                        cv::Mat& raw) {
    uint16_t *red = nullptr, *green = nullptr, *blue = nullptr;
    if (!TIFFGetField(tiff, TIFFTAG_COLORMAP, &red, &green, &blue)) {
        fail(path, "palette TIFF without a colour map");
    }
    if (bits != 8 && bits != 16) fail(path, "palette TIFF with unsupported bit depth");
    const size_t entries = size_t{1} << bits;
    const double maximum = static_cast<double>(entries - 1);
    std::vector<uint16_t> grey(entries);
    for (size_t i = 0; i < entries; ++i) {
        if (red[i] != green[i] || red[i] != blue[i]) {
            fail(path, "palette TIFF whose colour map is not grey (entry " + std::to_string(i) +
                           ") is not supported");
        }
        grey[i] = static_cast<uint16_t>(std::lround(red[i] / 65535.0 * maximum));
    }
    if (bits == 8) {
        raw.forEach<uint8_t>([&](uint8_t& value, const int*) { value = grey[value]; });
    } else {
        raw.forEach<uint16_t>([&](uint16_t& value, const int*) { value = grey[value]; });
    }
}

}  // namespace

cv::Mat read_tiff_raw(const std::filesystem::path& path) {
    TIFFSetErrorHandler(remember_tiff_message);
    TIFFSetWarningHandler(ignore_tiff_warning);
    last_tiff_message.clear();
    if (!std::filesystem::exists(path)) throw InputError(path.string() + ": file not found");

    TiffHandle tiff(TIFFOpen(path.c_str(), "r"));
    if (!tiff) fail(path, "not a readable TIFF file");
    if (TIFFNumberOfDirectories(tiff.get()) > 1) {
        fail(path, "multi-page TIFF (" + std::to_string(TIFFNumberOfDirectories(tiff.get())) +
                       " pages) is not supported; save one image per channel");
    }

    uint32_t width = 0, height = 0;
    uint16_t bits = 8, samples = 1, sample_format = SAMPLEFORMAT_UINT, photometric = 0;
    TIFFGetField(tiff.get(), TIFFTAG_IMAGEWIDTH, &width);
    TIFFGetField(tiff.get(), TIFFTAG_IMAGELENGTH, &height);
    TIFFGetFieldDefaulted(tiff.get(), TIFFTAG_BITSPERSAMPLE, &bits);
    TIFFGetFieldDefaulted(tiff.get(), TIFFTAG_SAMPLESPERPIXEL, &samples);
    TIFFGetFieldDefaulted(tiff.get(), TIFFTAG_SAMPLEFORMAT, &sample_format);
    TIFFGetField(tiff.get(), TIFFTAG_PHOTOMETRIC, &photometric);
    if (width == 0 || height == 0) fail(path, "TIFF with no pixels");
    if (samples != 1) {
        fail(path, "TIFF with " + std::to_string(samples) +
                       " samples per pixel; only grey-scale images are supported");
    }

    cv::Mat raw(static_cast<int>(height), static_cast<int>(width),
                opencv_type(path, bits, sample_format));
    if (TIFFIsTiled(tiff.get())) {
        read_tiles(tiff.get(), path, raw);
    } else {
        read_strips(tiff.get(), path, raw);
    }
    if (photometric == PHOTOMETRIC_PALETTE) apply_grey_palette(tiff.get(), path, bits, raw);
    return raw;
}

}  // namespace hcs
