// Tests of the segmentation file: what is written is read back, nothing half-written is left,
// non-segmentation files are refused by name, and the TIFF and PNG exports hold the labels.
#include "hcs/segment/segmentation_file.hpp"

#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include <H5Cpp.h>
#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"
#include "hcs/core/image_reader.hpp"

namespace hcs::segment {
namespace {

std::filesystem::path fresh_folder(const std::string& name) {
    const auto folder = std::filesystem::temp_directory_path() / ("hcs_segfile_" + name);
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    return folder;
}

// Two nuclei (1, 2), their cells and cytoplasm on a 6 x 8 field, numbers shared.
Segmentation small_segmentation() {
    Segmentation segmentation;
    segmentation.image_number = 7;
    segmentation.nuclei = cv::Mat::zeros(6, 8, CV_32S);
    segmentation.nuclei(cv::Rect(1, 1, 2, 2)).setTo(1);
    segmentation.nuclei(cv::Rect(5, 2, 2, 2)).setTo(2);
    segmentation.cells = cv::Mat::zeros(6, 8, CV_32S);
    segmentation.cells(cv::Rect(0, 0, 4, 4)).setTo(1);
    segmentation.cells(cv::Rect(4, 1, 4, 4)).setTo(2);
    segmentation.cytoplasm = segmentation.cells.clone();
    segmentation.cytoplasm.setTo(0, segmentation.nuclei != 0);
    segmentation.image_figures = {{"Count_Nuclei", 2}, {"Threshold_FinalThreshold_Nuclei", 0.125}};
    segmentation.metadata = {{"Metadata_Plate", "P1"}, {"Metadata_Well", "B03"}};
    segmentation.provenance = {{"hcs_version", "0.1.0"}, {"intensity_scaling", "raw/255 (8-bit)"}};
    return segmentation;
}

bool same_labels(const cv::Mat& a, const cv::Mat& b) {
    return a.size() == b.size() && a.type() == b.type() && cv::countNonZero(a != b) == 0;
}

TEST(SegmentationFile, ReadsBackWhatWasWritten) {
    const auto folder = fresh_folder("roundtrip");
    const Segmentation written = small_segmentation();
    write_segmentation_file(written, folder / "P1_B03_1.h5");
    const Segmentation read = read_segmentation_file(folder / "P1_B03_1.h5");
    EXPECT_TRUE(same_labels(read.nuclei, written.nuclei));
    EXPECT_TRUE(same_labels(read.cells, written.cells));
    EXPECT_TRUE(same_labels(read.cytoplasm, written.cytoplasm));
    EXPECT_EQ(read.image_number, 7);
    EXPECT_EQ(read.image_figures, written.image_figures);
    EXPECT_EQ(read.metadata, written.metadata);
    EXPECT_EQ(read.provenance, written.provenance);
}

TEST(SegmentationFile, ReadsBackTheUnfilteredObjects) {
    // Objects before filtering keep their own numbering (here 3 and 9, a border nucleus and
    // its cell included), so they must come back number for number, not renumbered.
    const auto folder = fresh_folder("unfiltered");
    Segmentation written = small_segmentation();
    written.nuclei_unfiltered = written.nuclei * 3;
    written.nuclei_unfiltered.at<int>(5, 0) = 9;
    written.cells_unfiltered = written.cells * 3;
    written.cells_unfiltered(cv::Rect(0, 4, 3, 2)).setTo(9);
    write_segmentation_file(written, folder / "P1_B03_1.h5");
    const Segmentation read = read_segmentation_file(folder / "P1_B03_1.h5");
    EXPECT_TRUE(same_labels(read.nuclei_unfiltered, written.nuclei_unfiltered));
    EXPECT_TRUE(same_labels(read.cells_unfiltered, written.cells_unfiltered));

    H5::H5File file((folder / "P1_B03_1.h5").string(), H5F_ACC_RDONLY);
    for (const char* name : {"/labels/nuclei_unfiltered", "/labels/cells_unfiltered"}) {
        EXPECT_EQ(file.openDataSet(name).getIntType().getSign(), H5T_SGN_NONE) << name;
    }
}

TEST(SegmentationFile, WithoutUnfilteredObjectsWritesNeitherAndReadsThemEmpty) {
    // hcs-measure then falls back to the final objects for neighbours (label_files.hpp).
    const auto folder = fresh_folder("no_unfiltered");
    write_segmentation_file(small_segmentation(), folder / "x.h5");
    {
        H5::H5File file((folder / "x.h5").string(), H5F_ACC_RDONLY);
        EXPECT_FALSE(file.openGroup("/labels").nameExists("nuclei_unfiltered"));
        EXPECT_FALSE(file.openGroup("/labels").nameExists("cells_unfiltered"));
    }
    const Segmentation read = read_segmentation_file(folder / "x.h5");
    EXPECT_TRUE(read.nuclei_unfiltered.empty());
    EXPECT_TRUE(read.cells_unfiltered.empty());
}

TEST(SegmentationFile, StoresLabelsAsUint32DatasetsUnderLabels) {
    // DESIGN.md §4: /labels/nuclei, /labels/cells, /labels/cytoplasm, uint32.
    const auto folder = fresh_folder("layout");
    write_segmentation_file(small_segmentation(), folder / "x.h5");
    H5::H5File file((folder / "x.h5").string(), H5F_ACC_RDONLY);
    for (const char* name : {"/labels/nuclei", "/labels/cells", "/labels/cytoplasm"}) {
        const H5::DataSet dataset = file.openDataSet(name);
        EXPECT_EQ(dataset.getIntType().getSign(), H5T_SGN_NONE) << name;
        EXPECT_EQ(dataset.getIntType().getSize(), 4u) << name;
    }
}

TEST(SegmentationFile, LeavesOnlyTheFinalFileBehind) {
    const auto folder = fresh_folder("atomic");
    write_segmentation_file(small_segmentation(), folder / "P1_B03_1.h5");
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        names.push_back(entry.path().filename().string());
    }
    EXPECT_EQ(names, std::vector<std::string>{"P1_B03_1.h5"});
}

std::string bytes_of(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(stream), {});
}

TEST(SegmentationFile, SameSegmentationGivesTheSameBytesAtAnotherTime) {
    // Nothing time-dependent is stored, so a rerun that changes nothing writes an identical file
    // (a workflow engine or a checksum can tell nothing changed).
    const auto folder = fresh_folder("bytes");
    write_segmentation_file(small_segmentation(), folder / "first.h5");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    write_segmentation_file(small_segmentation(), folder / "second.h5");
    EXPECT_TRUE(bytes_of(folder / "first.h5") == bytes_of(folder / "second.h5"));
}

TEST(SegmentationFile, RefusesAFileThatIsNotOneNamingIt) {
    const auto folder = fresh_folder("refuse");
    std::ofstream(folder / "text.h5") << "not HDF5";
    try {
        read_segmentation_file(folder / "text.h5");
        FAIL() << "no InputError";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find("text.h5"), std::string::npos);
    }
    EXPECT_THROW(read_segmentation_file(folder / "absent.h5"), InputError);
}

TEST(LabelTiffs, HoldTheLabelsAs16BitImages) {
    const auto folder = fresh_folder("tiff");
    const Segmentation segmentation = small_segmentation();
    const auto paths = write_label_tiffs(segmentation, folder, "P1_B03_1");
    ASSERT_EQ(paths.size(), 3u);
    EXPECT_EQ(paths[0].filename(), "P1_B03_1_nuclei.tif");
    EXPECT_EQ(read_tiff_raw(paths[1]).type(), CV_16U);
    EXPECT_TRUE(same_labels(read_labels(paths[0]), segmentation.nuclei));
    EXPECT_TRUE(same_labels(read_labels(paths[1]), segmentation.cells));
    EXPECT_TRUE(same_labels(read_labels(paths[2]), segmentation.cytoplasm));
}

TEST(LabelTiffs, RefuseMoreObjectsThan16BitsHold) {
    const auto folder = fresh_folder("tiff_big");
    Segmentation segmentation = small_segmentation();
    segmentation.cells.at<int>(0, 0) = 70000;
    EXPECT_THROW(write_label_tiffs(segmentation, folder, "big"), InputError);
}

TEST(Outlines, MarkTheObjectsBoundaryPixelsOnly) {
    // A 3 x 3 nucleus at (1..3, 1..3) of a 5 x 5 image: its 8 boundary pixels are outline
    // (green), its centre (2, 2) and the background keep the grey of the image.
    cv::Mat nuclei = cv::Mat::zeros(5, 5, CV_32S);
    nuclei(cv::Rect(1, 1, 3, 3)).setTo(1);
    const cv::Mat image(5, 5, CV_32F, cv::Scalar(0.5));
    const cv::Mat picture = draw_outlines(image, nuclei, cv::Mat::zeros(5, 5, CV_32S));
    const cv::Vec3b green(0, 255, 0), grey(255, 255, 255);  // 0.5 stretched to the maximum
    EXPECT_EQ(picture.at<cv::Vec3b>(1, 1), green);
    EXPECT_EQ(picture.at<cv::Vec3b>(3, 2), green);
    EXPECT_EQ(picture.at<cv::Vec3b>(2, 2), grey);
    EXPECT_EQ(picture.at<cv::Vec3b>(0, 0), grey);
}

}  // namespace
}  // namespace hcs::segment
