// Tests of whitening by control covariance (typical variation normalisation, Ando et al. 2017):
// after whitening, the controls have identity covariance (regularisation 0) and feature names
// survive (ZCA form). The correlation threshold is tested in tests/profile/test_feature_selection.
#include "hcs/evaluate/profile_transform.hpp"

#include <gtest/gtest.h>

#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

TEST(WhitenByControls, ControlsGetIdentityCovarianceAndKeepFeatureNames) {
    FeatureTable table;
    table.feature_names = {"x", "y"};
    table.features.resize(6, 2);
    table.features << 1, 2, 2, 1, 3, 5, 4, 3, 5, 6, 10, -4;
    table.metadata.assign(6, {});
    const std::vector<std::size_t> controls = {0, 1, 2, 3, 4};
    const FeatureTable white = whiten_by_controls(table, controls, 0.0);
    EXPECT_EQ(white.feature_names, table.feature_names);
    Eigen::MatrixXd control_rows(5, 2);
    for (int i = 0; i < 5; ++i) control_rows.row(i) = white.features.row(i);
    const Eigen::MatrixXd centred = control_rows.rowwise() - control_rows.colwise().mean();
    const Eigen::MatrixXd covariance = centred.transpose() * centred / 4.0;
    EXPECT_TRUE(covariance.isApprox(Eigen::MatrixXd::Identity(2, 2), 1e-9)) << covariance;
    EXPECT_NEAR(control_rows.colwise().mean().norm(), 0.0, 1e-12);
}

TEST(WhitenByControls, NeedsTwoControls) {
    FeatureTable table;
    table.feature_names = {"x"};
    table.features = FeatureMatrix::Ones(2, 1);
    table.metadata.assign(2, {});
    EXPECT_THROW(whiten_by_controls(table, {0}, 0.01), InputError);
}

}  // namespace
}  // namespace hcs
