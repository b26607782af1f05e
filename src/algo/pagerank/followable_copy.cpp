// SPDX-License-Identifier: MIT
// The followable-links-only copy of the PageRank kernel's in-adjacency (followable_copy.hpp).
#include "followable_copy.hpp"

#include "linkequity/detail/parallel.hpp"

namespace linkequity::detail {

void drop_masked_edges(pagerank_problem& k, followable_copy& copy) {
    if (!k.flags) return;
    const std::size_t n = k.n;
    const edge_flags mask = k.mask;
    copy.offsets = buffer<edge_offset>(n + 1);
    copy.offsets[0] = 0;
    // Pass 1: each row's followable links, stored at offsets[i + 1]; then their prefix sums.
#pragma omp parallel for schedule(dynamic, 4096) if (n > parallel_threshold)
    for (std::size_t i = 0; i < n; ++i) {
        edge_offset kept = 0;
        for (edge_offset e = k.offsets[i]; e < k.offsets[i + 1]; ++e)
            kept += (k.flags[e] & mask) == 0;
        copy.offsets[i + 1] = kept;
    }
    for (std::size_t i = 0; i < n; ++i) copy.offsets[i + 1] += copy.offsets[i];
    // Pass 2: the kept links, row by row in their order.
    const edge_offset m = copy.offsets[n];
    copy.sources = buffer<node_id>(m);
    if (k.weights) copy.weights = buffer<edge_weight>(m);
#pragma omp parallel for schedule(dynamic, 4096) if (n > parallel_threshold)
    for (std::size_t i = 0; i < n; ++i) {
        edge_offset to = copy.offsets[i];
        for (edge_offset e = k.offsets[i]; e < k.offsets[i + 1]; ++e) {
            if (k.flags[e] & mask) continue;
            copy.sources[to] = k.sources[e];
            if (k.weights) copy.weights[to] = k.weights[e];
            ++to;
        }
    }
    k.offsets = copy.offsets.data();
    k.sources = copy.sources.data();
    if (k.weights) k.weights = copy.weights.data();
    k.flags = nullptr;
    k.mask = 0;
    k.last_edge = m > 0 ? m - 1 : 0;
}

}  // namespace linkequity::detail
