// Tests of one image set through segmentation: bad input named, the illumination hook, the
// provenance, and CellProfiler 5's own figures: the 48-well BBBC013 plate's Count_Nuclei
// (plate fixture Image.csv.gz), A01's thresholds, and cell labels pixel by pixel.
#include "hcs/segment/segment_image_set.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

#include <H5Cpp.h>
#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "hcs/core/config.hpp"
#include "hcs/core/csv_table.hpp"
#include "hcs/core/errors.hpp"
#include "hcs/core/hdf5_io.hpp"
#include "hcs/core/image_reader.hpp"
#include "hcs/core/stage.hpp"

namespace hcs::segment {
namespace {

const std::filesystem::path kShared = HCS_SHARED_DIR;
const std::filesystem::path kSource = HCS_SOURCE_DIR;
const std::filesystem::path kBbbc013 = kShared / "data/bbbc013/images";
const std::filesystem::path kFixtures = kShared / "fixtures/cellprofiler";

std::filesystem::path fresh_folder(const std::string& name) {
    const auto folder = std::filesystem::temp_directory_path() / ("hcs_segset_" + name);
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    return folder;
}

ImageSet bbbc013_well(const std::string& index, const std::string& row, const std::string& column) {
    ImageSet image_set;
    image_set.plate = "BBBC013";
    image_set.well = row + column;
    image_set.site = "1";
    image_set.image_number = 1;
    const std::string stem = "-" + index + "-" + row + "-" + column + ".tif";
    image_set.channel_files["DNA"] = kBbbc013 / ("Channel2" + stem);
    image_set.channel_files["GFP"] = kBbbc013 / ("Channel1" + stem);
    image_set.metadata = {{"Metadata_Plate", "BBBC013"}, {"Metadata_Well", row + column}};
    return image_set;
}

nlohmann::json bbbc013_config() {
    return load_config(kSource / "configs/bbbc013.json");
}

std::string input_error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const InputError& error) {
        return error.what();
    }
    return "no InputError";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(ReadChannels, ChannelsOfDifferentSizesNameBothFiles) {
    const auto folder = fresh_folder("sizes");
    cv::imwrite((folder / "dna.tif").string(), cv::Mat(40, 30, CV_8U, cv::Scalar(10)));
    cv::imwrite((folder / "gfp.tif").string(), cv::Mat(20, 30, CV_8U, cv::Scalar(10)));
    ImageSet image_set;
    image_set.channel_files = {{"DNA", folder / "dna.tif"}, {"GFP", folder / "gfp.tif"}};
    const std::string message =
        input_error_of([&] { read_channels(image_set, read_segment_settings(load_config())); });
    EXPECT_TRUE(contains(message, "dna.tif")) << message;
    EXPECT_TRUE(contains(message, "gfp.tif")) << message;
}

TEST(ReadChannels, MissingOrNonImageFileIsNamed) {
    const auto folder = fresh_folder("missing");
    std::ofstream(folder / "text.tif") << "this is not a TIFF";
    ImageSet image_set = bbbc013_well("01", "A", "01");
    const SegmentSettings settings = read_segment_settings(load_config());
    image_set.channel_files["GFP"] = folder / "absent.tif";
    EXPECT_TRUE(
        contains(input_error_of([&] { read_channels(image_set, settings); }), "absent.tif"));
    image_set.channel_files["GFP"] = folder / "text.tif";
    EXPECT_TRUE(contains(input_error_of([&] { read_channels(image_set, settings); }), "text.tif"));
}

TEST(ReadChannels, MissingChannelIsNamed) {
    ImageSet image_set = bbbc013_well("01", "A", "01");
    image_set.channel_files.erase("GFP");
    const std::string message =
        input_error_of([&] { read_channels(image_set, read_segment_settings(load_config())); });
    EXPECT_TRUE(contains(message, "'GFP'")) << message;
}

TEST(CheckChannelsPresent, NamesTheManifestColumnTheConfigAsksFor) {
    nlohmann::json config = load_config();
    merge_config(config, {{"image", {{"channels", {{"nuclei", "Hoechst"}}}}}});
    const std::vector<ImageSet> image_sets = {bbbc013_well("01", "A", "01")};
    const SegmentSettings settings = read_segment_settings(config);
    EXPECT_EQ(
        input_error_of([&] { check_channels_present(image_sets, settings, config, "plate.csv"); }),
        "plate.csv: no column FileName_Hoechst (the nuclei channel, config "
        "/image/channels/nuclei)");
    EXPECT_TRUE(
        contains(input_error_of([&] { check_channels_present(image_sets, settings, config, ""); }),
                 "channel 'Hoechst'"));
    EXPECT_NO_THROW(check_channels_present(image_sets, read_segment_settings(load_config()),
                                           load_config(), "plate.csv"));
}

TEST(CorrectIllumination, DividesByTheFunctionAndClipsToOne) {
    // 0.2 / 2 = 0.1; 0.9 / 0.5 = 1.8, clipped to 1 (CorrectIlluminationApply's truncation).
    ChannelImage channel{"dna.tif", (cv::Mat_<float>(1, 2) << 0.2f, 0.9f), {}};
    correct_illumination(channel, {"illum.tif", (cv::Mat_<float>(1, 2) << 2.0f, 0.5f)});
    EXPECT_FLOAT_EQ(channel.pixels.at<float>(0, 0), 0.1f);
    EXPECT_FLOAT_EQ(channel.pixels.at<float>(0, 1), 1.0f);
}

TEST(CorrectIllumination, FunctionOfAnotherSizeNamesBothFiles) {
    ChannelImage channel{"dna.tif", cv::Mat(2, 2, CV_32F, cv::Scalar(0.5)), {}};
    const std::string message = input_error_of([&] {
        correct_illumination(channel, {"illum.tif", cv::Mat(3, 3, CV_32F, cv::Scalar(1))});
    });
    EXPECT_TRUE(contains(message, "illum.tif") && contains(message, "dna.tif")) << message;
}

TEST(ReadIlluminationFunctions, ReadsCellProfilersFloatTiff) {
    // The fixture README: IllumDNA.tif is 640 x 640 float32, minimum 1.0 after rescaling.
    SegmentSettings settings;
    settings.illumination_functions["DNA"] = kFixtures / "bbbc013-illumination/IllumDNA.tif";
    const IlluminationFunctions functions = read_illumination_functions(settings);
    double minimum = 0, maximum = 0;
    cv::minMaxLoc(functions.at("DNA").function, &minimum, &maximum);
    EXPECT_EQ(functions.at("DNA").function.size(), cv::Size(640, 640));
    EXPECT_FLOAT_EQ(minimum, 1.0f);
    EXPECT_NEAR(maximum, 3.978, 0.001);
}

TEST(ReadIlluminationFunctions, ReadsHcsIllumsHdf5AndSubstitutesThePlate) {
    // hcs-illum writes illum/<plate>.h5 with /functions/<channel> (docs/illumination.md).
    const auto folder = fresh_folder("illum_h5");
    const cv::Mat function = (cv::Mat_<float>(2, 2) << 1.0f, 2.0f, 3.0f, 4.0f);
    {
        H5::H5File file((folder / "P7.h5").string(), H5F_ACC_TRUNC);
        H5::Group functions = file.createGroup("/functions");
        hdf5::write_image(functions, "DNA", function);
    }
    SegmentSettings settings;
    settings.illumination_functions["DNA"] = folder / "{plate}.h5";
    const IlluminationFunctions read = read_illumination_functions(settings, "P7");
    EXPECT_EQ(read.at("DNA").path, folder / "P7.h5");
    EXPECT_EQ(cv::countNonZero(read.at("DNA").function != function), 0);
    EXPECT_TRUE(
        contains(input_error_of([&] { read_illumination_functions(settings, "P8"); }), "P8.h5"));
}

TEST(SegmentImageSet, RecordsProvenanceAndIlluminationCorrection) {
    nlohmann::json config = bbbc013_config();
    const SegmentSettings plain = read_segment_settings(config);
    const Segmentation without =
        segment_image_set(bbbc013_well("01", "A", "01"), plain, {}, config);
    EXPECT_EQ(without.provenance.at("illumination_correction"), "none");
    EXPECT_EQ(without.provenance.at("intensity_scaling"), "raw/255 (8-bit)");
    EXPECT_EQ(without.provenance.at("inputs").size(), 2u);
    EXPECT_EQ(without.provenance.at("config"), config);
    EXPECT_EQ(without.metadata.at("Metadata_Well"), "A01");

    SegmentSettings corrected = plain;
    corrected.illumination_functions["DNA"] = kFixtures / "bbbc013-illumination/IllumDNA.tif";
    const Segmentation with = segment_image_set(bbbc013_well("01", "A", "01"), corrected,
                                                read_illumination_functions(corrected), config);
    EXPECT_TRUE(with.provenance.at("illumination_correction").contains("DNA"));
    // Dividing DNA by a function >= 1 lowers its threshold; GFP is untouched.
    EXPECT_LT(with.image_figures.at("Threshold_FinalThreshold_Nuclei"),
              without.image_figures.at("Threshold_FinalThreshold_Nuclei"));
    EXPECT_DOUBLE_EQ(with.image_figures.at("Threshold_FinalThreshold_Cells"),
                     without.image_figures.at("Threshold_FinalThreshold_Cells"));
}

TEST(SegmentImageSet, Bbbc013WellA01MatchesCellProfilersImageFigures) {
    // fixtures/cellprofiler/bbbc013-A01: 333 nuclei, cells and cytoplasm; thresholds
    // 0.1277519315481186 (Nuclei) and 0.08053164929151535 (Cells); ImageQuality_PercentMaximal_DNA
    // 0.000244140625 (Image.csv).
    const nlohmann::json config = bbbc013_config();
    const Segmentation result =
        segment_image_set(bbbc013_well("01", "A", "01"), read_segment_settings(config), {}, config);
    const auto& figures = result.image_figures;
    EXPECT_EQ(figures.at("Count_Nuclei"), 333);
    EXPECT_EQ(figures.at("Count_Cells"), 333);
    EXPECT_EQ(figures.at("Count_Cytoplasm"), 333);
    EXPECT_NEAR(figures.at("Threshold_FinalThreshold_Nuclei"), 0.1277519315481186, 1e-6);
    EXPECT_NEAR(figures.at("Threshold_OrigThreshold_Nuclei"), 0.1277519315481186, 1e-6);
    EXPECT_NEAR(figures.at("Threshold_FinalThreshold_Cells"), 0.08053164929151535, 1e-6);
    EXPECT_DOUBLE_EQ(figures.at("ImageQuality_PercentMaximal_DNA"), 0.000244140625);
    EXPECT_TRUE(figures.count("ImageQuality_PowerLogLogSlope_GFP"));
}

TEST(SegmentImageSet, Bbbc013ConfigReadsTheUpstreamBmpFiles) {
    // Upstream BBBC013 ships 8-bit grey BMPs with the same stems (Channel1-01-A-01.BMP), which
    // scripts/fetch-bbbc013.sh lays out under a data root. A BMP of A01's pixels must load
    // through configs/bbbc013.json and give CellProfiler's 333 nuclei (bbbc013-A01 fixture).
    const auto root = fresh_folder("bmp_root");
    std::filesystem::create_directories(root / "bbbc013/images");
    for (const std::string channel : {"1", "2"}) {
        const auto tiff = kBbbc013 / ("Channel" + channel + "-01-A-01.tif");
        const auto bmp = root / "bbbc013/images" / ("Channel" + channel + "-01-A-01.BMP");
        ASSERT_TRUE(cv::imwrite(bmp.string(), read_tiff_raw(tiff)));
    }
    std::ofstream(root / "bbbc013/plate_map.csv") << "Plate,Well,Concentration\nBBBC013,A01,0\n";
    const nlohmann::json config = bbbc013_config();
    StageOptions options;
    options.data_root = root.string();
    const std::vector<ImageSet> image_sets = load_image_sets(options, config);
    ASSERT_EQ(image_sets.size(), 1u);
    EXPECT_EQ(image_sets[0].metadata.at("Metadata_Concentration"), "0");
    const Segmentation result =
        segment_image_set(image_sets[0], read_segment_settings(config), {}, config);
    EXPECT_EQ(result.image_figures.at("Count_Nuclei"), 333);
}

// Share of pixels inside either object set where both carry the same label.
double pixel_agreement(const cv::Mat& ours, const cv::Mat& theirs) {
    const cv::Mat either = (ours != 0) | (theirs != 0);
    const cv::Mat same = either & (ours == theirs);
    return cv::countNonZero(same) / static_cast<double>(cv::countNonZero(either));
}

// Pixels where two label images disagree once each object of `ours` is paired with the object
// of `theirs` it shares most pixels with: 0 exactly when both hold the same objects, numbered
// either way. Internal labels keep CellProfiler's declumping numbering, which ours need not
// follow (fixture README), so labels are compared object by object, not number by number.
int pixels_differing_object_by_object(const cv::Mat& ours, const cv::Mat& theirs) {
    if (ours.size() != theirs.size()) return -1;
    std::map<int, std::map<int, int>> overlap;  // our label -> their label -> pixels
    for (int y = 0; y < ours.rows; ++y) {
        for (int x = 0; x < ours.cols; ++x) ++overlap[ours.at<int>(y, x)][theirs.at<int>(y, x)];
    }
    std::map<int, int> partner;  // our label -> their label
    std::map<int, int> claimed;  // their label -> how many of ours chose it
    for (const auto& [label, counts] : overlap) {
        const auto best = std::max_element(counts.begin(), counts.end(),
                                           [](auto a, auto b) { return a.second < b.second; });
        partner[label] = best->first;
        ++claimed[best->first];
    }
    int differing = 0;
    for (const auto& [label, counts] : overlap) {
        for (const auto& [their_label, pixels] : counts) {
            const bool paired = partner[label] == their_label && claimed[their_label] == 1 &&
                                (label == 0) == (their_label == 0);
            if (!paired) differing += pixels;
        }
    }
    return differing;
}

TEST(SegmentImageSet, Bbbc013WellA01UnfilteredObjectsAreCellProfilersInternalLabels) {
    // fixtures/cellprofiler/bbbc013-A01/cp_internal_labels: Nuclei_small_removed.tif (after
    // border removal and the too-small filter) and Cells_propagated_unfiltered.tif (propagation
    // from every seed, holes filled): what MeasureObjectNeighbors counts neighbours among.
    const nlohmann::json config = bbbc013_config();
    const Segmentation result =
        segment_image_set(bbbc013_well("01", "A", "01"), read_segment_settings(config), {}, config);
    const auto internal = kFixtures / "bbbc013-A01/cp_internal_labels";
    const cv::Mat nuclei = read_labels(internal / "Nuclei_small_removed.tif");
    const cv::Mat cells = read_labels(internal / "Cells_propagated_unfiltered.tif");
    EXPECT_EQ(pixels_differing_object_by_object(result.nuclei_unfiltered, nuclei), 0);
    EXPECT_EQ(pixels_differing_object_by_object(result.cells_unfiltered, cells), 0);
    // Border nuclei's territories are among the unfiltered cells, not the final ones (README).
    EXPECT_GT(cv::countNonZero(result.cells_unfiltered), cv::countNonZero(result.cells));
}

TEST(PixelsDifferingObjectByObject, IgnoresNumberingButNotShape) {
    // Hand case: the same two objects numbered 1, 2 and 7, 4 differ nowhere; moving one pixel
    // of an object into the background makes exactly that pixel differ.
    cv::Mat ours = cv::Mat::zeros(3, 4, CV_32S), theirs = cv::Mat::zeros(3, 4, CV_32S);
    ours(cv::Rect(0, 0, 2, 2)).setTo(1);
    ours(cv::Rect(3, 0, 1, 3)).setTo(2);
    theirs(cv::Rect(0, 0, 2, 2)).setTo(7);
    theirs(cv::Rect(3, 0, 1, 3)).setTo(4);
    EXPECT_EQ(pixels_differing_object_by_object(ours, theirs), 0);
    theirs.at<int>(2, 3) = 0;
    EXPECT_EQ(pixels_differing_object_by_object(ours, theirs), 1);
    // Two of our objects merged into one of theirs: neither is paired, all 7 pixels differ.
    theirs.setTo(5, theirs != 0);
    EXPECT_EQ(pixels_differing_object_by_object(ours, theirs), 7);
}

struct CellsCase {
    const char* fixture;
    ImageSet image_set;
    nlohmann::json config;
};

TEST(SegmentImageSet, CellsFromOurOwnNucleiAgreeWithCellProfilersLabels) {
    // CellProfiler's labels/Cells.tif of four fixtures; ExampleFly runs on the defaults
    // (diameter 10..40, its README), BBBC013 on configs/bbbc013.json.
    ImageSet fly;
    fly.plate = "ExampleFly";
    fly.well = "A01";
    fly.site = "1";
    const auto fly_images = kShared / "data/examplefly/images";
    fly.channel_files = {{"DNA", fly_images / "01_POS002_D.TIF"},
                         {"GFP", fly_images / "01_POS002_F.TIF"}};
    const std::vector<CellsCase> cases = {
        {"bbbc013-A01", bbbc013_well("01", "A", "01"), bbbc013_config()},
        {"bbbc013-A07", bbbc013_well("07", "A", "07"), bbbc013_config()},
        {"bbbc013-A12", bbbc013_well("12", "A", "12"), bbbc013_config()},
        {"examplefly-01_POS002", fly, load_config()}};
    for (const auto& test_case : cases) {
        const Segmentation result = segment_image_set(
            test_case.image_set, read_segment_settings(test_case.config), {}, test_case.config);
        const auto labels = kFixtures / test_case.fixture / "labels";
        const double nuclei = pixel_agreement(result.nuclei, read_labels(labels / "Nuclei.tif"));
        const double cells = pixel_agreement(result.cells, read_labels(labels / "Cells.tif"));
        const double cytoplasm =
            pixel_agreement(result.cytoplasm, read_labels(labels / "Cytoplasm.tif"));
        const int differing_cells =
            cv::countNonZero(result.cells != read_labels(labels / "Cells.tif"));
        std::printf(
            "%s: pixel agreement nuclei %.6f, cells %.6f (%d pixels differ), "
            "cytoplasm %.6f\n",
            test_case.fixture, nuclei, cells, differing_cells, cytoplasm);
        EXPECT_GE(cells, 0.99) << test_case.fixture;
        EXPECT_GE(nuclei, 0.99) << test_case.fixture;
    }
}

TEST(SegmentImageSet, Bbbc013PlateNucleusCountsAreWithinTwoPercentOfCellProfiler) {
    // The 48 wells as hcs-segment loads them from configs/bbbc013.json, against
    // Count_Nuclei of CellProfiler's plate run (Image.csv.gz, ImageNumber = wells in order).
    const nlohmann::json config = bbbc013_config();
    StageOptions options;
    options.data_root = (kShared / "data").string();
    const std::vector<ImageSet> image_sets = load_image_sets(options, config);
    ASSERT_EQ(image_sets.size(), 48u);
    const CsvTable cellprofiler = read_csv(kFixtures / "bbbc013-plate-percell/Image.csv.gz");
    const auto row_at = cellprofiler.column("Metadata_WellRow");
    const auto column_at = cellprofiler.column("Metadata_WellColumn");
    const auto count_at = cellprofiler.column("Count_Nuclei");
    std::map<std::string, double> expected;
    for (const auto& row : cellprofiler.rows) {
        expected[row[row_at] + row[column_at]] = std::stod(row[count_at]);
    }

    const SegmentSettings settings = read_segment_settings(config);
    double worst = 0;
    std::string worst_well;
    for (const auto& image_set : image_sets) {
        const Segmentation result = segment_image_set(image_set, settings, {}, config);
        const double theirs = expected.at(image_set.well);
        const double difference =
            std::abs(result.image_figures.at("Count_Nuclei") - theirs) / theirs;
        EXPECT_LE(difference, 0.02) << image_set.well;
        if (difference >= worst) {
            worst = difference;
            worst_well = image_set.well;
        }
    }
    std::printf("worst relative Count_Nuclei difference: %.4f (%s)\n", worst, worst_well.c_str());
}

}  // namespace
}  // namespace hcs::segment
