// SPDX-License-Identifier: MIT
// Internal to the PageRank kernel: a copy of the in-adjacency that keeps only the followable
// links, so the iterations neither read a flag per edge nor gather for the links they exclude.
#pragma once

#include "kernel.hpp"
#include "linkequity/detail/buffer.hpp"

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
/// Does nothing when k.flags is null. O(n + m), parallel; memory 8 (n + 1) + 4 m′ bytes (+ 4 m′
/// with weights), m′ the followable links.
void drop_masked_edges(pagerank_problem& k, followable_copy& copy);

}  // namespace linkequity::detail
