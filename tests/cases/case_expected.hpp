// Reads a hand-checked case of ../shared/cases (case.json) for the measurement-family case tests
// and compares a family's columns with its "expected" entries ("NaN" meaning must be NaN).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "hcs/measure/object_set.hpp"

namespace case_expected {

namespace fs = std::filesystem;

inline fs::path case_folder(const std::string& name) {
    return fs::path(HCS_SHARED_DIR) / "cases" / name;
}

inline nlohmann::json read_case(const std::string& name) {
    std::ifstream in(case_folder(name) / "case.json");
    return nlohmann::json::parse(in);
}

// Pixels are float32 as in CellProfiler, so sums of pixel values agree with the cases' exact
// arithmetic only to float32 precision (c05 README: CellProfiler's own Manders 0.3999999946,
// overlap 0.7893522263). Where `float32_pixels` is set, allow 2^-22 of the value's magnitude
// (at least of 1), the convention the other measurement case tests use.
inline double tolerance(double tol, double value, bool float32_pixels) {
    return float32_pixels ? std::max(tol, std::ldexp(1.0, -22) * std::max(std::fabs(value), 1.0))
                          : tol;
}

// Compares every per-object expectation whose feature is "<object>_<prefix>..." with
// `measured`; returns how many were checked.
inline int check_objects(const nlohmann::json& test_case, const std::string& object,
                         const std::string& prefix, const hcs::measure::Measurements& measured,
                         bool float32_pixels = false) {
    int checked = 0;
    for (const auto& expected : test_case.at("expected")) {
        const std::string feature = expected.at("feature");
        if (expected.at("table") != "cells" || feature.rfind(object + "_" + prefix, 0) != 0)
            continue;
        const std::string name = feature.substr(object.size() + 1);
        const int row = expected.at("row").at("ObjectNumber").get<int>() - 1;
        bool found = false;
        for (const auto& [column, values] : measured) {
            if (column != name) continue;
            found = true;
            const double value = values.at(row);
            if (expected.at("value").is_string()) {
                EXPECT_TRUE(std::isnan(value)) << feature << " = " << value << ", expected NaN";
            } else {
                const double reference = expected.at("value").get<double>();
                EXPECT_NEAR(value, reference,
                            tolerance(expected.at("tol").get<double>(), reference, float32_pixels))
                    << feature;
            }
        }
        EXPECT_TRUE(found) << feature << " not measured";
        ++checked;
    }
    return checked;
}

}  // namespace case_expected
