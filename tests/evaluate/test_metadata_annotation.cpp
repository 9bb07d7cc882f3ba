// Tests of joining annotations onto profiles (numbers compared as numbers, as BBBC021's
// "0.300000" against "0.3") and of deriving the batch from the plate name.
#include "hcs/evaluate/metadata_annotation.hpp"

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

FeatureTable two_wells() {
    FeatureTable table;
    table.metadata_names = {"Metadata_Plate", "Metadata_Compound", "Metadata_Concentration"};
    table.metadata = {{"Week4_27481", "taxol", "0.300000"}, {"Week10_40111", "DMSO", "0.0"}};
    table.features.resize(2, 0);
    return table;
}

TEST(JoinAnnotation, MatchesNumbersWrittenDifferently) {
    FeatureTable table = two_wells();
    const CsvTable moa = parse_csv(
        "compound,concentration,moa\ntaxol,0.3,Microtubule "
        "stabilizers\nDMSO,0,DMSO\n",
        "moa.csv");
    const AnnotationJoin join{
        "moa.csv",
        {{"Metadata_Compound", "compound"}, {"Metadata_Concentration", "concentration"}},
        {{"Metadata_MOA", "moa"}}};
    EXPECT_EQ(join_annotation(table, moa, join), 2u);
    EXPECT_EQ(table.metadata[0][3], "Microtubule stabilizers");
    EXPECT_EQ(table.metadata[1][3], "DMSO");
}

TEST(JoinAnnotation, MissingFileColumnIsAnInputError) {
    FeatureTable table = two_wells();
    const CsvTable moa = parse_csv("compound,moa\ntaxol,x\n", "moa.csv");
    const AnnotationJoin join{"moa.csv", {{"Metadata_Compound", "cmpd"}}, {}};
    EXPECT_THROW(join_annotation(table, moa, join), InputError);
}

// BBBC021 batches: the WeekN prefix of the plate name.
TEST(DeriveMetadata, TakesTheFirstCaptureGroup) {
    FeatureTable table = two_wells();
    derive_metadata(table, "Metadata_Plate", "^(Week[0-9]+)_", "Metadata_Batch");
    EXPECT_EQ(table.metadata[0].back(), "Week4");
    EXPECT_EQ(table.metadata[1].back(), "Week10");
    EXPECT_THROW(derive_metadata(table, "Metadata_Compound", "^(Week[0-9]+)_", "B"), InputError);
}

TEST(CanonicalKey, WritesNumbersInOneFormAndLeavesTextAlone) {
    EXPECT_EQ(canonical_key("0.300000"), canonical_key("0.3"));
    EXPECT_EQ(canonical_key("A01"), "A01");
}

}  // namespace
}  // namespace hcs
