// Geometry of one object's pixels shared by the shape families: convex hulls of point sets and
// the exact Euclidean distance transform of a binary crop.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace hcs::measure {

// Convex hull (counter-clockwise, no collinear vertices) of points given as (x, y). Points
// with half-integer coordinates are handled exactly (every product stays an exact double).
std::vector<cv::Point2d> convex_hull(std::vector<cv::Point2d> points);

// Whether p lies inside the convex polygon `hull` or on its boundary (exact for half-integer
// vertices and integer points, as skimage's grid_points_in_poly counts edge points in).
bool inside_or_on_hull(const std::vector<cv::Point2d>& hull, cv::Point2d p);

// Euclidean distance of every non-zero pixel of a CV_8U mask to the nearest zero pixel (CV_64F,
// exact: square roots of integer squared distances, as scipy's distance_transform_edt). Pixels
// outside the mask count as zero, so callers pad the crop when the object touches its edge.
cv::Mat exact_distance_transform(const cv::Mat& mask);

}  // namespace hcs::measure
