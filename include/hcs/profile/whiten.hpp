// Whitening on the controls: a linear map fitted on the control rows so that their covariance
// becomes the identity, as pycytominer's "spherize" normalisation (PCA or ZCA, regularised).
#pragma once

#include <string>

#include "hcs/core/feature_table.hpp"
#include "hcs/profile/groups.hpp"

namespace hcs::profile {

enum class Whitening { none, pca, zca };

// "none", "pca", "zca"; UsageError otherwise.
Whitening parse_whitening(const std::string& name);

struct WhitenOptions {
    Whitening method = Whitening::none;
    double regularisation = 1e-6;  // added to every eigenvalue (pycytominer's epsilon default)
    ControlSpec controls;
};

// Whitens every row in place with W fitted on the control rows (NaN read as 0, see gather_rows):
// PCA: W = (Lambda + e I)^-1/2 U', columns renamed "PC_001" ...; ZCA: W = U (Lambda + e I)^-1/2 U',
// names kept. InputError when there are fewer than two control rows.
void whiten(FeatureTable& table, const WhitenOptions& options);

}  // namespace hcs::profile
