// A PNG file drawn with PLplot: the stream is opened on the "pngcairo" device when the
// installed PLplot has it, else on the "mem" device whose pixels OpenCV encodes as PNG.
#pragma once

#include <filesystem>
#include <functional>

namespace hcs {

struct PlotSize {
    int width = 900;  // pixels
    int height = 700;
};

// Opens a PLplot stream of `size` with a white background and black as colour 1, calls
// draw() to draw with PLplot's C API, and writes the PNG atomically to `path`. PLplot keeps
// global state, so plots are drawn one at a time (a mutex guards the stream).
void write_png_plot(const std::filesystem::path& path, PlotSize size,
                    const std::function<void()>& draw);

// True when PLplot offers the cairo PNG device (plplot-driver-cairo on Debian).
bool pngcairo_available();

}  // namespace hcs
