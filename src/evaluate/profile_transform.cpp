// Whitening by control-well covariance, typical variation normalisation (Ando, McLean & Berndl
// 2017), as profile::whiten_on_rows' ZCA with a regulariser relative to the mean eigenvalue;
// the correlation threshold is profile::select_features' greedy_in_column_order rule.
#include "hcs/evaluate/profile_transform.hpp"

#include "hcs/profile/whiten.hpp"

namespace hcs {

FeatureTable whiten_by_controls(const FeatureTable& table,
                                const std::vector<std::size_t>& control_rows,
                                double regularisation) {
    profile::WhitenOptions options;
    options.method = profile::Whitening::zca;
    options.regularisation = regularisation;
    options.regularisation_relative_to_mean = true;
    FeatureTable whitened = table;
    profile::whiten_on_rows(whitened, control_rows, options);
    return whitened;
}

}  // namespace hcs
