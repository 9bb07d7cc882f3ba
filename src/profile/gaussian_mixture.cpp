// EM for a diagonal-covariance Gaussian mixture (Dempster et al. 1977), computed in log space
// with the log-sum-exp trick; means seeded by k-means++ (Arthur & Vassilvitskii 2007).
#include "hcs/profile/gaussian_mixture.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "hcs/profile/cell_sampling.hpp"

namespace hcs::profile {
namespace {

constexpr double kLogTwoPi = 1.8378770664093453;
constexpr double kVarianceFloorFraction = 1e-6;

// rows x k log of weight_j * N(x | mean_j, variance_j).
Eigen::MatrixXd weighted_log_densities(const GaussianMixture& mixture,
                                       const Eigen::MatrixXd& rows) {
    const Eigen::Index k = mixture.means.rows();
    Eigen::MatrixXd result(rows.rows(), k);
    for (Eigen::Index j = 0; j < k; ++j) {
        const Eigen::RowVectorXd inverse = mixture.variances.row(j).cwiseInverse();
        const double constant =
            std::log(mixture.weights(j)) -
            0.5 * (mixture.variances.row(j).array().log().sum() + rows.cols() * kLogTwoPi);
        const Eigen::MatrixXd difference = rows.rowwise() - mixture.means.row(j);
        result.col(j) =
            (-0.5 * (difference.array().square().rowwise() * inverse.array()).rowwise().sum())
                .matrix()
                .array() +
            constant;
    }
    return result;
}

// Normalises each row of log densities into probabilities; returns the mean log-likelihood.
double to_posteriors(Eigen::MatrixXd& log_densities) {
    double total = 0;
    for (Eigen::Index row = 0; row < log_densities.rows(); ++row) {
        const double peak = log_densities.row(row).maxCoeff();
        auto probabilities = (log_densities.row(row).array() - peak).exp();
        const double sum = probabilities.sum();
        log_densities.row(row) = probabilities / sum;
        total += peak + std::log(sum);
    }
    return total / std::max<Eigen::Index>(log_densities.rows(), 1);
}

Eigen::MatrixXd seed_means(const Eigen::MatrixXd& sample, int k, std::mt19937_64& generator) {
    Eigen::MatrixXd means(k, sample.cols());
    std::uniform_int_distribution<Eigen::Index> first(0, sample.rows() - 1);
    means.row(0) = sample.row(first(generator));
    Eigen::VectorXd distance = (sample.rowwise() - means.row(0)).rowwise().squaredNorm();
    for (int j = 1; j < k; ++j) {
        std::discrete_distribution<Eigen::Index> pick(distance.data(),
                                                      distance.data() + distance.size());
        means.row(j) = sample.row(distance.sum() > 0 ? pick(generator) : first(generator));
        distance = distance.cwiseMin((sample.rowwise() - means.row(j)).rowwise().squaredNorm());
    }
    return means;
}

void maximise(GaussianMixture& mixture, const Eigen::MatrixXd& sample,
              const Eigen::MatrixXd& posteriors, const Eigen::RowVectorXd& floor) {
    const Eigen::VectorXd mass = posteriors.colwise().sum().transpose().array() + 1e-12;
    mixture.weights = mass / mass.sum();
    mixture.means = (posteriors.transpose() * sample).array().colwise() / mass.array();
    const Eigen::MatrixXd second = posteriors.transpose() * sample.array().square().matrix();
    mixture.variances = (second.array().colwise() / mass.array()) - mixture.means.array().square();
    for (Eigen::Index j = 0; j < mixture.variances.rows(); ++j) {
        mixture.variances.row(j) = mixture.variances.row(j).cwiseMax(floor);
    }
}

}  // namespace

Eigen::MatrixXd GaussianMixture::posteriors(const Eigen::MatrixXd& rows) const {
    Eigen::MatrixXd result = weighted_log_densities(*this, rows);
    to_posteriors(result);
    return result;
}

GaussianMixture fit_gaussian_mixture(const Eigen::MatrixXd& sample, const MixtureOptions& options) {
    const int k = static_cast<int>(std::min<Eigen::Index>(options.components, sample.rows()));
    const Eigen::RowVectorXd mean = sample.colwise().mean();
    const Eigen::RowVectorXd spread =
        (sample.rowwise() - mean).array().square().colwise().mean().matrix();
    const Eigen::RowVectorXd floor = (spread * kVarianceFloorFraction).cwiseMax(1e-12);

    auto generator = seeded_generator(options.seed, 0);
    GaussianMixture mixture;
    mixture.weights = Eigen::VectorXd::Constant(k, 1.0 / k);
    mixture.means = seed_means(sample, k, generator);
    mixture.variances = spread.cwiseMax(floor).replicate(k, 1);

    double previous = -std::numeric_limits<double>::infinity();
    for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
        Eigen::MatrixXd posteriors = weighted_log_densities(mixture, sample);
        const double likelihood = to_posteriors(posteriors);
        maximise(mixture, sample, posteriors, floor);
        if (likelihood - previous < options.tolerance) break;
        previous = likelihood;
    }
    return mixture;
}

}  // namespace hcs::profile
