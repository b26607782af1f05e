// SPDX-License-Identifier: MIT
// The O(n) passes around an iteration that every solver shares (kernel.hpp).
#include "kernel.hpp"

#include "linkequity/detail/parallel.hpp"

namespace linkequity::detail {

sweep_sums masses(const pagerank_problem& k, const std::vector<double>& x) {
    constexpr unsigned block_shift = 16;
    const std::size_t blocks = (k.n >> block_shift) + 1;
    std::vector<block_sums> part(blocks);  // res stays 0
#pragma omp parallel for schedule(static) if (blocks > 1)
    for (std::size_t b = 0; b < blocks; ++b) {
        block_sums p;
        const std::size_t end = std::min(k.n, (b + 1) << block_shift);
        for (std::size_t i = b << block_shift; i < end; ++i) {
            if (k.inv_out[i] == 0.0) kahan_add(p.dang, p.dang_lo, x[i]);
            kahan_add(p.evap, p.evap_lo, x[i] * k.evaporated_at(i));
        }
        part[b] = p;
    }
    return in_block_order(part);
}

void contributions(const pagerank_problem& k, const std::vector<double>& x, gather_vector& c) {
#pragma omp parallel for schedule(static) if (k.n > parallel_threshold)
    for (std::size_t i = 0; i < k.n; ++i) c[i] = x[i] * k.inv_out[i];
}

}  // namespace linkequity::detail
