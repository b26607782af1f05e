// SPDX-License-Identifier: MIT
// pagerank(): the one PageRank kernel behind page, host and domain authority, personalised
// scores, TrustRank and CheiRank (algo/trustrank.hpp, algo/cheirank.hpp). Pull over in-edges (no atomics), OpenMP-parallel, exactly docs/scores.md's
// definition — the same as networkx.pagerank with the same weight/personalization/dangling.
// Scores a csr_graph or a caller's csr_view. The solvers live in src/algo/pagerank/ (read
// reference.cpp first; driver.hpp says how a new algorithm plugs in).
#pragma once

#include <cstddef>
#include <vector>

#include "linkequity/algo/pagerank_options.hpp"
#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/graph/csr_view.hpp"

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
    /// D of the returned scores: Σ x_j over the nodes j with out(j) = 0, summed in id order.
    double dangling_mass = 0.0;
    /// Z of the returned scores: Σ x_j (out(j) − followable out-weight of j) / out(j), summed
    /// in id order; 0 unless excluded_links = evaporate and some link is excluded.
    double evaporated_mass = 0.0;
};

/// PageRank of `g` (docs/scores.md "PageRank, exactly"). With followable edges E (edges carrying no
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

/// PageRank of the graph whose in-adjacency `g` views (arrays the caller owns; nothing is
/// copied unless node_order = by_degree asks for a relabelled copy). As pagerank(csr_graph),
/// with out(j) summed per source over the in-edges (a serial O(m) pass: a view has no
/// out-adjacency) and the flags, when given, masking excluded links (evaporate mode without
/// flags is exclude mode: nothing is excluded). node_order = automatic keeps the view's order;
/// the blocked kernel needs rows ascending by source (checked, O(m)) and otherwise runs pull.
/// For a csr_graph g, pagerank(g.out_view()) is PageRank of the reversed graph (CheiRank).
/// @throws std::invalid_argument for an invalid view (csr_view::validate, O(n + m)) or options.
pagerank_result pagerank(const csr_view& g, const pagerank_options& options = {});

/// The followable out-weight out(j) of every node, as the kernel uses it (docs/scores.md). O(n+m).
std::vector<double> followable_out_weight(const csr_graph& g, const pagerank_options& options);
/// The same for a view (summed per source over its in-edges). O(n + m), serial.
/// @throws std::invalid_argument for an invalid view.
std::vector<double> followable_out_weight(const csr_view& g, const pagerank_options& options);

}  // namespace linkequity
