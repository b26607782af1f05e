// SPDX-License-Identifier: MIT
// Internal to the PageRank kernels: a copy of the in-adjacency that keeps only the followable
// links, so the iterations neither read a flag per edge nor gather for the links they exclude.
// pagerank() (every solver), topic_pagerank() and spam_mass() iterate it; in degree order they
// iterate the relabelled copy instead, which leaves those links out itself (node_order.hpp).
#pragma once

#include <cstddef>

#include "linkequity/config.hpp"
#include "linkequity/detail/buffer.hpp"
#include "linkequity/detail/parallel.hpp"
#include "linkequity/graph/edge_flags.hpp"

namespace linkequity::detail {

/// The storage drop_masked_edges points a problem at.
struct followable_copy {
    buffer<edge_offset> offsets;
    buffer<node_id> sources;
    buffer<edge_weight> weights;  ///< empty when the problem is unweighted
};

/// Copies k's in-adjacency without the edges k.mask excludes (k.flags[e] & k.mask) into
/// `copy`, each row's remaining edges in their order, and points k at it: k.offsets, sources,
/// weights and last_edge change, k.flags becomes null and k.mask 0. Every row then sums the
/// same terms in the same order as the masked loop did (it added 0 for an excluded edge), so
/// the scores are the same bits; the iterations stream and gather only the followable links.
/// Problem: pagerank_problem or topic_problem (the fields n, offsets, sources, weights, flags,
/// mask, last_edge). Does nothing when k.flags is null. O(n + m), parallel; memory 8 (n + 1) +
/// 4 m′ bytes (+ 4 m′ with weights), m′ the followable links.
template <class Problem>
void drop_masked_edges(Problem& k, followable_copy& copy) {
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
