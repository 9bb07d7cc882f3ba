// The noise CellProfiler adds to the distance transform before shape declumping: after
// numpy.random.seed(0), numpy.random.uniform(0, 0.001, shape) (legacy MT19937 stream).
#pragma once

#include <opencv2/core.hpp>

namespace hcs::segment {

// CV_64F rows x columns of numpy.random.uniform(low, high) drawn after numpy.random.seed(seed),
// in C order, so that maxima of a noisy distance map fall where CellProfiler's fall.
cv::Mat numpy_seeded_uniform(int rows, int columns, unsigned seed, double low, double high);

}  // namespace hcs::segment
