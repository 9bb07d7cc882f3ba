// Opens PLplot streams that end up as PNG files: the pngcairo device (anti-aliased, from the
// plplot-driver-cairo package) when present, else PLplot's built-in "mem" device rendered into
// an RGB buffer that OpenCV encodes.
#include "hcs/plot/png_plot.hpp"

#include <cstring>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>

#include <plplot/plplot.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "hcs/core/atomic_file.hpp"
#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

std::mutex plplot_mutex;

// Draws, and ends the stream even when drawing throws, so the next plot starts clean.
void draw_and_end(const std::function<void()>& draw) {
    try {
        draw();
    } catch (...) {
        plend1();
        throw;
    }
    plend1();
}

void set_up_colours() {
    plscolbg(255, 255, 255);
    plscol0(1, 0, 0, 0);        // axes and text
    plscol0(2, 200, 30, 30);    // fitted curves
    plscol0(3, 30, 80, 200);    // data points
    plscol0(4, 120, 120, 120);  // guides
}

void draw_with_cairo(const std::filesystem::path& file, PlotSize size,
                     const std::function<void()>& draw) {
    plsdev("pngcairo");
    plsfnam(file.c_str());
    plspage(0, 0, size.width, size.height, 0, 0);
    set_up_colours();
    plinit();
    draw_and_end(draw);
}

void draw_in_memory(const std::filesystem::path& file, PlotSize size,
                    const std::function<void()>& draw) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(size.width) * size.height * 3, 255);
    plsdev("mem");
    plsmem(size.width, size.height, pixels.data());
    set_up_colours();
    plinit();
    draw_and_end(draw);

    const cv::Mat rgb(size.height, size.width, CV_8UC3, pixels.data());
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    std::vector<unsigned char> png;
    if (!cv::imencode(".png", bgr, png)) throw InputError(file.string() + ": cannot encode PNG");
    std::ofstream stream(file, std::ios::binary);
    stream.write(reinterpret_cast<const char*>(png.data()),
                 static_cast<std::streamsize>(png.size()));
    if (!stream) throw InputError(file.string() + ": cannot write");
}

}  // namespace

bool pngcairo_available() {
    // plgDevs fills caller-owned arrays; `count` goes in as their size, comes out as used.
    constexpr int kMaxDevices = 128;
    std::vector<const char*> menu_storage(kMaxDevices), name_storage(kMaxDevices);
    const char** menus = menu_storage.data();
    const char** names = name_storage.data();
    int count = kMaxDevices;
    plgDevs(&menus, &names, &count);
    bool found = false;
    for (int i = 0; i < count; ++i) found |= std::strcmp(names[i], "pngcairo") == 0;
    return found;
}

void write_png_plot(const std::filesystem::path& path, PlotSize size,
                    const std::function<void()>& draw) {
    std::lock_guard<std::mutex> lock(plplot_mutex);
    const bool cairo = pngcairo_available();
    write_atomically(path, [&](const std::filesystem::path& temporary) {
        if (cairo) {
            draw_with_cairo(temporary, size, draw);
        } else {
            draw_in_memory(temporary, size, draw);
        }
        if (!std::filesystem::exists(temporary)) {
            throw InputError(path.string() + ": PLplot wrote no file");
        }
    });
}

}  // namespace hcs
