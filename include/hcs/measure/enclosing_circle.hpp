// The circle centrosome (and so CellProfiler's Zernike features) puts around an object: the
// convex hull of the object's pixels in centrosome's vertex order (_convex_hull.convex_hull_ijv),
// then Chrystal's minimum enclosing circle algorithm as cpmorphology.minimum_enclosing_circle
// runs it, so centre and radius come out with the same rounding.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace hcs::measure {

// Hull vertices as (row i, column j), counter-clockwise from the top pixel of the leftmost
// column, collinear points dropped, exactly as centrosome's monotone chain emits them.
std::vector<cv::Point> centrosome_hull(const cv::Mat& labels, cv::Rect box, int label);

struct EnclosingCircle {
    double center_i = 0, center_j = 0;  // row, column
    double radius = 0;
};

// Chrystal's algorithm over every hull at once (S0, S1 start at each hull's first two vertices),
// as centrosome runs it vectorised over all objects of an image: when vertices tie for the
// smallest angle, the one scipy's minimum_position takes over the whole array (NumPy's argsort
// order) is used, which decides the rounding of the circle. One vertex: radius 0; none: NaN.
std::vector<EnclosingCircle> centrosome_enclosing_circles(
    const std::vector<std::vector<cv::Point>>& hulls);

}  // namespace hcs::measure
