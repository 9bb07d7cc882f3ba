// Label inputs of hcs-measure (label_files.cpp): hcs-segment's HDF5 file is read as written, the
// manifest's files win over it, and non-integer or oversized labels are refused. Expected values
// are the labels written by each test.

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <vector>

#include <H5Cpp.h>

#include "hcs/core/errors.hpp"
#include "hcs/measure/label_files.hpp"

namespace {

namespace fs = std::filesystem;
using hcs::measure::load_image_set_objects;

hcs::ImageSet image_set_p1_a01() {
    hcs::ImageSet image_set;
    image_set.plate = "P1";
    image_set.well = "A01";
    image_set.site = "1";
    return image_set;
}

// Writes seg/P1_A01_1.h5 with /labels/<name> = `values` (4x5) of the given HDF5 type.
fs::path write_segmentation(const std::string& test, const std::string& name,
                            const std::vector<std::uint32_t>& values,
                            const H5::PredType& type = H5::PredType::STD_U32LE) {
    const fs::path folder = fs::path(testing::TempDir()) / ("hcs_label_files_" + test);
    fs::remove_all(folder);
    fs::create_directories(folder);
    H5::H5File file((folder / "P1_A01_1.h5").string(), H5F_ACC_TRUNC);
    H5::Group group = file.createGroup("labels");
    const hsize_t size[2] = {4, 5};
    H5::DataSet dataset = group.createDataSet(name, type, H5::DataSpace(2, size));
    dataset.write(values.data(), H5::PredType::NATIVE_UINT32);
    return folder;
}

TEST(LabelFiles, SegmentationFileLabelsAreReadAsWritten) {
    std::vector<std::uint32_t> values(20, 0);
    values[6] = 1;   // row 1, column 1
    values[13] = 2;  // row 2, column 3
    const fs::path folder = write_segmentation("read", "nuclei", values);
    const auto objects = load_image_set_objects(image_set_p1_a01(), folder);
    ASSERT_EQ(objects.nuclei.size(), cv::Size(5, 4));
    EXPECT_EQ(objects.nuclei.type(), CV_32S);
    EXPECT_EQ(objects.nuclei.at<int>(1, 1), 1);
    EXPECT_EQ(objects.nuclei.at<int>(2, 3), 2);
    EXPECT_TRUE(objects.cells.empty());  // not in the file
}

TEST(LabelFiles, FloatingPointDatasetIsRefused) {
    const fs::path folder = write_segmentation("float", "cells", std::vector<std::uint32_t>(20, 1),
                                               H5::PredType::IEEE_F32LE);
    EXPECT_THROW(load_image_set_objects(image_set_p1_a01(), folder), hcs::InputError);
}

TEST(LabelFiles, MissingSegmentationFileNamesThePath) {
    const fs::path folder = fs::path(testing::TempDir()) / "empty_labels_folder";
    fs::create_directories(folder);
    try {
        load_image_set_objects(image_set_p1_a01(), folder);
        FAIL() << "expected an InputError";
    } catch (const hcs::InputError& error) {
        EXPECT_NE(std::string(error.what()).find("P1_A01_1.h5"), std::string::npos);
    }
}

TEST(LabelFiles, MissingLabelsFolderNamesTheFolder) {
    const fs::path folder = fs::path(testing::TempDir()) / "no_such_dir";
    try {
        load_image_set_objects(image_set_p1_a01(), folder);
        FAIL() << "expected an InputError";
    } catch (const hcs::InputError& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("labels folder " + folder.string() + " does not exist"),
                  std::string::npos)
            << message;
    }
}

TEST(LabelFiles, ManifestLabelFilesWinOverTheSegmentationFile) {
    const fs::path folder =
        write_segmentation("manifest", "nuclei", std::vector<std::uint32_t>(20, 7));
    hcs::ImageSet image_set = image_set_p1_a01();
    image_set.object_files["Nuclei"] =
        fs::path(HCS_SHARED_DIR) / "cases/c04-intensity-pattern/labels.tif";  // 9x9, label 1
    const auto objects = load_image_set_objects(image_set, folder);
    EXPECT_EQ(objects.nuclei.size(), cv::Size(9, 9));
    EXPECT_EQ(objects.nuclei.at<int>(2, 2), 1);
}

}  // namespace
