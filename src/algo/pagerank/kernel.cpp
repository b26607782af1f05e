// SPDX-License-Identifier: MIT
// The O(n) passes around an iteration that every solver shares (kernel.hpp).
#include "kernel.hpp"

#include <array>

#include "linkequity/detail/parallel.hpp"

namespace linkequity::detail {

sweep_sums masses(const pagerank_problem& k, const std::vector<double>& x) {
    constexpr unsigned block_shift = 16;
    const std::size_t blocks = (k.n >> block_shift) + 1;
    std::vector<std::array<double, 4>> part(blocks);  // D, D's error, Z, Z's error
#pragma omp parallel for schedule(static) if (blocks > 1)
    for (std::size_t b = 0; b < blocks; ++b) {
        std::array<double, 4> p{};
        const std::size_t end = std::min(k.n, (b + 1) << block_shift);
        for (std::size_t i = b << block_shift; i < end; ++i) {
            if (k.inv_out[i] == 0.0) kahan_add(p[0], p[1], x[i]);
            kahan_add(p[2], p[3], x[i] * k.evaporated_at(i));
        }
        part[b] = p;
    }
    double dangling_lo = 0, evaporated_lo = 0;
    sweep_sums s;
    for (const auto& p : part) {
        kahan_add(s.dangling, dangling_lo, p[0]);
        dangling_lo += p[1];
        kahan_add(s.evaporated, evaporated_lo, p[2]);
        evaporated_lo += p[3];
    }
    s.dangling += dangling_lo;
    s.evaporated += evaporated_lo;
    return s;
}

void contributions(const pagerank_problem& k, const std::vector<double>& x, gather_vector& c) {
#pragma omp parallel for schedule(static) if (k.n > parallel_threshold)
    for (std::size_t i = 0; i < k.n; ++i) c[i] = x[i] * k.inv_out[i];
}

}  // namespace linkequity::detail
