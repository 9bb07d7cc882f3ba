// Tests of the four-parameter logistic fit: exact curves recovered, falling curves reported
// with a positive Hill slope, NaN without enough points, and BBBC013's EC50s (Wortmannin, nM;
// LY294002, µM) checked by the curve's half-maximum and by the least-squares optimum.
#include "hcs/evaluate/dose_response.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "bbbc013_wells.hpp"

namespace hcs {
namespace {

std::vector<double> doses() {
    std::vector<double> x;
    for (int i = 0; i < 9; ++i) x.push_back(std::pow(2.0, i) * 0.1);
    return x;
}

// Expected: the parameters the data were generated from.
TEST(FourParameterLogistic, RecoversARisingExactCurve) {
    const LogisticCurve truth{2.0, 10.0, 1.5, 1.2};
    std::vector<double> y;
    for (double x : doses()) y.push_back(truth(x));
    const DoseResponseFit fit = fit_four_parameter_logistic(doses(), y);
    EXPECT_NEAR(fit.curve.bottom, 2.0, 1e-6);
    EXPECT_NEAR(fit.curve.top, 10.0, 1e-6);
    EXPECT_NEAR(fit.curve.ec50, 1.5, 1e-6);
    EXPECT_NEAR(fit.curve.hill, 1.2, 1e-6);
    EXPECT_NEAR(fit.r_squared, 1.0, 1e-12);
}

// Expected: a falling curve generated with Hill -2 is the same curve as (top, bottom, +2):
// reported with bottom = the response without drug (8) and top = at saturation (1).
TEST(FourParameterLogistic, ReportsFallingCurvesWithPositiveHill) {
    const LogisticCurve truth{8.0, 1.0, 3.0, 2.0};
    std::vector<double> y;
    for (double x : doses()) y.push_back(truth(x));
    const DoseResponseFit fit = fit_four_parameter_logistic(doses(), y);
    EXPECT_NEAR(fit.curve.bottom, 8.0, 1e-6);
    EXPECT_NEAR(fit.curve.top, 1.0, 1e-6);
    EXPECT_NEAR(fit.curve.ec50, 3.0, 1e-6);
    EXPECT_NEAR(fit.curve.hill, 2.0, 1e-6);
}

// Four points cannot leave a residual degree of freedom; zero doses are not on the model.
TEST(FourParameterLogistic, IsNanWithFewerThanFivePositiveDoses) {
    const DoseResponseFit fit = fit_four_parameter_logistic({0, 0, 1, 2, 4, 8}, {1, 1, 2, 3, 4, 5});
    EXPECT_EQ(fit.points, 4u);
    EXPECT_TRUE(std::isnan(fit.curve.ec50));
    EXPECT_TRUE(std::isnan(fit.r_squared));
}

double sum_of_squares(const LogisticCurve& curve, const std::vector<double>& x,
                      const std::vector<double>& y) {
    double sum = 0;
    for (std::size_t i = 0; i < x.size(); ++i) sum += std::pow(curve(x[i]) - y[i], 2);
    return sum;
}

// BBBC013: per-well median nuclear/cytoplasmic GFP ratio of the 18 dose wells of each drug
// (plate map: Wortmannin rows A, B in nM; LY294002 rows E, F in µM). Checks: the curve passes
// through the half-maximum at EC50 (definition), and moving any parameter by 1% raises the
// residual sum of squares (a least-squares optimum).
TEST(FourParameterLogistic, Bbbc013Ec50sAreHalfMaximumOfALeastSquaresOptimum) {
    const FeatureTable wells = testing::bbbc013_gfp_ratio_wells();
    for (const std::string compound : {"Wortmannin", "LY294002"}) {
        std::vector<double> x, y;
        for (std::size_t row = 0; row < wells.rows(); ++row) {
            const auto& metadata = wells.metadata[row];
            if (metadata[2] != compound || metadata[4] != "treatment") continue;
            x.push_back(std::stod(metadata[3]));
            y.push_back(wells.features(static_cast<Eigen::Index>(row), 0));
        }
        ASSERT_EQ(x.size(), 18u) << compound;
        const DoseResponseFit fit = fit_four_parameter_logistic(x, y);
        const LogisticCurve& curve = fit.curve;
        EXPECT_NEAR(curve(curve.ec50), 0.5 * (curve.bottom + curve.top), 1e-9) << compound;
        EXPECT_TRUE(fit.ec50_in_tested_range) << compound;
        EXPECT_GT(curve.top, curve.bottom) << compound << ": nuclear GFP rises with dose";

        const double optimum = sum_of_squares(curve, x, y);
        for (int parameter = 0; parameter < 4; ++parameter) {
            for (double factor : {0.99, 1.01}) {
                LogisticCurve moved = curve;
                double* values[] = {&moved.bottom, &moved.top, &moved.ec50, &moved.hill};
                *values[parameter] *= factor;
                EXPECT_GE(sum_of_squares(moved, x, y), optimum) << compound << " " << parameter;
            }
        }
        std::printf("BBBC013 %s: EC50 %.4g, Hill %.3f, Bottom %.4f, Top %.4f, R2 %.4f\n",
                    compound.c_str(), curve.ec50, curve.hill, curve.bottom, curve.top,
                    fit.r_squared);
    }
}

}  // namespace
}  // namespace hcs
