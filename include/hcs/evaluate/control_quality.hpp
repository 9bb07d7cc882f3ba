// Assay quality from control wells, per plate and feature: Z'-factor (Zhang, Chung & Oldenburg
// 1999, J Biomol Screen 4:67) and strictly standardised mean difference, SSMD (Zhang 2007,
// Genomics 89:552), with sample standard deviations.
#pragma once

#include <string>
#include <vector>

#include "hcs/core/feature_table.hpp"

namespace hcs {

// Z' = 1 - 3 (sd_p + sd_n) / |mean_p - mean_n|. NaN with fewer than two wells in a group or
// equal means.
double z_prime_factor(const std::vector<double>& positive, const std::vector<double>& negative);

// SSMD = (mean_p - mean_n) / sqrt(sd_p^2 + sd_n^2); negative when the positive controls are
// lower. NaN with fewer than two wells in a group or zero spread in both.
double strictly_standardised_mean_difference(const std::vector<double>& positive,
                                             const std::vector<double>& negative);

struct ControlQuality {
    std::string plate;
    std::string feature;
    std::size_t positive_wells = 0;
    std::size_t negative_wells = 0;
    double z_prime = 0;
    double ssmd = 0;
};

// Z' and SSMD for every plate and feature of a well table whose `control_column` marks
// positive and negative control wells. NaN feature values are skipped. Plates are in order of
// first appearance; a plate without both kinds of control is left out.
std::vector<ControlQuality> control_quality(const FeatureTable& wells,
                                            const std::string& plate_column,
                                            const std::string& control_column,
                                            const std::string& positive_value,
                                            const std::string& negative_value);

}  // namespace hcs
