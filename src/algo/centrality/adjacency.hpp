// SPDX-License-Identifier: MIT
// Internal to the centrality kernels (HITS, harmonic centrality): one direction of a csr_graph's
// adjacency with its followability mask and optional weights, and a sum over nodes in fixed
// blocks, so that every reduction gives the same bits on any thread count.
#pragma once

#include <cstddef>
#include <vector>

#include "linkequity/config.hpp"
#include "linkequity/detail/parallel.hpp"
#include "linkequity/graph/edge_flags.hpp"
#include "linkequity/span.hpp"

namespace linkequity::detail {

/// Row i lists the neighbours ids[offsets[i] .. offsets[i+1]) (in- or out-neighbours); an edge
/// whose flags share a bit with `mask` does not exist; weights empty = every weight 1.
struct adjacency {
    span<const edge_offset> offsets;
    span<const node_id> ids;
    span<const edge_weight> weights;
    span<const edge_flags> flags;
    edge_flags mask = 0;

    bool followable(edge_offset e) const noexcept { return flags.empty() || !(flags[e] & mask); }
    double weight(edge_offset e) const noexcept {
        return weights.empty() ? 1.0 : static_cast<double>(weights[e]);
    }
};

/// Σ_i f(i) for i < n, in blocks of 4096 ids summed in parallel, then the block sums added in
/// block order: the same result on any thread count. O(n).
template <class F>
double fixed_order_sum(std::size_t n, F&& f) {
    constexpr std::size_t block = 4096;
    const std::size_t blocks = (n + block - 1) / block;
    std::vector<double> partial(blocks, 0.0);
#pragma omp parallel for schedule(static) if (n > parallel_threshold)
    for (std::ptrdiff_t b = 0; b < static_cast<std::ptrdiff_t>(blocks); ++b) {
        const std::size_t lo = static_cast<std::size_t>(b) * block;
        const std::size_t hi = lo + block < n ? lo + block : n;
        double s = 0;
        for (std::size_t i = lo; i < hi; ++i) s += f(i);
        partial[static_cast<std::size_t>(b)] = s;
    }
    double sum = 0;
    for (double s : partial) sum += s;
    return sum;
}

}  // namespace linkequity::detail
