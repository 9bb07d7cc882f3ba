// Drops feature columns by name, by whole "_"-separated token or by substring, as the BBBC021
// reference evaluation does (data/bbbc021-ljosa2013-profiles/README.md), and NaN columns.
#include "hcs/evaluate/feature_filter.hpp"

#include <algorithm>
#include <sstream>

#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

std::vector<std::string> name_tokens(const std::string& name) {
    std::vector<std::string> tokens;
    std::stringstream stream(name);
    std::string token;
    while (std::getline(stream, token, '_')) tokens.push_back(token);
    return tokens;
}

}  // namespace

FeatureNameMatch parse_feature_name_match(const std::string& text) {
    if (text == "whole_token") return FeatureNameMatch::whole_token;
    if (text == "substring") return FeatureNameMatch::substring;
    throw UsageError("feature name match '" + text + "' is not whole_token or substring");
}

bool feature_name_matches(const std::string& name, const std::vector<std::string>& words,
                          FeatureNameMatch match) {
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

FeatureTable keep_feature_columns(const FeatureTable& table,
                                  const std::vector<std::size_t>& columns) {
    FeatureTable kept;
    kept.metadata_names = table.metadata_names;
    kept.metadata = table.metadata;
    kept.features.resize(table.features.rows(), static_cast<Eigen::Index>(columns.size()));
    for (std::size_t j = 0; j < columns.size(); ++j) {
        kept.feature_names.push_back(table.feature_names[columns[j]]);
        kept.features.col(static_cast<Eigen::Index>(j)) =
            table.features.col(static_cast<Eigen::Index>(columns[j]));
    }
    return kept;
}

FeatureTable drop_features(const FeatureTable& table, const std::vector<std::string>& words,
                           FeatureNameMatch match) {
    std::vector<std::size_t> columns;
    for (std::size_t j = 0; j < table.feature_names.size(); ++j) {
        if (!feature_name_matches(table.feature_names[j], words, match)) columns.push_back(j);
    }
    return keep_feature_columns(table, columns);
}

FeatureTable drop_features_with_nan(const FeatureTable& table) {
    std::vector<std::size_t> columns;
    for (std::size_t j = 0; j < table.feature_names.size(); ++j) {
        const auto column = table.features.col(static_cast<Eigen::Index>(j));
        if (!column.array().isNaN().any()) columns.push_back(j);
    }
    return keep_feature_columns(table, columns);
}

}  // namespace hcs
