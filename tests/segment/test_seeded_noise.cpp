// numpy's legacy stream. Expected values: numpy.random.seed(0); numpy.random.rand(3) =
// [0.5488135039273248, 0.7151893663724195, 0.6027633760716439], scaled by 0.001.
#include <gtest/gtest.h>

#include "hcs/segment/seeded_noise.hpp"

TEST(NumpySeededUniform, ReproducesNumpysFirstDrawsAfterSeedZero) {
    const cv::Mat noise = hcs::segment::numpy_seeded_uniform(1, 3, 0, 0.0, 0.001);
    EXPECT_DOUBLE_EQ(noise.at<double>(0, 0), 0.5488135039273248 * 0.001);
    EXPECT_DOUBLE_EQ(noise.at<double>(0, 1), 0.7151893663724195 * 0.001);
    EXPECT_DOUBLE_EQ(noise.at<double>(0, 2), 0.6027633760716439 * 0.001);
}
