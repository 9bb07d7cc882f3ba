// Small helpers over the HDF5 C++ API for the datasets and attributes our files hold: string
// columns, float64 matrices, uint32 label images, and scalar attributes.
#pragma once

#include <string>
#include <vector>

#include <H5Cpp.h>
#include <opencv2/core.hpp>

namespace hcs::hdf5 {

void write_attribute(H5::H5Object& object, const std::string& name, const std::string& value);
void write_attribute(H5::H5Object& object, const std::string& name, double value);
std::string read_string_attribute(const H5::H5Object& object, const std::string& name);
double read_double_attribute(const H5::H5Object& object, const std::string& name);

void write_strings(H5::Group& group, const std::string& name,
                   const std::vector<std::string>& values);
std::vector<std::string> read_strings(const H5::Group& group, const std::string& name);

// Row-major rows x columns float64 matrix, compressed in chunks.
void write_matrix(H5::Group& group, const std::string& name, const double* values, std::size_t rows,
                  std::size_t columns);
std::vector<double> read_matrix(const H5::Group& group, const std::string& name, std::size_t& rows,
                                std::size_t& columns);

// CV_32S labels stored as uint32 (0 = background), or a CV_32F image as float32.
void write_image(H5::Group& group, const std::string& name, const cv::Mat& image);
cv::Mat read_image(const H5::Group& group, const std::string& name);

}  // namespace hcs::hdf5
