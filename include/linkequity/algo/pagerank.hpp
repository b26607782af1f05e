// SPDX-License-Identifier: MIT
// pagerank(): the one PageRank kernel behind page, host and domain authority, personalised
// scores and TrustRank. Pull over in-edges (no atomics), OpenMP-parallel, exactly DESIGN.md's
// definition — the same as networkx.pagerank with the same weight/personalization/dangling.
#pragma once

#include <cstddef>
#include <vector>

#include "linkequity/algo/pagerank_options.hpp"
#include "linkequity/graph/csr_graph.hpp"

namespace linkequity {

struct pagerank_result {
    std::vector<double> scores;   ///< indexed by node id, each >= 0, summing to 1
    std::size_t iterations = 0;   ///< iterations performed
    double residual = 0.0;        ///< L1 change of the last iteration
    bool converged = false;       ///< residual < tolerance
    bool cancelled = false;       ///< the progress callback asked to stop
    std::vector<double> history;  ///< residual of every iteration
    double seconds = 0.0;         ///< wall time of the iterations
    double setup_seconds = 0.0;   ///< wall time before the first iteration (out-weights, order,
                                  ///< blocked layout, the iteration's vectors)
};

/// PageRank of `g` (DESIGN.md, "PageRank, exactly"). With followable edges E (edges carrying no
/// bit of options.excluded, self-loops as built), weights w (1 when unweighted):
///
///     out(j) = Σ_{(j,k)∈E} w_jk      (in evaporate mode: over all out-edges of j)
///     x'_i   = α Σ_{(j,i)∈E} x_j w_ji / out(j) + α D u_i + (α Z + 1 − α) v_i
///     D      = Σ_{j: out(j)=0} x_j,   Z = evaporated mass (0 in exclude mode)
///
/// starting from `start` (or v), until ‖x' − x‖₁ < tolerance or max_iterations.
/// Cost per iteration: O(n + m) reads, streaming over the in-adjacency; memory 32 bytes per node.
/// Power iteration gives identical per-node sums on any thread count (only the reductions for
/// D and the residual are reordered: differences stay below 1e-15).
/// Thread safety: reentrant; the graph is only read. Empty graph: empty result, converged.
/// @throws std::invalid_argument for bad options (see pagerank_options::validate), or
///         evaporate mode on a lean graph (which has dropped its excluded edges).
pagerank_result pagerank(const csr_graph& g, const pagerank_options& options = {});

/// The followable out-weight out(j) of every node, as the kernel uses it (DESIGN.md). O(n + m).
std::vector<double> followable_out_weight(const csr_graph& g, const pagerank_options& options);

}  // namespace linkequity
