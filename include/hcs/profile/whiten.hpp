// Whitening on the controls: a linear map fitted on the control rows so that their covariance
// becomes the identity, as pycytominer's "spherize" normalisation (PCA or ZCA, regularised).
#pragma once

#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"
#include "hcs/profile/groups.hpp"

namespace hcs::profile {

enum class Whitening { none, pca, zca };

// "none", "pca", "zca"; UsageError otherwise.
Whitening parse_whitening(const std::string& name);

struct WhitenOptions {
    Whitening method = Whitening::none;
    double regularisation = 1e-6;  // added to every eigenvalue (pycytominer's epsilon default)
    // true: the regularisation is a fraction of the mean eigenvalue, so it does not depend on the
    // features' scale (the evaluation's typical variation normalisation, Ando et al. 2017).
    bool regularisation_relative_to_mean = false;
    ControlSpec controls;
};

// Whitens every row in place with W fitted on the control rows (NaN read as 0, see gather_rows):
// PCA: W = (Lambda + e I)^-1/2 U', columns renamed "PC_001" ...; ZCA: W = U (Lambda + e I)^-1/2 U',
// names kept. InputError when there are fewer than two control rows.
void whiten(FeatureTable& table, const WhitenOptions& options);

// The same with the control rows given by index (one batch's controls, say).
void whiten_on_rows(FeatureTable& table, const std::vector<std::size_t>& control_rows,
                    const WhitenOptions& options);

}  // namespace hcs::profile
