// Declumping seeds of IdentifyPrimaryObjects (cellprofiler_library object_processing.get_maxima):
// local maxima within a disk per object (centrosome is_local_maximum), the optional
// lower-resolution search through cubic-spline resampling, and one point per blob of maxima.
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "hcs/segment/declump_maxima.hpp"
#include "hcs/segment/label_components.hpp"

namespace hcs::segment {
namespace {

// Pole of the cubic B-spline prefilter (Unser 1999) and its gain.
const double kSplinePole = std::sqrt(3.0) - 2.0;
constexpr double kSplineGain = 6.0;

// In-place cubic B-spline prefilter of one line with mirror boundaries (scipy spline_filter1d).
void prefilter_line(std::vector<double>& line) {
    const std::size_t n = line.size();
    if (n < 2) return;
    const double z = kSplinePole;
    for (double& value : line) value *= kSplineGain;

    // Causal initialisation for a mirror-symmetric extension.
    double z_power = z, z_mirror = std::pow(z, static_cast<double>(n - 1));
    double sum = line[0] + z_mirror * line[n - 1];
    z_mirror *= z_mirror / z;
    for (std::size_t k = 1; k + 1 < n; ++k) {
        sum += (z_power + z_mirror) * line[k];
        z_power *= z;
        z_mirror /= z;
    }
    line[0] = sum / (1.0 - std::pow(z, static_cast<double>(2 * n - 2)));
    for (std::size_t k = 1; k < n; ++k) line[k] += z * line[k - 1];

    line[n - 1] = z / (z * z - 1.0) * (line[n - 1] + z * line[n - 2]);
    for (std::size_t k = n - 1; k-- > 0;) line[k] = z * (line[k + 1] - line[k]);
}

double cubic_bspline(double t) {
    t = std::abs(t);
    if (t < 1.0) return 2.0 / 3.0 - t * t + t * t * t / 2.0;
    if (t < 2.0) return (2.0 - t) * (2.0 - t) * (2.0 - t) / 6.0;
    return 0.0;
}

int mirror_index(int index, int size) {
    if (size == 1) return 0;
    const int period = 2 * size - 2;
    index = std::abs(index) % period;
    return index < size ? index : period - index;
}

// Weights and coefficient indices of the four splines that cover position x.
struct SplineTaps {
    int index[4];
    double weight[4];
    bool outside = false;
};

SplineTaps spline_taps(double x, int size) {
    SplineTaps taps;
    taps.outside = x < 0 || x > size - 1;
    const int first = static_cast<int>(std::floor(x)) - 1;
    for (int k = 0; k < 4; ++k) {
        taps.index[k] = mirror_index(first + k, size);
        taps.weight[k] = cubic_bspline(x - (first + k));
    }
    return taps;
}

// Keeps one pixel of each 8-connected blob of maxima: the one nearest the blob's centroid.
cv::Mat one_point_per_blob(const cv::Mat& maxima) {
    // Usually every maximum is a single pixel already; then there is nothing to thin.
    bool isolated = true;
    for (int row = 0; row < maxima.rows && isolated; ++row) {
        const unsigned char* here = maxima.ptr<unsigned char>(row);
        const unsigned char* below =
            row + 1 < maxima.rows ? maxima.ptr<unsigned char>(row + 1) : nullptr;
        for (int column = 0; column < maxima.cols && isolated; ++column) {
            if (!here[column]) continue;
            const bool right = column + 1 < maxima.cols && here[column + 1];
            const bool under = below && (below[column] || (column > 0 && below[column - 1]) ||
                                         (column + 1 < maxima.cols && below[column + 1]));
            isolated = !right && !under;
        }
    }
    if (isolated) return maxima.clone();

    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(maxima, labels, stats, centroids, 8, CV_32S);
    std::vector<double> best_distance(count, INFINITY);
    std::vector<cv::Point> best(count);
    for (int row = 0; row < labels.rows; ++row) {
        const int* label = labels.ptr<int>(row);
        for (int column = 0; column < labels.cols; ++column) {
            if (label[column] == 0) continue;
            const double dx = column - centroids.at<double>(label[column], 0);
            const double dy = row - centroids.at<double>(label[column], 1);
            if (dx * dx + dy * dy < best_distance[label[column]] - 1e-12) {
                best_distance[label[column]] = dx * dx + dy * dy;
                best[label[column]] = {column, row};
            }
        }
    }
    cv::Mat points = cv::Mat::zeros(maxima.size(), CV_8U);
    for (int label = 1; label < count; ++label) points.at<unsigned char>(best[label]) = 255;
    return points;
}

std::vector<double> scaled_grid(int count, double step) {
    std::vector<double> grid(count);
    for (int i = 0; i < count; ++i) grid[i] = i * step;
    return grid;
}

}  // namespace

std::vector<cv::Point> disk_offsets(double radius) {
    const int extent = static_cast<int>(radius);
    std::vector<cv::Point> offsets;
    for (int row = -extent; row <= extent; ++row) {
        for (int column = -extent; column <= extent; ++column) {
            if (row * row + column * column <= radius * radius) offsets.emplace_back(column, row);
        }
    }
    return offsets;
}

cv::Mat local_maxima(const cv::Mat& image, const cv::Mat& labels, double disk_radius) {
    CV_Assert(image.type() == CV_64F && labels.type() == CV_32S);
    CV_Assert(image.isContinuous() && labels.isContinuous());
    // Direct neighbours first: most pixels are rejected by one of them.
    std::vector<cv::Point> offsets = {{-1, -1}, {0, -1}, {1, -1}, {-1, 0},
                                      {1, 0},   {-1, 1}, {0, 1},  {1, 1}};
    for (const cv::Point& offset : disk_offsets(disk_radius)) {
        if (std::abs(offset.x) > 1 || std::abs(offset.y) > 1) offsets.push_back(offset);
    }
    const int rows = image.rows, columns = image.cols;
    const double* value = image.ptr<double>();
    const int* label = labels.ptr<int>();
    cv::Mat maxima = cv::Mat::zeros(image.size(), CV_8U);
    unsigned char* is_maximum = maxima.ptr<unsigned char>();
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < columns; ++column) {
            const int index = row * columns + column;
            if (label[index] == 0) continue;
            bool maximum = true;
            for (const cv::Point& offset : offsets) {
                const int r = row + offset.y, c = column + offset.x;
                if (r < 0 || r >= rows || c < 0 || c >= columns) continue;
                const int other = r * columns + c;
                if (label[other] == label[index] && value[other] > value[index]) {
                    maximum = false;
                    break;
                }
            }
            if (maximum) is_maximum[index] = 255;
        }
    }
    return maxima;
}

cv::Mat cubic_spline_resample(const cv::Mat& image, const std::vector<double>& row_coordinates,
                              const std::vector<double>& column_coordinates) {
    CV_Assert(image.type() == CV_64F);
    cv::Mat coefficients = image.clone();
    std::vector<double> line;
    for (int row = 0; row < image.rows; ++row) {
        line.assign(coefficients.ptr<double>(row), coefficients.ptr<double>(row) + image.cols);
        prefilter_line(line);
        std::copy(line.begin(), line.end(), coefficients.ptr<double>(row));
    }
    for (int column = 0; column < image.cols; ++column) {
        line.resize(image.rows);
        for (int row = 0; row < image.rows; ++row) line[row] = coefficients.at<double>(row, column);
        prefilter_line(line);
        for (int row = 0; row < image.rows; ++row) coefficients.at<double>(row, column) = line[row];
    }

    // Interpolate along rows first (to the output rows), then along columns.
    const int out_rows = static_cast<int>(row_coordinates.size());
    const int out_columns = static_cast<int>(column_coordinates.size());
    cv::Mat partial(out_rows, image.cols, CV_64F);
    std::vector<SplineTaps> row_taps(out_rows);
    for (int r = 0; r < out_rows; ++r) {
        row_taps[r] = spline_taps(row_coordinates[r], image.rows);
        for (int column = 0; column < image.cols; ++column) {
            double sum = 0;
            for (int k = 0; k < 4; ++k) {
                sum +=
                    row_taps[r].weight[k] * coefficients.at<double>(row_taps[r].index[k], column);
            }
            partial.at<double>(r, column) = sum;
        }
    }
    cv::Mat resampled(out_rows, out_columns, CV_64F);
    for (int c = 0; c < out_columns; ++c) {
        const SplineTaps taps = spline_taps(column_coordinates[c], image.cols);
        for (int r = 0; r < out_rows; ++r) {
            double sum = 0;
            for (int k = 0; k < 4; ++k)
                sum += taps.weight[k] * partial.at<double>(r, taps.index[k]);
            resampled.at<double>(r, c) = (taps.outside || row_taps[r].outside) ? 0.0 : sum;
        }
    }
    return resampled;
}

cv::Mat declump_maxima(const cv::Mat& image, const cv::Mat& labels, double disk_radius,
                       double resize_factor) {
    if (resize_factor >= 1.0) {
        cv::Mat maxima = local_maxima(image, labels, disk_radius);
        maxima.setTo(0, image <= 0);
        return one_point_per_blob(maxima);
    }

    // Resample the image (cubic spline) and the labels (nearest) on a grid of step 1 / factor.
    const int rows = static_cast<int>(std::ceil(image.rows * resize_factor));
    const int columns = static_cast<int>(std::ceil(image.cols * resize_factor));
    const std::vector<double> row_grid = scaled_grid(rows, 1.0 / resize_factor);
    const std::vector<double> column_grid = scaled_grid(columns, 1.0 / resize_factor);
    const cv::Mat small_image = cubic_spline_resample(image, row_grid, column_grid);
    cv::Mat small_labels = cv::Mat::zeros(rows, columns, CV_32S);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            // Positions beyond the last pixel are outside (mode "constant", value 0).
            if (row_grid[r] > image.rows - 1 || column_grid[c] > image.cols - 1) continue;
            const int row = static_cast<int>(std::floor(row_grid[r] + 0.5));
            const int column = static_cast<int>(std::floor(column_grid[c] + 0.5));
            small_labels.at<int>(r, c) = labels.at<int>(row, column);
        }
    }
    cv::Mat small_maxima = local_maxima(small_image, small_labels, disk_radius);
    small_maxima.setTo(0, small_image <= 0);

    // Back to full resolution: CellProfiler scales both axes by the row ratio.
    cv::Mat indicator;
    small_maxima.convertTo(indicator, CV_64F, 1.0 / 255.0);
    const double inverse = static_cast<double>(image.rows) / rows;
    const cv::Mat spread = cubic_spline_resample(indicator, scaled_grid(image.rows, 1.0 / inverse),
                                                 scaled_grid(image.cols, 1.0 / inverse));
    return one_point_per_blob(spread > 0.5);
}

}  // namespace hcs::segment
