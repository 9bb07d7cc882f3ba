// Tests of preparing evaluation input from a config: extra metadata columns read as text,
// renames, an annotation join and a derived batch column.
#include "hcs/evaluate/evaluation_input.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace hcs {
namespace {

TEST(ReadEvaluationInput, RenamesJoinsAndDerivesAsConfigured) {
    const auto folder = std::filesystem::temp_directory_path() / "hcs-evaluation-input-test";
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "wells.csv") << "Image_Metadata_Plate,Image_Metadata_Well,f\n"
                                           "Week2_1,B02,1.5\nWeek3_7,C03,2\n";
    std::ofstream(folder / "map.csv") << "plate,well,compound\nWeek2_1,B02,taxol\n";
    const nlohmann::json config = {
        {"evaluate",
         {{"input",
           {{"metadata_columns", {"Image_Metadata_Plate", "Image_Metadata_Well"}},
            {"rename",
             {{"Image_Metadata_Plate", "Metadata_Plate"},
              {"Image_Metadata_Well", "Metadata_Well"}}},
            {"annotations",
             {{{"file", "map.csv"},
               {"keys", {{"Metadata_Plate", "plate"}, {"Metadata_Well", "well"}}},
               {"columns", {{"Metadata_Compound", "compound"}}}}}},
            {"derive",
             {{{"source", "Metadata_Plate"},
               {"pattern", "^(Week[0-9]+)_"},
               {"target", "Metadata_Batch"}}}}}}}}};
    std::vector<std::string> inputs;
    const FeatureTable table = read_evaluation_input(folder / "wells.csv", config, folder, &inputs);
    EXPECT_EQ(table.feature_names, std::vector<std::string>{"f"});
    EXPECT_EQ(table.metadata_names,
              (std::vector<std::string>{"Metadata_Plate", "Metadata_Well", "Metadata_Compound",
                                        "Metadata_Batch"}));
    EXPECT_EQ(table.metadata[0], (std::vector<std::string>{"Week2_1", "B02", "taxol", "Week2"}));
    EXPECT_EQ(table.metadata[1][2], "");  // no match: empty, not an error
    EXPECT_EQ(inputs.size(), 2u);
}

}  // namespace
}  // namespace hcs
