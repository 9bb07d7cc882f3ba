// Tests of joining per-image metadata and spreading it over cells; values by construction.
#include "hcs/profile/image_metadata.hpp"

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs::profile {
namespace {

FeatureTable two_images() {
    FeatureTable images;
    images.metadata_names = {"ImageNumber", "Metadata_Well"};
    images.metadata = {{"1", "C06"}, {"2", "C07"}};
    return images;
}

TEST(JoinImageMetadata, MatchesWellsWrittenDifferently) {
    FeatureTable images = two_images();
    const CsvTable plate_map = parse_csv("well_position,genotype\nC6,WT\nC7,Het\n", "map.csv");
    join_image_metadata(images, plate_map, "well_position", "Metadata_Well");
    const std::size_t genotype = images.metadata_index("Metadata_genotype");
    ASSERT_NE(genotype, FeatureTable::npos);
    EXPECT_EQ(images.metadata[1][genotype], "Het");
}

TEST(AttachImageMetadata, PutsImageMetadataAheadOfTheCellsOwn) {
    FeatureTable cells;
    cells.metadata_names = {"ImageNumber", "ObjectNumber"};
    cells.metadata = {{"2", "1"}, {"1", "1"}};
    attach_image_metadata(cells, two_images());
    EXPECT_EQ(cells.metadata_names,
              (std::vector<std::string>{"Metadata_Well", "ImageNumber", "ObjectNumber"}));
    EXPECT_EQ(cells.metadata[0][0], "C07");
}

TEST(AttachImageMetadata, CellOfAnUnknownImageIsAnInputError) {
    FeatureTable cells;
    cells.metadata_names = {"ImageNumber", "ObjectNumber"};
    cells.metadata = {{"9", "1"}};
    EXPECT_THROW(attach_image_metadata(cells, two_images()), InputError);
}

TEST(AddMetadataColumn, FindsAnExistingColumnOrAppendsAnEmptyOne) {
    FeatureTable table;
    table.metadata_names = {"Metadata_Well"};
    table.metadata = {{"A01"}, {"A02"}};
    EXPECT_EQ(add_metadata_column(table, "Metadata_Well"), 0u);
    EXPECT_EQ(add_metadata_column(table, "Metadata_Batch"), 1u);
    EXPECT_EQ(table.metadata[1], (std::vector<std::string>{"A02", ""}));
}

}  // namespace
}  // namespace hcs::profile
