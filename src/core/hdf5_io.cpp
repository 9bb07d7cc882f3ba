// HDF5 reading and writing of the few dataset shapes our files use.
#include "hcs/core/hdf5_io.hpp"

#include <algorithm>

namespace hcs::hdf5 {
namespace {

H5::DSetCreatPropList compressed_chunks(hsize_t rows, hsize_t columns) {
    H5::DSetCreatPropList properties;
    if (rows == 0 || columns == 0) return properties;
    const hsize_t chunk[2] = {std::min<hsize_t>(rows, 256), std::min<hsize_t>(columns, 256)};
    properties.setChunk(2, chunk);
    properties.setDeflate(4);
    return properties;
}

}  // namespace

void write_attribute(H5::H5Object& object, const std::string& name, const std::string& value) {
    H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
    type.setCset(H5T_CSET_UTF8);
    H5::Attribute attribute = object.createAttribute(name, type, H5::DataSpace(H5S_SCALAR));
    const char* text = value.c_str();
    attribute.write(type, &text);
}

void write_attribute(H5::H5Object& object, const std::string& name, double value) {
    H5::Attribute attribute =
        object.createAttribute(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(H5S_SCALAR));
    attribute.write(H5::PredType::NATIVE_DOUBLE, &value);
}

std::string read_string_attribute(const H5::H5Object& object, const std::string& name) {
    H5::Attribute attribute = object.openAttribute(name);
    std::string value;
    attribute.read(attribute.getStrType(), value);
    return value;
}

double read_double_attribute(const H5::H5Object& object, const std::string& name) {
    double value = 0;
    object.openAttribute(name).read(H5::PredType::NATIVE_DOUBLE, &value);
    return value;
}

void write_strings(H5::Group& group, const std::string& name,
                   const std::vector<std::string>& values) {
    H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
    type.setCset(H5T_CSET_UTF8);
    const hsize_t size[1] = {values.size()};
    H5::DataSet dataset = group.createDataSet(name, type, H5::DataSpace(1, size));
    std::vector<const char*> pointers;
    pointers.reserve(values.size());
    for (const auto& value : values) pointers.push_back(value.c_str());
    if (!values.empty()) dataset.write(pointers.data(), type);
}

std::vector<std::string> read_strings(const H5::Group& group, const std::string& name) {
    H5::DataSet dataset = group.openDataSet(name);
    hsize_t size[1] = {0};
    dataset.getSpace().getSimpleExtentDims(size);
    std::vector<char*> pointers(size[0], nullptr);
    H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
    // HDF5 converts no character set into another: the memory type takes the file's (UTF-8 as
    // write_strings stores it, ASCII from other writers), else every read fails.
    type.setCset(dataset.getStrType().getCset());
    if (size[0] > 0) dataset.read(pointers.data(), type);
    std::vector<std::string> values;
    values.reserve(size[0]);
    for (char* pointer : pointers) {
        values.emplace_back(pointer ? pointer : "");
        std::free(pointer);
    }
    return values;
}

void write_matrix(H5::Group& group, const std::string& name, const double* values, std::size_t rows,
                  std::size_t columns) {
    const hsize_t size[2] = {rows, columns};
    H5::DataSet dataset = group.createDataSet(
        name, H5::PredType::IEEE_F64LE, H5::DataSpace(2, size), compressed_chunks(rows, columns));
    if (rows > 0 && columns > 0) dataset.write(values, H5::PredType::NATIVE_DOUBLE);
}

std::vector<double> read_matrix(const H5::Group& group, const std::string& name, std::size_t& rows,
                                std::size_t& columns) {
    H5::DataSet dataset = group.openDataSet(name);
    hsize_t size[2] = {0, 0};
    dataset.getSpace().getSimpleExtentDims(size);
    rows = size[0];
    columns = size[1];
    std::vector<double> values(rows * columns);
    if (!values.empty()) dataset.read(values.data(), H5::PredType::NATIVE_DOUBLE);
    return values;
}

void write_image(H5::Group& group, const std::string& name, const cv::Mat& image) {
    CV_Assert(image.isContinuous() && (image.type() == CV_32S || image.type() == CV_32F));
    const hsize_t size[2] = {static_cast<hsize_t>(image.rows), static_cast<hsize_t>(image.cols)};
    const bool labels = image.type() == CV_32S;
    const H5::PredType& stored = labels ? H5::PredType::STD_U32LE : H5::PredType::IEEE_F32LE;
    const H5::PredType& memory = labels ? H5::PredType::NATIVE_INT32 : H5::PredType::NATIVE_FLOAT;
    H5::DataSet dataset = group.createDataSet(name, stored, H5::DataSpace(2, size),
                                              compressed_chunks(size[0], size[1]));
    dataset.write(image.data, memory);
}

cv::Mat read_image(const H5::Group& group, const std::string& name) {
    H5::DataSet dataset = group.openDataSet(name);
    hsize_t size[2] = {0, 0};
    dataset.getSpace().getSimpleExtentDims(size);
    const bool labels = dataset.getTypeClass() == H5T_INTEGER;
    cv::Mat image(static_cast<int>(size[0]), static_cast<int>(size[1]), labels ? CV_32S : CV_32F);
    dataset.read(image.data, labels ? H5::PredType::NATIVE_INT32 : H5::PredType::NATIVE_FLOAT);
    return image;
}

}  // namespace hcs::hdf5
