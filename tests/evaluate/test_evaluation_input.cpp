// Tests of preparing evaluation input from a config: extra metadata columns read as text,
// renames, an annotation join and a derived batch column.
#include "hcs/evaluate/evaluation_input.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

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

// The InputError message of reading `text` as evaluation input, or "" when it is accepted.
std::string refusal_of(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("hcs-evaluation-" + name + ".csv");
    std::ofstream(path) << text;
    try {
        read_evaluation_input(path, nlohmann::json::object(), {}, nullptr);
    } catch (const InputError& error) {
        return error.what();
    }
    return "";
}

TEST(ReadEvaluationInput, RefusesATableWithoutRows) {
    EXPECT_NE(refusal_of("header-only", "Metadata_Plate,Metadata_Well,f\n").find("no profiles"),
              std::string::npos);
}

TEST(ReadEvaluationInput, RefusesATableWithoutFeatures) {
    EXPECT_NE(refusal_of("metadata-only", "Metadata_Plate,Metadata_Well\nP1,A01\n")
                  .find("no feature columns"),
              std::string::npos);
}

TEST(ReadEvaluationInput, RefusesARepeatedColumnNamingIt) {
    EXPECT_NE(
        refusal_of("repeated", "Metadata_Plate,f1,f1\nP1,1,2\n").find("column 'f1' appears twice"),
        std::string::npos);
}

}  // namespace
}  // namespace hcs
