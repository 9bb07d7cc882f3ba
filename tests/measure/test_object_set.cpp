// ObjectSet::from_labels: count and bounding boxes from one scan. Expected values are read off
// the hand-made label images below.

#include <gtest/gtest.h>

#include "hcs/measure/object_set.hpp"

namespace {

using hcs::measure::ObjectSet;

TEST(ObjectSet, BoxesAndCountComeFromTheLabels) {
    cv::Mat labels = cv::Mat::zeros(5, 6, CV_32S);
    labels(cv::Rect(1, 1, 2, 2)).setTo(1);  // object 1: columns 1-2, rows 1-2
    labels.at<int>(0, 4) = 3;               // object 3: one pixel; number 2 unused
    const ObjectSet objects = ObjectSet::from_labels("Nuclei", labels);
    EXPECT_EQ(objects.name, "Nuclei");
    EXPECT_EQ(objects.count, 3);
    ASSERT_EQ(objects.boxes.size(), 3u);
    EXPECT_EQ(objects.boxes[0], cv::Rect(1, 1, 2, 2));
    EXPECT_TRUE(objects.boxes[1].empty());
    EXPECT_EQ(objects.boxes[2], cv::Rect(4, 0, 1, 1));
}

TEST(ObjectSet, AnImageWithoutObjectsHasCountZero) {
    const ObjectSet objects = ObjectSet::from_labels("Cells", cv::Mat::zeros(4, 4, CV_32S));
    EXPECT_EQ(objects.count, 0);
    EXPECT_TRUE(objects.boxes.empty());
}

}  // namespace
