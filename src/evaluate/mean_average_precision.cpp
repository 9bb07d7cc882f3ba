// Mean average precision of MOA retrieval with permutation p-values, following the copairs
// method (Kalinin et al. 2024): per query, the null distribution of AP puts the same number of
// positives at random ranks; for the mean, MOA labels are shuffled over treatments.
#include "hcs/evaluate/mean_average_precision.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace hcs {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Candidates of `query` allowed by the rule, most similar first (ties by row index).
std::vector<std::size_t> ranked_candidates(const Eigen::MatrixXd& similarity,
                                           const TreatmentLabels& labels, std::size_t query,
                                           NeighbourExclusion exclusion,
                                           const std::vector<bool>& usable) {
    std::vector<std::size_t> candidates;
    for (std::size_t candidate = 0; candidate < labels.size(); ++candidate) {
        if (usable[candidate] && neighbour_allowed(labels, query, candidate, exclusion) &&
            !std::isnan(similarity(static_cast<Eigen::Index>(query),
                                   static_cast<Eigen::Index>(candidate)))) {
            candidates.push_back(candidate);
        }
    }
    const auto row = similarity.row(static_cast<Eigen::Index>(query));
    std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t a, std::size_t b) {
        return row(static_cast<Eigen::Index>(a)) > row(static_cast<Eigen::Index>(b));
    });
    return candidates;
}

// Mean over queries of their AP, with `moa` as the labels (permuted or not).
double mean_of_queries(const std::vector<std::vector<std::size_t>>& rankings,
                       const std::vector<std::size_t>& queries,
                       const std::vector<std::string>& moa) {
    double sum = 0;
    std::size_t counted = 0;
    std::vector<bool> is_positive;
    for (std::size_t query : queries) {
        is_positive.clear();
        for (std::size_t candidate : rankings[query]) {
            is_positive.push_back(moa[candidate] == moa[query]);
        }
        const double precision = average_precision(is_positive);
        if (std::isnan(precision)) continue;
        sum += precision;
        ++counted;
    }
    return counted == 0 ? kNaN : sum / static_cast<double>(counted);
}

// P(AP >= observed) when `positives` of `candidates` ranks are drawn at random.
double query_p_value(const QueryPrecision& query, std::size_t permutations,
                     std::mt19937_64& random) {
    std::vector<bool> ranking(query.candidates, false);
    std::fill(ranking.begin(), ranking.begin() + static_cast<std::ptrdiff_t>(query.positives),
              true);
    std::size_t at_least = 0;
    for (std::size_t draw = 0; draw < permutations; ++draw) {
        std::shuffle(ranking.begin(), ranking.end(), random);
        if (average_precision(ranking) >= query.average_precision - 1e-12) ++at_least;
    }
    return static_cast<double>(at_least + 1) / static_cast<double>(permutations + 1);
}

}  // namespace

double average_precision(const std::vector<bool>& is_positive) {
    std::size_t hits = 0;
    double sum = 0;
    for (std::size_t rank = 0; rank < is_positive.size(); ++rank) {
        if (!is_positive[rank]) continue;
        ++hits;
        sum += static_cast<double>(hits) / static_cast<double>(rank + 1);
    }
    return hits == 0 ? kNaN : sum / static_cast<double>(hits);
}

MeanAveragePrecision mean_average_precision(const Eigen::MatrixXd& similarity,
                                            const TreatmentLabels& labels,
                                            NeighbourExclusion exclusion,
                                            const std::set<std::string>& left_out_moas,
                                            std::size_t permutations, std::uint64_t seed) {
    std::vector<bool> usable(labels.size());
    std::vector<std::size_t> queries;
    for (std::size_t row = 0; row < labels.size(); ++row) {
        usable[row] = left_out_moas.count(labels.moa[row]) == 0;
        if (usable[row]) queries.push_back(row);
    }
    std::vector<std::vector<std::size_t>> rankings(labels.size());
    for (std::size_t query : queries) {
        rankings[query] = ranked_candidates(similarity, labels, query, exclusion, usable);
    }

    MeanAveragePrecision result;
    result.exclusion = exclusion;
    result.permutations = permutations;
    std::mt19937_64 random(seed);
    std::map<std::string, std::pair<double, std::size_t>> per_moa;
    for (std::size_t query : queries) {
        QueryPrecision precision;
        precision.query = query;
        precision.candidates = rankings[query].size();
        std::vector<bool> is_positive;
        for (std::size_t candidate : rankings[query]) {
            is_positive.push_back(labels.moa[candidate] == labels.moa[query]);
            precision.positives += is_positive.back() ? 1 : 0;
        }
        if (precision.positives == 0) continue;
        precision.average_precision = average_precision(is_positive);
        precision.p_value = query_p_value(precision, permutations, random);
        per_moa[labels.moa[query]].first += precision.average_precision;
        ++per_moa[labels.moa[query]].second;
        result.queries.push_back(precision);
    }
    for (const auto& [moa, sum] : per_moa) {
        result.per_moa[moa] = sum.first / static_cast<double>(sum.second);
    }

    result.mean_average_precision = mean_of_queries(rankings, queries, labels.moa);
    // Labels are shuffled among the treatments that take part, and only among them.
    std::vector<std::string> shuffled = labels.moa;
    std::vector<std::string> taking_part;
    for (std::size_t query : queries) taking_part.push_back(labels.moa[query]);
    std::size_t at_least = 0;
    for (std::size_t draw = 0; draw < permutations; ++draw) {
        std::shuffle(taking_part.begin(), taking_part.end(), random);
        for (std::size_t i = 0; i < queries.size(); ++i) shuffled[queries[i]] = taking_part[i];
        const double permuted = mean_of_queries(rankings, queries, shuffled);
        if (permuted >= result.mean_average_precision - 1e-12) ++at_least;
    }
    result.p_value = static_cast<double>(at_least + 1) / static_cast<double>(permutations + 1);
    return result;
}

}  // namespace hcs
