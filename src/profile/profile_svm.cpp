// Loo et al. 2007's SVM profile with liblinear (Fan et al. 2008): L2-regularised L2-loss linear
// SVM (dual solver, liblinear's default), C from the config, a bias term; profile = w / |w|.
#include "hcs/profile/profile_svm.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <mutex>

#include <linear.h>

#include "hcs/core/parallel.hpp"
#include "hcs/profile/cell_sampling.hpp"

namespace hcs::profile {
namespace {

constexpr double kStoppingTolerance = 0.1;  // liblinear's default eps for the dual L2-loss SVM
constexpr double kBias = 1.0;               // liblinear appends a constant feature of this value

void silent(const char*) {}

// liblinear's dual solver visits coordinates in an order drawn with the C library's rand(),
// which is global: trainings run one at a time, each after srand(seed), so a profile does not
// depend on the thread count or on which group trained before it.
model* train_reproducibly(const problem& data, const parameter& settings, unsigned seed) {
    static std::mutex liblinear_rand;
    std::lock_guard<std::mutex> lock(liblinear_rand);
    std::srand(seed);
    return train(&data, &settings);
}

// Normal vector of the hyperplane separating `treated` (+1) from `controls` (-1).
Eigen::RowVectorXd svm_normal(const Eigen::MatrixXd& treated, const Eigen::MatrixXd& controls,
                              double cost, unsigned seed) {
    const int features = static_cast<int>(treated.cols());
    const int rows = static_cast<int>(treated.rows() + controls.rows());
    std::vector<std::vector<feature_node>> nodes(rows);
    std::vector<feature_node*> pointers(rows);
    std::vector<double> labels(rows);
    for (int row = 0; row < rows; ++row) {
        const bool is_treated = row < treated.rows();
        const auto values = is_treated ? treated.row(row) : controls.row(row - treated.rows());
        for (int f = 0; f < features; ++f) {
            if (values(f) != 0) nodes[row].push_back({f + 1, values(f)});
        }
        nodes[row].push_back({features + 1, kBias});
        nodes[row].push_back({-1, 0});
        pointers[row] = nodes[row].data();
        labels[row] = is_treated ? 1 : -1;
    }

    problem data{rows, features + 1, labels.data(), pointers.data(), -1};
    parameter settings{};
    settings.solver_type = L2R_L2LOSS_SVC_DUAL;
    settings.C = cost;
    settings.eps = kStoppingTolerance;
    model* trained = train_reproducibly(data, settings, seed);

    // liblinear stores w for its first label; read it for the label +1.
    int model_labels[2];
    get_labels(trained, model_labels);
    const int treated_index = model_labels[0] == 1 ? 0 : 1;
    Eigen::RowVectorXd normal(features);
    for (int f = 0; f < features; ++f) normal(f) = get_decfun_coef(trained, f + 1, treated_index);
    free_and_destroy_model(&trained);
    const double length = normal.norm();
    return length > 0 ? Eigen::RowVectorXd(normal / length) : normal;
}

}  // namespace

Profiles profile_svm(const FeatureTable& cells, const RowGroups& groups,
                     const ReferenceSets& reference, const SvmOptions& options, int threads) {
    static std::once_flag quiet;
    std::call_once(quiet, [] { set_print_string_function(&silent); });

    Profiles profiles{cells.feature_names, FeatureMatrix(groups.size(), cells.features.cols())};
    profiles.values.setConstant(std::numeric_limits<double>::quiet_NaN());
    parallel_for(groups.size(), threads, [&](std::size_t g) {
        const auto& members = groups.members[g];
        if (members.empty()) return;
        std::vector<std::size_t> controls;
        for (std::size_t row : reference.sets[reference.set_of_group[g]]) {
            if (!std::binary_search(members.begin(), members.end(), row)) controls.push_back(row);
        }
        if (controls.empty()) return;

        auto generator = seeded_generator(options.seed, g);
        const std::size_t size = std::min(members.size(), controls.size());
        const auto treated_rows = sample_rows(members, size, generator);
        const auto control_rows = sample_rows(controls, size, generator);
        profiles.values.row(g) = svm_normal(gather_rows(cells.features, treated_rows),
                                            gather_rows(cells.features, control_rows), options.cost,
                                            static_cast<unsigned>(options.seed + g));
    });
    return profiles;
}

}  // namespace hcs::profile
