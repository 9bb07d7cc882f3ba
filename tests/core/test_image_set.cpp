// Tests of image-set loading: well normalisation, shards, manifests and the real BBBC013 folder.
#include "hcs/core/image_set.hpp"

#include <fstream>
#include <memory>
#include <sstream>

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

const std::filesystem::path kShared = HCS_SHARED_DIR;

TEST(NormaliseWell, PadsColumnAndUppercasesRow) {
    EXPECT_EQ(normalise_well("a1"), "A01");
    EXPECT_EQ(normalise_well("B12"), "B12");
    EXPECT_EQ(normalise_well("c003"), "C03");
    EXPECT_THROW(normalise_well("12"), InputError);
}

TEST(Shard, TakesEveryNthImageSetStartingAtK) {
    std::vector<ImageSet> sets(7);
    for (int i = 0; i < 7; ++i) sets[i].image_number = i + 1;
    const auto second_of_three = take_shard(sets, Shard::parse("2/3"));
    ASSERT_EQ(second_of_three.size(), 2u);  // indices 1 and 4
    EXPECT_EQ(second_of_three[0].image_number, 2);
    EXPECT_EQ(second_of_three[1].image_number, 5);
}

TEST(Shard, RefusesOutOfRangeAsUsageError) {
    EXPECT_THROW(Shard::parse("0/3"), UsageError);
    EXPECT_THROW(Shard::parse("4/3"), UsageError);
    EXPECT_THROW(Shard::parse("1-3"), UsageError);
}

TEST(ScanFolder, GroupsTheBbbc013PlateIntoFortyEightWellsOfTwoChannels) {
    // BBBC013 names files Channel<c>-<index>-<row>-<column>.tif; its README lists 48 wells of
    // rows A, B, E, F with channel 1 = GFP and channel 2 = DNA.
    const auto sets = scan_folder(kShared / "data/bbbc013/images",
                                  R"(Channel(?<channel>\d)-\d+-(?<row>[A-H])-(?<column>\d+)\.tif)",
                                  "BBBC013", {{"1", "GFP"}, {"2", "DNA"}});
    ASSERT_EQ(sets.size(), 48u);
    EXPECT_EQ(sets.front().well, "A01");
    EXPECT_EQ(sets.back().well, "F12");
    EXPECT_EQ(sets.front().channel_files.at("DNA").filename(), "Channel2-01-A-01.tif");
    EXPECT_EQ(sets.front().channel_files.at("GFP").filename(), "Channel1-01-A-01.tif");
}

TEST(ScanFolder, JoinsThePlateMapOnWell) {
    auto sets = scan_folder(kShared / "data/bbbc013/images",
                            R"(Channel(?<channel>\d)-\d+-(?<row>[A-H])-(?<column>\d+)\.tif)",
                            "BBBC013", {{"1", "GFP"}, {"2", "DNA"}});
    join_plate_map(sets, kShared / "data/bbbc013/plate_map.csv");
    // A12 is a positive control of the Wortmannin rows (plate_map.csv, CP_SBS_Controls = 1).
    const auto& a12 = sets[11];
    ASSERT_EQ(a12.well, "A12");
    EXPECT_EQ(a12.metadata.at("Metadata_CP_SBS_Controls"), "1");
}

TEST(ReadManifest, RefusesAnEmptyManifestNamingTheFile) {
    const auto path = std::filesystem::temp_directory_path() / "hcs_empty_manifest.csv";
    std::ofstream(path) << "Metadata_Plate,Metadata_Well,FileName_DNA\n";
    try {
        read_manifest(path, ColumnMap());
        FAIL() << "an empty manifest was accepted";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos);
    }
}

// FileName_GFP misspelt: its PathName_GFP stands alone, and the GFP channel must not vanish.
TEST(ReadManifest, RefusesAPathColumnWithoutItsFileColumnNamingBoth) {
    const auto path = std::filesystem::temp_directory_path() / "hcs_misspelt_manifest.csv";
    std::ofstream(path) << "Metadata_Plate,Metadata_Well,FileName_DNA,PathName_DNA,FileNme_GFP,"
                           "PathName_GFP\nP1,A01,dna.tif,images,gfp.tif,images\n";
    try {
        read_manifest(path, ColumnMap());
        FAIL() << "a PathName_GFP without FileName_GFP was accepted";
    } catch (const InputError& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find(path.string()), std::string::npos) << message;
        EXPECT_NE(message.find("PathName_GFP has no FileName_GFP"), std::string::npos) << message;
    }
}

std::filesystem::path manifest_with(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("hcs_manifest_" + name + ".csv");
    std::ofstream(path) << text;
    return path;
}

// The message of the InputError that reading `path` throws, or "" when none is thrown.
std::string manifest_error(const std::filesystem::path& path) {
    try {
        read_manifest(path, ColumnMap());
    } catch (const InputError& error) {
        return error.what();
    }
    return "";
}

TEST(ReadManifest, RefusesTwoRowsForOneImageSetNamingTheLines) {
    const auto path = manifest_with("twice",
                                    "Metadata_Plate,Metadata_Well,Metadata_Site,FileName_DNA\n"
                                    "P1,A01,1,a.tif\nP1,A02,1,b.tif\nP1,A01,1,c.tif\n");
    EXPECT_NE(manifest_error(path).find("lines 2 and 4 are both image set P1_A01_1"),
              std::string::npos)
        << manifest_error(path);
}

TEST(ReadManifest, RefusesAnEmptyFileNameCellNamingLineAndColumn) {
    const auto path = manifest_with("empty_cell",
                                    "Metadata_Plate,Metadata_Well,FileName_DNA\n"
                                    "P1,A01,a.tif\nP1,A02,\n");
    EXPECT_NE(manifest_error(path).find(path.string() + ": line 3: FileName_DNA is empty"),
              std::string::npos)
        << manifest_error(path);
}

TEST(ReadManifest, AnEmptyPlateCellGetsTheDefaultPlateName) {
    const auto path = manifest_with("no_plate",
                                    "Metadata_Plate,Metadata_Well,FileName_DNA\n"
                                    ",B03,a.tif\n");
    EXPECT_EQ(read_manifest(path, ColumnMap()).front().name(), "plate_B03_1");
}

TEST(ScanFolder, RefusesAnInvalidPatternAsAUsageError) {
    EXPECT_THROW(scan_folder(kShared / "data/bbbc013/images", "(?<channel>[A-Z+)_(?<well>\\d", ""),
                 UsageError);
}

TEST(JoinPlateMap, AnEmptyWellCellNamesTheFileAndLine) {
    std::vector<ImageSet> sets(1);
    sets[0].plate = "P1", sets[0].well = "A01", sets[0].site = "1";
    const auto plate_map = manifest_with("plate_map", "Well,Compound\nA01,DMSO\n,taxol\n");
    try {
        join_plate_map(sets, plate_map, "", "");
        FAIL() << "an empty well was accepted";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find(plate_map.string() + ": line 3:"),
                  std::string::npos)
            << error.what();
    }
}

TEST(JoinPlateMap, WarnsOnceAboutImageSetsItHasNoRowFor) {
    std::vector<ImageSet> sets(3);
    sets[0].plate = "P1", sets[0].well = "A01", sets[0].site = "1";
    sets[1].plate = "P1", sets[1].well = "B02", sets[1].site = "1";
    sets[2].plate = "P1", sets[2].well = "B03", sets[2].site = "1";
    const auto plate_map = manifest_with("partial_map", "Plate,Well,Compound\nP1,A01,DMSO\n");

    std::ostringstream log;
    const auto previous = spdlog::default_logger();
    spdlog::set_default_logger(std::make_shared<spdlog::logger>(
        "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(log)));
    join_plate_map(sets, plate_map, "", "");
    spdlog::set_default_logger(previous);

    EXPECT_EQ(sets[0].metadata.at("Metadata_Compound"), "DMSO");
    EXPECT_EQ(sets[1].metadata.count("Metadata_Compound"), 0u);
    EXPECT_NE(
        log.str().find(plate_map.string() + ": no row for 2 of 3 image sets (first P1_B02_1)"),
        std::string::npos)
        << log.str();
}

TEST(ColumnMap, RefusesAKeyItDoesNotKnowNamingIt) {
    const auto config =
        nlohmann::json::parse(R"({"column_map": {"plat": "Image_Metadata_Plate"}})");
    try {
        ColumnMap::from_json(config);
        FAIL() << "column_map key 'plat' was accepted";
    } catch (const UsageError& error) {
        EXPECT_EQ(std::string(error.what()), "unknown config key /column_map/plat");
    }
}

// A plate column the config names but the manifest lacks would put every row on plate "plate".
TEST(ReadManifest, RefusesAPlateColumnTheConfigNamesButTheManifestLacks) {
    const auto path = manifest_with("renamed_plate",
                                    "Image_Metadata_Plate,Metadata_Well,FileName_DNA\n"
                                    "P1,A01,a.tif\n");
    const ColumnMap map =
        ColumnMap::from_json(nlohmann::json::parse(R"({"column_map": {"plate": "Plate"}})"));
    try {
        read_manifest(path, map);
        FAIL() << "a missing configured plate column was accepted";
    } catch (const InputError& error) {
        EXPECT_EQ(std::string(error.what()),
                  path.string() + ": no column Plate (config /column_map/plate)");
    }
    // Under its default name the plate column stays optional.
    EXPECT_EQ(read_manifest(path, ColumnMap()).front().plate, "plate");
}

}  // namespace
}  // namespace hcs
