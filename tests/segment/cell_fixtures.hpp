// Shared helpers of the cell tests: CellProfiler 5's fixture sets under
// shared/fixtures/cellprofiler (README in each) and the agreement figure the parity tests report.
#pragma once

#include <filesystem>
#include <string>

#include <opencv2/core.hpp>

#include "hcs/core/csv_table.hpp"
#include "hcs/core/image_reader.hpp"

namespace hcs::segment::testing {

inline std::filesystem::path fixture_dir(const std::string& set) {
    return std::filesystem::path(HCS_SHARED_DIR) / "fixtures/cellprofiler" / set;
}

inline cv::Mat fixture_labels(const std::string& set, const std::string& relative) {
    return read_labels(fixture_dir(set) / relative);
}

// An internal 0/255 mask of the set as CV_8U 0/255.
inline cv::Mat fixture_mask(const std::string& set, const std::string& relative) {
    cv::Mat raw = read_labels(fixture_dir(set) / relative);
    return raw != 0;
}

// One value of the set's Image.csv (one image set per fixture).
inline std::string image_table_value(const std::string& set, const std::string& column) {
    const CsvTable table = read_csv(fixture_dir(set) / "Image.csv");
    return table.rows.at(0).at(table.column(column));
}

// The channel `channel` of the set, read as CellProfiler read it (float32 k/255).
inline cv::Mat fixture_channel(const std::string& set, const std::string& channel) {
    const std::filesystem::path shared = HCS_SHARED_DIR;
    const std::string folder = image_table_value(set, "PathName_" + channel);
    const std::string file = image_table_value(set, "FileName_" + channel);
    return read_image(shared / folder / file).pixels;
}

// Fraction of the pixels in the union of both label images' objects that carry the same number
// in both (1 when neither has any object).
inline double label_agreement(const cv::Mat& ours, const cv::Mat& theirs) {
    long long in_union = 0;
    long long agreeing = 0;
    for (int row = 0; row < ours.rows; ++row) {
        const int* a = ours.ptr<int>(row);
        const int* b = theirs.ptr<int>(row);
        for (int col = 0; col < ours.cols; ++col) {
            if (a[col] == 0 && b[col] == 0) continue;
            ++in_union;
            if (a[col] == b[col]) ++agreeing;
        }
    }
    return in_union == 0 ? 1.0 : static_cast<double>(agreeing) / in_union;
}

}  // namespace hcs::segment::testing
