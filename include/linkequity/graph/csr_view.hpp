// SPDX-License-Identifier: MIT
// csr_view: a non-owning view of a directed graph's in-adjacency held in the caller's own CSR
// arrays (64-bit offsets, 32-bit sources, optional float weights and edge flags). validate()
// checks it once; pagerank() scores it without copying the arrays. csr_graph::in_view() gives
// the view of a built graph, csr_graph::out_view() that of its transpose.
#pragma once

#include <cstddef>

#include "linkequity/config.hpp"
#include "linkequity/graph/edge_flags.hpp"
#include "linkequity/span.hpp"

namespace linkequity {

/// The in-edges of node i are the edges j → i for j in sources[offsets[i] .. offsets[i+1]);
/// weights[e] and flags[e], when those arrays are not empty, belong to the same edge e. Rows
/// need not be sorted (the blocked kernel then falls back to pull). The view owns nothing: the
/// arrays must outlive every use of it, and are only read.
struct csr_view {
    std::size_t num_nodes = 0;
    span<const edge_offset> offsets;  ///< num_nodes + 1 entries, offsets[0] = 0, non-decreasing
    span<const node_id> sources;      ///< offsets[num_nodes] entries, each < num_nodes
    span<const edge_weight> weights;  ///< empty = unweighted; else one per edge, finite, >= 0
    span<const edge_flags> flags;     ///< empty = no flags; else one per edge

    std::size_t num_edges() const noexcept { return sources.size(); }
    bool has_weights() const noexcept { return !weights.empty(); }
    bool has_flags() const noexcept { return !flags.empty(); }

    /// Checks that the arrays describe a graph: offsets has num_nodes + 1 entries, offsets[0]
    /// is 0, offsets never decrease, offsets[num_nodes] is the number of sources, every source
    /// is < num_nodes, num_nodes fits node ids, and weights / flags are empty or one per edge
    /// (weights finite and >= 0). O(n + m).
    /// @throws std::invalid_argument naming the first problem found, its index and value.
    void validate() const;
};

}  // namespace linkequity
