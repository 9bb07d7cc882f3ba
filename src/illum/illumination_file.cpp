// Writing and reading illumination functions: HDF5 for the pipeline, float TIFF for people and
// for CellProfiler (which loads a float TIFF as an illumination function unchanged).
#include "hcs/illum/illumination_file.hpp"

#include <memory>

#include <H5Cpp.h>
#include <tiffio.h>

#include "hcs/core/atomic_file.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/core/hdf5_io.hpp"
#include "hcs/core/image_reader.hpp"

namespace hcs::illum {
namespace {

struct TiffCloser {
    void operator()(TIFF* tiff) const { TIFFClose(tiff); }
};

// Rows per TIFF strip: about 64 KiB of float32 pixels for a 640-pixel row.
constexpr int kRowsPerStrip = 32;

void write_hdf5(const std::filesystem::path& path, const PlateIllumination& plate,
                const nlohmann::json& provenance) {
    H5::H5File file(path.string(), H5F_ACC_TRUNC);
    H5::Group root = file.openGroup("/");
    hdf5::write_attribute(root, "plate", plate.plate);
    hdf5::write_attribute(root, "settings", plate.settings.to_json().dump());
    hdf5::write_attribute(root, "filter_size", plate.filter_size);
    hdf5::write_attribute(root, "provenance", provenance.dump());
    H5::Group functions = file.createGroup("/functions");
    H5::Group images = file.createGroup("/images");
    for (const auto& [channel, function] : plate.functions) {
        hdf5::write_image(functions, channel, function);
        hdf5::write_strings(images, channel, plate.images.at(channel));
    }
}

bool has_extension(const std::filesystem::path& path, const std::string& extension) {
    std::string actual = path.extension().string();
    for (auto& c : actual) c = static_cast<char>(std::tolower(c));
    return actual == extension;
}

cv::Mat read_hdf5_function(const std::filesystem::path& path, const std::string& channel) {
    try {
        H5::H5File file(path.string(), H5F_ACC_RDONLY);
        H5::Group functions = file.openGroup("/functions");
        std::string name = channel;
        if (name.empty()) {
            if (functions.getNumObjs() != 1) {
                throw InputError(path.string() + ": holds " +
                                 std::to_string(functions.getNumObjs()) +
                                 " illumination functions; name the channel");
            }
            name = functions.getObjnameByIdx(0);
        }
        if (!functions.nameExists(name)) {
            throw InputError(path.string() + ": no illumination function for channel '" + name +
                             "'");
        }
        return hdf5::read_image(functions, name);
    } catch (const H5::Exception&) {
        throw InputError(path.string() +
                         ": not an illumination function file (HDF5 with "
                         "/functions/<channel>)");
    }
}

std::vector<std::filesystem::path> write_plate_files(const std::filesystem::path& folder,
                                                     const PlateIllumination& plate,
                                                     const nlohmann::json& provenance) {
    std::vector<std::filesystem::path> written;
    const auto hdf5_path = folder / (plate.plate + ".h5");
    write_atomically(hdf5_path, [&](const std::filesystem::path& temporary) {
        write_hdf5(temporary, plate, provenance);
    });
    written.push_back(hdf5_path);
    for (const auto& [channel, function] : plate.functions) {
        const auto tiff_path = folder / (plate.plate + "_" + channel + ".tif");
        const std::string description = illumination_record(plate, channel, provenance).dump();
        write_atomically(tiff_path, [&](const std::filesystem::path& temporary) {
            write_float_tiff(temporary, function, description);
        });
        written.push_back(tiff_path);
    }
    return written;
}

}  // namespace

void write_float_tiff(const std::filesystem::path& path, const cv::Mat& pixels,
                      const std::string& description) {
    CV_Assert(pixels.type() == CV_32F && pixels.isContinuous());
    std::unique_ptr<TIFF, TiffCloser> tiff(TIFFOpen(path.c_str(), "w"));
    if (!tiff) throw InputError(path.string() + ": cannot create TIFF file");
    TIFFSetField(tiff.get(), TIFFTAG_IMAGEWIDTH, static_cast<uint32_t>(pixels.cols));
    TIFFSetField(tiff.get(), TIFFTAG_IMAGELENGTH, static_cast<uint32_t>(pixels.rows));
    TIFFSetField(tiff.get(), TIFFTAG_BITSPERSAMPLE, 32);
    TIFFSetField(tiff.get(), TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(tiff.get(), TIFFTAG_SAMPLEFORMAT, SAMPLEFORMAT_IEEEFP);
    TIFFSetField(tiff.get(), TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
    TIFFSetField(tiff.get(), TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tiff.get(), TIFFTAG_COMPRESSION, COMPRESSION_ADOBE_DEFLATE);
    TIFFSetField(tiff.get(), TIFFTAG_ROWSPERSTRIP, kRowsPerStrip);
    TIFFSetField(tiff.get(), TIFFTAG_IMAGEDESCRIPTION, description.c_str());
    for (int row = 0; row < pixels.rows; ++row) {
        if (TIFFWriteScanline(tiff.get(), const_cast<float*>(pixels.ptr<float>(row)), row) < 0) {
            throw InputError(path.string() + ": cannot write TIFF row " + std::to_string(row));
        }
    }
}

nlohmann::json illumination_record(const PlateIllumination& plate, const std::string& channel,
                                   const nlohmann::json& provenance) {
    return {{"plate", plate.plate},
            {"channel", channel},
            {"settings", plate.settings.to_json()},
            {"filter_size", plate.filter_size},
            {"images", plate.images.at(channel)},
            {"provenance", provenance}};
}

std::vector<std::filesystem::path> write_plate_illumination(const std::filesystem::path& folder,
                                                            const PlateIllumination& plate,
                                                            const nlohmann::json& provenance) {
    try {
        return write_plate_files(folder, plate, provenance);
    } catch (const std::filesystem::filesystem_error& error) {
        throw InputError(error.path1().string() + ": cannot write (" + error.code().message() +
                         ")");
    } catch (const H5::Exception& error) {
        throw InputError((folder / (plate.plate + ".h5")).string() + ": cannot write HDF5 file (" +
                         error.getDetailMsg() + ")");
    }
}

cv::Mat read_illumination_function(const std::filesystem::path& path, const std::string& channel) {
    if (!std::filesystem::exists(path)) {
        throw InputError(path.string() + ": illumination function file not found");
    }
    if (has_extension(path, ".h5")) return read_hdf5_function(path, channel);
    cv::Mat raw = read_tiff_raw(path);
    if (raw.type() != CV_32F && raw.type() != CV_64F) {
        throw InputError(path.string() +
                         ": illumination function TIFF must hold floating-point "
                         "pixels");
    }
    cv::Mat function;
    raw.convertTo(function, CV_32F);
    return function;
}

std::filesystem::path configured_function_path(const nlohmann::json& config,
                                               const std::string& channel,
                                               const std::string& plate) {
    const nlohmann::json::json_pointer where("/illum/functions");
    if (!config.contains(where) || !config.at(where).contains(channel)) return {};
    std::string path = config.at(where).at(channel).get<std::string>();
    const std::string placeholder = "{plate}";
    for (auto at = path.find(placeholder); at != std::string::npos; at = path.find(placeholder)) {
        path.replace(at, placeholder.size(), plate);
    }
    return path;
}

}  // namespace hcs::illum
