// SPDX-License-Identifier: MIT
// Compensated summation, shared by the single-process PageRank kernel and the distributed one:
// D and Z add millions of tiny scores to a sum near 0.5, which plain addition rounds the same
// way every time.
#pragma once

#include <cmath>

namespace linkequity::detail {

/// sum + lo ← sum + x with the rounding error kept in lo (Kahan–Babuška/Neumaier); the
/// compensated total is sum + lo. O(1).
inline void kahan_add(double& sum, double& lo, double x) {
    const double t = sum + x;
    lo += std::fabs(sum) >= std::fabs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
}

}  // namespace linkequity::detail
