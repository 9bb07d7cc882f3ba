// Writing and reading the per-image-set segmentation file (DESIGN.md §4) with the HDF5 C++ API,
// and its optional exports: 16-bit label TIFFs through libtiff and an outline PNG through OpenCV.
#include "hcs/segment/segmentation_file.hpp"

#include <algorithm>
#include <mutex>

#include <H5Cpp.h>
#include <tiffio.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "hcs/core/atomic_file.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/core/hdf5_io.hpp"

namespace hcs::segment {
namespace {

constexpr const char* kObjectNames[] = {"nuclei", "cells", "cytoplasm"};
constexpr const char* kUnfilteredNames[] = {"nuclei_unfiltered", "cells_unfiltered"};
constexpr double kLargestTiffLabel = 65535.0;
// Chunks of 256 x 256 labels, Deflate level 4: the layout hcs::hdf5 uses for every image.
constexpr hsize_t kChunkSide = 256;
constexpr int kDeflateLevel = 4;

// The HDF5 library is built thread-safe, but its C++ wrapper's reference counts are not
// documented as such; image sets of several threads write one at a time.
std::mutex& hdf5_mutex() {
    static std::mutex mutex;
    return mutex;
}

const cv::Mat& labels_of(const Segmentation& segmentation, int object) {
    if (object == 0) return segmentation.nuclei;
    return object == 1 ? segmentation.cells : segmentation.cytoplasm;
}

// Labels as uint32 in Deflate-compressed chunks. HDF5 stamps objects with their creation time
// unless told not to; without stamps the same segmentation gives the same bytes, so a workflow
// engine or a checksum can tell that a rerun changed nothing.
void write_labels(H5::Group& group, const char* name, const cv::Mat& labels) {
    const cv::Mat continuous = labels.isContinuous() ? labels : labels.clone();
    const hsize_t size[2] = {hsize_t(labels.rows), hsize_t(labels.cols)};
    H5::DSetCreatPropList properties;
    H5Pset_obj_track_times(properties.getId(), false);
    if (size[0] > 0 && size[1] > 0) {
        const hsize_t chunk[2] = {std::min<hsize_t>(size[0], kChunkSide),
                                  std::min<hsize_t>(size[1], kChunkSide)};
        properties.setChunk(2, chunk);
        properties.setDeflate(kDeflateLevel);
    }
    H5::DataSet dataset =
        group.createDataSet(name, H5::PredType::STD_U32LE, H5::DataSpace(2, size), properties);
    dataset.write(continuous.data, H5::PredType::NATIVE_INT32);
}

// The /labels group, also without a time stamp (the C++ API of HDF5 1.10 has no group creation
// property list, so the C calls make it).
H5::Group create_labels_group(H5::H5File& file) {
    const hid_t properties = H5Pcreate(H5P_GROUP_CREATE);
    H5Pset_obj_track_times(properties, false);
    const hid_t group = H5Gcreate2(file.getId(), "/labels", H5P_DEFAULT, properties, H5P_DEFAULT);
    H5Pclose(properties);
    if (group < 0) throw H5::GroupIException("create_labels_group", "cannot create /labels");
    return H5::Group(group);  // the Group closes the id when it goes
}

void write_hdf5(const Segmentation& segmentation, const std::filesystem::path& path) {
    H5::H5File file(path.string(), H5F_ACC_TRUNC);
    H5::Group labels = create_labels_group(file);
    for (int object = 0; object < 3; ++object) {
        write_labels(labels, kObjectNames[object], labels_of(segmentation, object));
    }
    const cv::Mat* unfiltered[] = {&segmentation.nuclei_unfiltered, &segmentation.cells_unfiltered};
    for (int object = 0; object < 2; ++object) {
        if (!unfiltered[object]->empty()) {
            write_labels(labels, kUnfilteredNames[object], *unfiltered[object]);
        }
    }
    H5::Group root = file.openGroup("/");
    hdf5::write_attribute(root, "hcs_format", std::string(kSegmentationFormat));
    hdf5::write_attribute(root, "ImageNumber", double(segmentation.image_number));
    for (const auto& [name, value] : segmentation.image_figures) {
        hdf5::write_attribute(root, name, value);
    }
    for (const auto& [name, value] : segmentation.metadata) {
        hdf5::write_attribute(root, name, value);
    }
    hdf5::write_attribute(root, "provenance", segmentation.provenance.dump());
}

void read_root_attributes(const H5::Group& root, Segmentation& segmentation) {
    for (int i = 0; i < root.getNumAttrs(); ++i) {
        H5::Attribute attribute = root.openAttribute(static_cast<unsigned>(i));
        const std::string name = attribute.getName();
        if (attribute.getTypeClass() == H5T_STRING) {
            std::string value;
            attribute.read(attribute.getStrType(), value);
            if (name == "provenance") {
                segmentation.provenance = nlohmann::json::parse(value);
            } else if (name.rfind("Metadata_", 0) == 0) {
                segmentation.metadata[name] = value;
            }
        } else if (name == "ImageNumber") {
            segmentation.image_number = static_cast<int>(hdf5::read_double_attribute(root, name));
        } else {
            segmentation.image_figures[name] = hdf5::read_double_attribute(root, name);
        }
    }
}

void write_tiff16(const cv::Mat& labels, const std::filesystem::path& path) {
    TIFF* tiff = TIFFOpen(path.c_str(), "w");
    if (!tiff) throw InputError(path.string() + ": cannot create TIFF");
    TIFFSetField(tiff, TIFFTAG_IMAGEWIDTH, labels.cols);
    TIFFSetField(tiff, TIFFTAG_IMAGELENGTH, labels.rows);
    TIFFSetField(tiff, TIFFTAG_BITSPERSAMPLE, 16);
    TIFFSetField(tiff, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(tiff, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
    TIFFSetField(tiff, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tiff, TIFFTAG_COMPRESSION, COMPRESSION_ADOBE_DEFLATE);
    TIFFSetField(tiff, TIFFTAG_ROWSPERSTRIP, TIFFDefaultStripSize(tiff, 0));
    cv::Mat samples;
    labels.convertTo(samples, CV_16U);
    bool written = true;
    for (int row = 0; row < samples.rows && written; ++row) {
        written = TIFFWriteScanline(tiff, samples.ptr<uint16_t>(row), row, 0) >= 0;
    }
    TIFFClose(tiff);
    if (!written) throw InputError(path.string() + ": cannot write TIFF");
}

// A pixel of an object whose 4-neighbour has another label (or lies outside the image).
cv::Mat outline_mask(const cv::Mat& labels) {
    cv::Mat outline(labels.size(), CV_8U, cv::Scalar(0));
    for (int y = 0; y < labels.rows; ++y) {
        const int* row = labels.ptr<int>(y);
        for (int x = 0; x < labels.cols; ++x) {
            const int label = row[x];
            if (label == 0) continue;
            const bool edge = y == 0 || x == 0 || y == labels.rows - 1 || x == labels.cols - 1;
            if (edge || row[x - 1] != label || row[x + 1] != label ||
                labels.at<int>(y - 1, x) != label || labels.at<int>(y + 1, x) != label) {
                outline.at<uchar>(y, x) = 255;
            }
        }
    }
    return outline;
}

}  // namespace

std::string segmentation_file_name(const std::string& image_set_name) {
    return image_set_name + ".h5";
}

void write_segmentation_file(const Segmentation& segmentation, const std::filesystem::path& path) {
    write_atomically(path, [&](const std::filesystem::path& temporary) {
        std::lock_guard<std::mutex> lock(hdf5_mutex());
        try {
            write_hdf5(segmentation, temporary);
        } catch (const H5::Exception& error) {
            throw InputError(path.string() + ": cannot write HDF5 (" + error.getDetailMsg() + ")");
        }
    });
}

Segmentation read_segmentation_file(const std::filesystem::path& path) {
    if (!std::filesystem::is_regular_file(path)) {
        throw InputError(path.string() + ": no such segmentation file");
    }
    std::lock_guard<std::mutex> lock(hdf5_mutex());
    H5::Exception::dontPrint();  // the failure becomes one InputError line, not a stack dump
    Segmentation segmentation;
    try {
        H5::H5File file(path.string(), H5F_ACC_RDONLY);
        H5::Group labels = file.openGroup("/labels");
        segmentation.nuclei = hdf5::read_image(labels, kObjectNames[0]);
        segmentation.cells = hdf5::read_image(labels, kObjectNames[1]);
        segmentation.cytoplasm = hdf5::read_image(labels, kObjectNames[2]);
        // Files of hcs-segmentation/1 written before the unfiltered objects existed lack them.
        cv::Mat* unfiltered[] = {&segmentation.nuclei_unfiltered, &segmentation.cells_unfiltered};
        for (int object = 0; object < 2; ++object) {
            if (labels.nameExists(kUnfilteredNames[object])) {
                *unfiltered[object] = hdf5::read_image(labels, kUnfilteredNames[object]);
            }
        }
        read_root_attributes(file.openGroup("/"), segmentation);
    } catch (const H5::Exception& error) {
        throw InputError(path.string() + ": not a segmentation file (" + error.getDetailMsg() +
                         ")");
    } catch (const nlohmann::json::exception&) {
        throw InputError(path.string() + ": its provenance attribute is not JSON");
    }
    return segmentation;
}

std::vector<std::filesystem::path> write_label_tiffs(const Segmentation& segmentation,
                                                     const std::filesystem::path& folder,
                                                     const std::string& stem) {
    std::vector<std::filesystem::path> paths;
    for (int object = 0; object < 3; ++object) {
        const cv::Mat& labels = labels_of(segmentation, object);
        const auto path = folder / (stem + "_" + kObjectNames[object] + ".tif");
        double minimum = 0, maximum = 0;
        cv::minMaxLoc(labels, &minimum, &maximum);
        if (maximum > kLargestTiffLabel) {
            throw InputError(path.string() + ": " + std::to_string(int(maximum)) +
                             " objects do not fit a 16-bit TIFF");
        }
        write_atomically(
            path, [&](const std::filesystem::path& temporary) { write_tiff16(labels, temporary); });
        paths.push_back(path);
    }
    return paths;
}

cv::Mat draw_outlines(const cv::Mat& image, const cv::Mat& nuclei, const cv::Mat& cells) {
    double minimum = 0, maximum = 0;
    cv::minMaxLoc(image, &minimum, &maximum);
    cv::Mat grey;
    image.convertTo(grey, CV_8U, maximum > 0 ? 255.0 / maximum : 0.0);
    cv::Mat picture;
    cv::cvtColor(grey, picture, cv::COLOR_GRAY2BGR);
    picture.setTo(cv::Scalar(255, 0, 255), outline_mask(cells));
    picture.setTo(cv::Scalar(0, 255, 0), outline_mask(nuclei));
    return picture;
}

void write_outlines_png(const cv::Mat& image, const Segmentation& segmentation,
                        const std::filesystem::path& path) {
    const cv::Mat picture = draw_outlines(image, segmentation.nuclei, segmentation.cells);
    write_atomically(path, [&](const std::filesystem::path& temporary) {
        if (!cv::imwrite(temporary.string(), picture)) {
            throw InputError(path.string() + ": cannot write PNG");
        }
    });
}

}  // namespace hcs::segment
