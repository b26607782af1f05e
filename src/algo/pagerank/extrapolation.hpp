// SPDX-License-Identifier: MIT
// Quadratic extrapolation for the power method (Kamvar, Haveliwala, Manning, Golub: "Extrapolation
// Methods for Accelerating PageRank Computations", WWW 2003, Algorithm 2). Internal to the kernel.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <type_traits>
#include <vector>

#include "linkequity/detail/parallel.hpp"

namespace linkequity::detail {

/// Given four successive iterates x0 = x^(k−3), x1, x2, x3 = x^(k), assumes x^(k−3) is a
/// combination of the first three eigenvectors and returns in x3 the extrapolated estimate
///     y_j = x_j − x0 (j = 1, 2, 3),  [γ1 γ2] = −[y1 y2]⁺ y3 (least squares),  γ3 = 1,
///     β0 = γ1 + γ2 + γ3,  β1 = γ2 + γ3,  β2 = γ3,  x* ≈ β0 x1 + β1 x2 + β2 x3,
/// rescaled to sum 1. Leaves x3 unchanged when the 2×2 normal equations are singular.
/// `sums(std::integral_constant<std::size_t, K>{}, body)` returns the K sums that body(i, a)
/// adds into a over every node i (ordered_sums in one process; the ranks' block sums over MPI,
/// src/mpi): the one place of the extrapolation's arithmetic. Cost: three passes over x.
template <class Sums>
void quadratic_extrapolate_by(const std::vector<double>& x0, const std::vector<double>& x1,
                              const std::vector<double>& x2, std::vector<double>& x3,
                              Sums&& sums) {
    const std::size_t n = x3.size();
    const auto [a11, a12, a22, b1, b2] =
        sums(std::integral_constant<std::size_t, 5>{}, [&](std::size_t i, auto& a) {
            const double y1 = x1[i] - x0[i], y2 = x2[i] - x0[i], y3 = x3[i] - x0[i];
            a[0] += y1 * y1;
            a[1] += y1 * y2;
            a[2] += y2 * y2;
            a[3] += y1 * y3;
            a[4] += y2 * y3;
        });
    const double det = a11 * a22 - a12 * a12;
    if (!(std::fabs(det) > 1e-300) || !std::isfinite(det)) return;
    const double g1 = -(a22 * b1 - a12 * b2) / det;
    const double g2 = -(a11 * b2 - a12 * b1) / det;
    const double beta0 = g1 + g2 + 1, beta1 = g2 + 1, beta2 = 1;
    const double sum = sums(std::integral_constant<std::size_t, 1>{}, [&](std::size_t i, auto& s) {
        x3[i] = beta0 * x1[i] + beta1 * x2[i] + beta2 * x3[i];
        s[0] += x3[i];
    })[0];
    if (!(sum > 0) || !std::isfinite(sum)) return;
#pragma omp parallel for if (n > parallel_threshold)
    for (std::size_t i = 0; i < n; ++i) x3[i] /= sum;
}

/// quadratic_extrapolate_by with the sums of one process (ordered_sums: per fixed block, in
/// block order). Cost: three passes over n doubles.
inline void quadratic_extrapolate(const std::vector<double>& x0, const std::vector<double>& x1,
                                  const std::vector<double>& x2, std::vector<double>& x3) {
    const std::size_t n = x3.size();
    quadratic_extrapolate_by(x0, x1, x2, x3, [n](auto k, auto&& body) {
        return ordered_sums<decltype(k)::value>(n, body);
    });
}

}  // namespace linkequity::detail
