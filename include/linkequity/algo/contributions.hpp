// SPDX-License-Identifier: MIT
// contributions(): where one node's PageRank comes from (docs/explain.md, DESIGN "Explaining a
// score"). The all-paths contribution c_j = s_j N_jt of every node j to the target t, from one
// extra solve N e_t over the out-edges; the one-hop shares of t's in-neighbours and the restart
// term s_t. Σ_j c_j = x_t and Σ_j one_hop_j + s_t = x_t, in exclude and evaporate mode alike.
#pragma once

#include <cstddef>
#include <vector>

#include "linkequity/algo/pagerank.hpp"
#include "linkequity/graph/csr_graph.hpp"

namespace linkequity {

struct contributions_result {
    node_id target = 0;
    double score = 0;               ///< x_t, the target's PageRank (pagerank.scores[target])
    /// c_j = s_j · N_jt for every node j (N = (I − αT)⁻¹): the part of x_t brought by surfers
    /// who restart at j, over paths of any length. Each >= 0; Σ_j c_j = x_t (to the tolerances).
    std::vector<double> all_paths;
    /// α x_j Σ_{(j,t)∈E} w_jt / out(j) for every in-neighbour j of t through a followable edge,
    /// 0 elsewhere: what t receives from j in the last step. Σ one_hop + restart = x_t.
    std::vector<double> one_hop;
    double restart = 0;             ///< s_t = (1 − α + αZ) v_t + α D u_t
    /// s_j for every node: the restart mass (teleport, dangling and evaporated shares).
    std::vector<double> restart_mass;
    /// N e_t: expected visits of t by a walk from j that continues with probability α and
    /// follows T (y = αT y + e_t). y_t >= 1.
    std::vector<double> column;
    pagerank_result pagerank;       ///< the PageRank run that gave x (scores, D, Z, iterations)
    std::size_t iterations = 0;     ///< iterations of the column solve
    double residual = 0;            ///< its last change ‖y' − y‖∞
    bool converged = false;         ///< pagerank.converged and the column solve's residual < tol
};

/// Explains x_t, the PageRank of `target` under `options` (the same options as pagerank()).
///
/// T is the followable transition matrix of the kernel: T_jk = w_jk / out(j) for the
/// followable edges j → k (edges without a bit of options.excluded; self-loops as built;
/// weights when options.weighted and the graph has them), out(j) as pagerank() counts it (in
/// evaporate mode over all of j's out-edges), rows of dangling nodes zero. With the dangling
/// mass D and evaporated mass Z of the final scores x and restart mass
///     s_j = (1 − α + αZ) v_j + α D u_j,
/// x = αTᵀx + s, so x = (I − αTᵀ)⁻¹ s and x_t = Σ_j s_j N_jt with N = (I − αT)⁻¹. One
/// solve gives the column y = N e_t: Jacobi iterations y' = αT y + e_t pulled over the
/// out-adjacency (the reversed graph's in-adjacency), from y = e_t, until ‖y' − y‖∞ <
/// options.tolerance (run by the kernel's shared driver), within max(options.max_iterations,
/// ⌈ln(tolerance)/ln α⌉ + 1) iterations, which always suffice since ‖(αT)^k e_t‖∞ <= α^k.
/// Then |Σ_j c_j − x_t| <= tolerance · α/(1 − α) plus the error of x itself (PageRank's
/// tolerance): use a tight tolerance (1e-14) for identities to 1e-12.
///
/// Cost: one pagerank() run plus O(n + m) per column iteration (as many as PageRank needs);
/// memory 6 vectors of n doubles (a lean graph, which stores no out-edges, also gets a
/// transposed copy: 12 bytes per edge). Parallel (OpenMP), the same on any thread count up to
/// the reductions' rounding. Thread safety: reentrant.
/// @throws std::out_of_range when target >= num_nodes; std::invalid_argument for bad options
///         (as pagerank()), or an empty graph.
contributions_result contributions(const csr_graph& g, node_id target,
                                   const pagerank_options& options = {});

/// The same with the PageRank run already done (`scored` = pagerank(g, options), not checked
/// beyond its size): only the column solve runs. For explaining several targets of one graph.
contributions_result contributions(const csr_graph& g, node_id target,
                                   const pagerank_options& options, pagerank_result scored);

}  // namespace linkequity
