// Tests of the HDF5 helpers: string columns come back as written, whatever character set the
// file declares (write_strings stores UTF-8; h5py and other writers often store ASCII).
#include "hcs/core/hdf5_io.hpp"

#include <filesystem>

#include <gtest/gtest.h>

namespace hcs::hdf5 {
namespace {

std::filesystem::path fresh_file(const std::string& name) {
    const auto folder = std::filesystem::temp_directory_path() / "hcs_hdf5_io";
    std::filesystem::create_directories(folder);
    std::filesystem::remove(folder / name);
    return folder / name;
}

TEST(Hdf5Strings, ReadsBackWhatWriteStringsWrote) {
    // Written as variable-length UTF-8; reading with an ASCII memory type fails in HDF5 1.10
    // ("no appropriate function for conversion path"), so this checks the set is matched.
    const auto path = fresh_file("utf8.h5");
    const std::vector<std::string> written = {"BBBC013", "A01", "", "Zellkern µm"};
    {
        H5::H5File file(path.string(), H5F_ACC_TRUNC);
        H5::Group root = file.openGroup("/");
        write_strings(root, "column", written);
    }
    H5::H5File file(path.string(), H5F_ACC_RDONLY);
    EXPECT_EQ(read_strings(file.openGroup("/"), "column"), written);
}

TEST(Hdf5Strings, ReadsAsciiStringsOfOtherWriters) {
    const auto path = fresh_file("ascii.h5");
    {
        H5::H5File file(path.string(), H5F_ACC_TRUNC);
        H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);  // ASCII, HDF5's default set
        const hsize_t size[1] = {2};
        H5::DataSet dataset = file.createDataSet("column", type, H5::DataSpace(1, size));
        const char* values[] = {"Nuclei", "Cells"};
        dataset.write(values, type);
    }
    H5::H5File file(path.string(), H5F_ACC_RDONLY);
    EXPECT_EQ(read_strings(file.openGroup("/"), "column"),
              (std::vector<std::string>{"Nuclei", "Cells"}));
}

}  // namespace
}  // namespace hcs::hdf5
