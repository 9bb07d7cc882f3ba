// Feature selection following pycytominer.feature_select: get_na_columns (missing), blocklist,
// frequency_threshold (near-zero variance, after caret::nearZeroVar) and correlation_threshold;
// blocklist words may also match whole "_"-separated tokens or substrings, as the BBBC021
// reference evaluation drops features (data/bbbc021-ljosa2013-profiles/README.md).
#include "hcs/profile/feature_selection.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <sstream>

#include <fnmatch.h>

#include "hcs/core/errors.hpp"
#include "hcs/core/parallel.hpp"

namespace hcs::profile {
namespace {

using Keep = std::vector<char>;

std::vector<double> column_values(const FeatureTable& table, std::size_t column) {
    std::vector<double> values(table.rows());
    for (std::size_t row = 0; row < table.rows(); ++row) values[row] = table.features(row, column);
    return values;
}

bool too_many_missing(const std::vector<double>& values, double cutoff) {
    const auto missing =
        std::count_if(values.begin(), values.end(), [](double value) { return std::isnan(value); });
    return values.empty() || static_cast<double>(missing) / values.size() > cutoff;
}

// pycytominer's frequency_threshold: drop when the 2nd most common value is rarer than
// frequency_cutoff times the most common one (or there is no 2nd value), or when the distinct
// values are fewer than unique_cutoff times the rows.
bool near_zero_variance(const std::vector<double>& values, const FeatureSelectionOptions& options) {
    std::map<double, std::size_t> counts;
    for (double value : values) {
        if (!std::isnan(value)) ++counts[value];
    }
    if (counts.size() < 2) return true;
    std::vector<std::size_t> frequencies;
    for (const auto& entry : counts) frequencies.push_back(entry.second);
    std::partial_sort(frequencies.begin(), frequencies.begin() + 2, frequencies.end(),
                      std::greater<>());
    const double frequency_ratio = static_cast<double>(frequencies[1]) / frequencies[0];
    const double unique_ratio = static_cast<double>(counts.size()) / values.size();
    return frequency_ratio < options.frequency_cutoff || unique_ratio < options.unique_cutoff;
}

std::vector<std::string> name_tokens(const std::string& name) {
    std::vector<std::string> tokens;
    std::stringstream stream(name);
    std::string token;
    while (std::getline(stream, token, '_')) tokens.push_back(token);
    return tokens;
}

// |Pearson r| between the kept features, NaN replaced by the feature's mean (pairwise deletion
// would cost a pass per pair).
Eigen::MatrixXd absolute_correlation(const FeatureTable& table,
                                     const std::vector<std::size_t>& kept) {
    Eigen::MatrixXd centred(table.rows(), kept.size());
    for (std::size_t k = 0; k < kept.size(); ++k) {
        const std::vector<double> values = column_values(table, kept[k]);
        double sum = 0, count = 0;
        for (double value : values) {
            if (!std::isnan(value)) sum += value, count += 1;
        }
        const double mean = count > 0 ? sum / count : 0;
        double norm = 0;
        for (std::size_t row = 0; row < values.size(); ++row) {
            centred(row, k) = std::isnan(values[row]) ? 0 : values[row] - mean;
            norm += centred(row, k) * centred(row, k);
        }
        if (norm > 0) centred.col(k) /= std::sqrt(norm);
    }
    return (centred.transpose() * centred).cwiseAbs();
}

// For every pair above the threshold, drop the member with the larger total |r| to all others
// (pycytominer's determine_high_cor_pair), whether or not its partner was dropped already.
void drop_correlated(const FeatureTable& table, double threshold, Keep& keep) {
    std::vector<std::size_t> kept;
    for (std::size_t column = 0; column < keep.size(); ++column) {
        if (keep[column]) kept.push_back(column);
    }
    if (kept.size() < 2) return;
    const Eigen::MatrixXd correlation = absolute_correlation(table, kept);
    const Eigen::VectorXd total = correlation.colwise().sum().transpose();

    for (std::size_t a = 0; a < kept.size(); ++a) {
        for (std::size_t b = 0; b < a; ++b) {
            if (!(correlation(a, b) > threshold)) continue;
            const std::size_t loser = total(a) > total(b) ? a : (total(b) > total(a) ? b : a);
            keep[kept[loser]] = 0;
        }
    }
}

// CorrelationRule::greedy_in_column_order over the kept features. The correlations are taken
// over all rows of every column, then only kept columns are visited.
void drop_correlated_in_column_order(const FeatureTable& table, double threshold, Keep& keep) {
    if (threshold >= 1.0 || table.rows() < 2) return;
    Eigen::MatrixXd centred = table.features.rowwise() - table.features.colwise().mean();
    Eigen::VectorXd lengths = centred.colwise().norm();
    std::vector<std::size_t> kept;
    for (Eigen::Index j = 0; j < centred.cols(); ++j) {
        if (!keep[static_cast<std::size_t>(j)]) continue;
        keep[static_cast<std::size_t>(j)] = 0;
        if (!(lengths[j] > 0)) continue;  // a constant feature carries no information
        bool redundant = false;
        for (std::size_t k : kept) {
            const auto other = static_cast<Eigen::Index>(k);
            const double r = centred.col(j).dot(centred.col(other)) / (lengths[j] * lengths[other]);
            if (std::abs(r) >= threshold) {
                redundant = true;
                break;
            }
        }
        if (!redundant) kept.push_back(static_cast<std::size_t>(j));
    }
    for (std::size_t k : kept) keep[k] = 1;
}

void apply_per_column(const FeatureTable& table, Keep& keep, int threads,
                      const std::function<bool(const std::vector<double>&)>& drop) {
    parallel_for(keep.size(), threads, [&](std::size_t column) {
        if (keep[column] && drop(column_values(table, column))) keep[column] = 0;
    });
}

}  // namespace

FeatureNameMatch parse_feature_name_match(const std::string& text) {
    if (text == "wildcard") return FeatureNameMatch::wildcard;
    if (text == "whole_token") return FeatureNameMatch::whole_token;
    if (text == "substring") return FeatureNameMatch::substring;
    throw UsageError("feature name match '" + text + "' is not wildcard, whole_token or substring");
}

bool feature_name_matches(const std::string& name, const std::vector<std::string>& words,
                          FeatureNameMatch match) {
    if (match == FeatureNameMatch::wildcard) {
        return std::any_of(words.begin(), words.end(), [&](const std::string& pattern) {
            return fnmatch(pattern.c_str(), name.c_str(), 0) == 0;
        });
    }
    if (match == FeatureNameMatch::substring) {
        return std::any_of(words.begin(), words.end(), [&](const std::string& word) {
            return name.find(word) != std::string::npos;
        });
    }
    const std::vector<std::string> tokens = name_tokens(name);
    return std::any_of(words.begin(), words.end(), [&](const std::string& word) {
        return std::find(tokens.begin(), tokens.end(), word) != tokens.end();
    });
}

std::vector<std::string> select_features(const FeatureTable& table,
                                         const FeatureSelectionOptions& options, int threads) {
    Keep keep(table.feature_names.size(), 1);
    for (const auto& operation : options.operations) {
        if (operation == "missing") {
            apply_per_column(table, keep, threads, [&](const std::vector<double>& values) {
                return too_many_missing(values, options.missing_fraction);
            });
        } else if (operation == "blocklist") {
            for (std::size_t column = 0; column < keep.size(); ++column) {
                if (feature_name_matches(table.feature_names[column], options.blocklist,
                                         options.blocklist_match)) {
                    keep[column] = 0;
                }
            }
        } else if (operation == "variance") {
            apply_per_column(table, keep, threads, [&](const std::vector<double>& values) {
                return near_zero_variance(values, options);
            });
        } else if (operation == "correlation" &&
                   options.correlation_rule == CorrelationRule::greedy_in_column_order) {
            drop_correlated_in_column_order(table, options.correlation_threshold, keep);
        } else if (operation == "correlation") {
            drop_correlated(table, options.correlation_threshold, keep);
        } else {
            throw UsageError("unknown feature selection operation '" + operation +
                             "' (expected missing, blocklist, variance or correlation)");
        }
    }

    std::vector<std::string> names;
    for (std::size_t column = 0; column < keep.size(); ++column) {
        if (keep[column]) names.push_back(table.feature_names[column]);
    }
    return names;
}

FeatureTable keep_features(const FeatureTable& table, const std::vector<std::string>& names) {
    FeatureTable kept;
    kept.metadata_names = table.metadata_names;
    kept.metadata = table.metadata;
    kept.feature_names = names;
    kept.features.resize(table.rows(), names.size());
    for (std::size_t k = 0; k < names.size(); ++k) {
        const std::size_t column = table.feature_index(names[k]);
        if (column == FeatureTable::npos) {
            throw InputError("feature '" + names[k] + "' is not in the table");
        }
        kept.features.col(k) = table.features.col(column);
    }
    return kept;
}

}  // namespace hcs::profile

namespace hcs::profile {

FeatureTable exclude_features(const FeatureTable& table, const std::vector<std::string>& patterns,
                              FeatureNameMatch match) {
    std::vector<std::string> names;
    for (const auto& name : table.feature_names) {
        if (!feature_name_matches(name, patterns, match)) names.push_back(name);
    }
    return keep_features(table, names);
}

}  // namespace hcs::profile
