// numpy's legacy RandomState stream: MT19937 seeded by init_genrand (as std::mt19937 is), doubles
// with 53 random bits from two 32-bit draws (random_sample), scaled to [low, high).
#include <random>

#include "hcs/segment/seeded_noise.hpp"

namespace hcs::segment {

cv::Mat numpy_seeded_uniform(int rows, int columns, unsigned seed, double low, double high) {
    std::mt19937 generator(seed);
    cv::Mat noise(rows, columns, CV_64F);
    for (auto it = noise.begin<double>(); it != noise.end<double>(); ++it) {
        const double upper = static_cast<double>(generator() >> 5);
        const double lower = static_cast<double>(generator() >> 6);
        const double sample = (upper * 67108864.0 + lower) / 9007199254740992.0;
        *it = low + (high - low) * sample;
    }
    return noise;
}

}  // namespace hcs::segment
