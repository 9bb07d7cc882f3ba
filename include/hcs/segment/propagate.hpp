// Seeded propagation of labels over an image: the priority-queue algorithm of Jones, Carpenter
// and Golland (2005), "Voronoi-based segmentation of cells on image manifolds", as centrosome's
// propagate() implements it for CellProfiler's IdentifySecondaryObjects.
#pragma once

#include <opencv2/core.hpp>

namespace hcs::segment {

// Regularization lambda of IdentifySecondaryObjects' default (CellProfiler setting
// "Regularization factor"); Distance - B uses 1.0 whatever the setting says.
constexpr double kDefaultRegularization = 0.05;

struct PropagationResult {
    cv::Mat labels;     // CV_32S: the label of the nearest seed in the metric, 0 outside the mask
    cv::Mat distances;  // CV_64F: the propagation distance; 0 on seeds, -1 where never reached
};

// Grows every seed (CV_32S, 0 = none) through the 8-connected pixels of `mask` (CV_8U, non-zero =
// may be labelled). A step between neighbours costs sqrt(D^2 + lambda^2 * m), where D is the sum
// of absolute differences of the two 3x3 neighbourhoods of `image` (edge pixels repeated) and m
// the Manhattan length of the step. Seed pixels keep their label even outside the mask; seeds
// outside the mask do not grow. Ties are broken exactly as centrosome breaks them.
PropagationResult propagate(const cv::Mat& image, const cv::Mat& seeds, const cv::Mat& mask,
                            double regularization);

// The same result through one replica of centrosome's heap for seeds and pushed pixels alike.
// propagate() uses it when the regularization is 0 (steps may then cost 0 and pushed pixels
// compete with seeds); otherwise it is the slower reference the fast path is tested against.
PropagationResult propagate_single_heap(const cv::Mat& image, const cv::Mat& seeds,
                                        const cv::Mat& mask, double regularization);

}  // namespace hcs::segment
