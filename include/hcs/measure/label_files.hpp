// Where hcs-measure finds an image set's objects: label files named in the manifest
// (ObjectsFileName_<Object>, LoadData style) or the segmentation file hcs-segment wrote,
// seg/<plate>_<well>_<site>.h5 with /labels/nuclei, /labels/cells, /labels/cytoplasm.
#pragma once

#include <filesystem>
#include <string>

#include <H5Cpp.h>
#include <opencv2/core.hpp>

#include "hcs/core/image_set.hpp"
#include "hcs/measure/measure_image_set.hpp"

namespace hcs::measure {

// The labels of one image set. Manifest columns win; objects "NucleiUnfiltered" and
// "CellsUnfiltered" (or /labels/nuclei_unfiltered, /labels/cells_unfiltered) are the labels before
// border and size filtering, used only by the neighbour features. InputError naming the file
// when none is found, a label image is not integer, or it holds more than 2^31 - 1 objects.
ImageSetObjects load_image_set_objects(const ImageSet& image_set,
                                       const std::filesystem::path& segmentation_folder);

// One label dataset of an HDF5 group as CV_32S, with the same checks; empty Mat when absent.
cv::Mat read_label_dataset(const H5::Group& group, const std::string& name,
                           const std::filesystem::path& file);

}  // namespace hcs::measure
