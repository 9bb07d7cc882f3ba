// Tests of whitening on the controls: after it the controls' covariance is the identity (up to
// the regularisation), by the definition of W.
#include "hcs/profile/whiten.hpp"

#include <random>

#include <gtest/gtest.h>

namespace hcs::profile {
namespace {

FeatureTable correlated_rows() {
    FeatureTable table;
    table.metadata_names = {"Metadata_ControlType"};
    table.feature_names = {"Cells_A", "Cells_B"};
    std::mt19937_64 generator(2);
    std::normal_distribution<double> normal;
    table.features.resize(1000, 2);
    for (int row = 0; row < 1000; ++row) {
        const double shared = normal(generator);
        table.features.row(row) << 2 * shared + 0.5 * normal(generator), shared + normal(generator);
        table.metadata.push_back({row < 800 ? "negative" : "treated"});
    }
    return table;
}

Eigen::MatrixXd control_covariance(const FeatureTable& table) {
    const Eigen::MatrixXd controls = table.features.topRows(800);
    const Eigen::MatrixXd centred = controls.rowwise() - controls.colwise().mean();
    return centred.transpose() * centred / 799.0;
}

TEST(Whiten, ZcaMakesControlCovarianceIdentityAndKeepsNames) {
    FeatureTable table = correlated_rows();
    WhitenOptions options;
    options.method = Whitening::zca;
    whiten(table, options);
    EXPECT_TRUE(control_covariance(table).isApprox(Eigen::Matrix2d::Identity(), 1e-4));
    EXPECT_EQ(table.feature_names[0], "Cells_A");
}

TEST(Whiten, PcaMakesControlCovarianceIdentityAndRenames) {
    FeatureTable table = correlated_rows();
    WhitenOptions options;
    options.method = Whitening::pca;
    whiten(table, options);
    EXPECT_TRUE(control_covariance(table).isApprox(Eigen::Matrix2d::Identity(), 1e-4));
    EXPECT_EQ(table.feature_names[1], "PC_002");
}

}  // namespace
}  // namespace hcs::profile
