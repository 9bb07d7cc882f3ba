// Reads an image set's label images from manifest-named files (TIFF/PNG through read_labels) or
// from hcs-segment's HDF5 file, refusing floating-point labels and numbers beyond 2^31 - 1.

#include "hcs/measure/label_files.hpp"

#include <limits>
#include <vector>

#include "hcs/core/errors.hpp"
#include "hcs/core/image_reader.hpp"

namespace hcs::measure {

namespace {

struct ObjectSource {
    std::string object;   // manifest name (ObjectsFileName_<object>)
    std::string dataset;  // name under /labels in the segmentation file
    cv::Mat ImageSetObjects::*slot;
};

const std::vector<ObjectSource> kSources = {
    {"Nuclei", "nuclei", &ImageSetObjects::nuclei},
    {"Cells", "cells", &ImageSetObjects::cells},
    {"Cytoplasm", "cytoplasm", &ImageSetObjects::cytoplasm},
    {"NucleiUnfiltered", "nuclei_unfiltered", &ImageSetObjects::nuclei_unfiltered},
    {"CellsUnfiltered", "cells_unfiltered", &ImageSetObjects::cells_unfiltered},
};

}  // namespace

cv::Mat read_label_dataset(const H5::Group& group, const std::string& name,
                           const std::filesystem::path& file) {
    if (!group.nameExists(name)) return {};
    const std::string where = file.string() + ":/labels/" + name;
    H5::DataSet dataset = group.openDataSet(name);
    if (dataset.getTypeClass() != H5T_INTEGER) {
        throw InputError(where + ": label image is not integer (labels must be whole numbers)");
    }
    hsize_t size[2] = {0, 0};
    if (dataset.getSpace().getSimpleExtentNdims() != 2) {
        throw InputError(where + ": label image is not two-dimensional");
    }
    dataset.getSpace().getSimpleExtentDims(size);
    std::vector<std::int64_t> values(size[0] * size[1]);
    dataset.read(values.data(), H5::PredType::NATIVE_INT64);

    cv::Mat labels(static_cast<int>(size[0]), static_cast<int>(size[1]), CV_32S);
    auto* out = labels.ptr<std::int32_t>();
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] < 0 || values[i] > std::numeric_limits<std::int32_t>::max()) {
            throw InputError(where + ": label value " + std::to_string(values[i]) +
                             " outside 0..2^31-1 (more than 2^31 - 1 objects are not supported)");
        }
        out[i] = static_cast<std::int32_t>(values[i]);
    }
    return labels;
}

ImageSetObjects load_image_set_objects(const ImageSet& image_set,
                                       const std::filesystem::path& segmentation_folder) {
    ImageSetObjects objects;
    bool from_manifest = false;
    for (const ObjectSource& source : kSources) {
        const auto file = image_set.object_files.find(source.object);
        if (file == image_set.object_files.end()) continue;
        objects.*source.slot = read_labels(file->second);
        from_manifest = true;
    }
    if (from_manifest) return objects;

    const std::filesystem::path path = segmentation_folder / (image_set.name() + ".h5");
    if (!std::filesystem::is_directory(segmentation_folder)) {
        throw InputError("labels folder " + segmentation_folder.string() +
                         " does not exist (--labels), and the manifest has no ObjectsFileName_* "
                         "columns");
    }
    if (!std::filesystem::exists(path)) {
        throw InputError("no segmentation file " + path.string() +
                         " (and no ObjectsFileName_* columns in the manifest)");
    }
    try {
        H5::H5File file(path.string(), H5F_ACC_RDONLY);
        if (!file.nameExists("labels")) throw InputError(path.string() + ": no /labels group");
        const H5::Group group = file.openGroup("labels");
        for (const ObjectSource& source : kSources)
            objects.*source.slot = read_label_dataset(group, source.dataset, path);
    } catch (const H5::Exception& error) {
        throw InputError(path.string() + ": cannot read labels (" + error.getDetailMsg() + ")");
    }
    return objects;
}

}  // namespace hcs::measure
