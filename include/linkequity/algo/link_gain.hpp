// SPDX-License-Identifier: MIT
// link_gain(): the exact PageRank gain x'_t − x_t of adding one followable link j → t, for every
// candidate source j at once (docs/planning.md): a rank-one (Sherman–Morrison) update of the
// transition matrix, shared solves, and per candidate the return term G_jj from a bounded
// backward push, each gain with a rigorous error bound. Also with_followable_link(), the graph
// with the link added (what a full recompute scores).
#pragma once

#include <cstddef>
#include <vector>

#include "linkequity/algo/pagerank.hpp"
#include "linkequity/graph/csr_graph.hpp"

namespace linkequity {

struct link_gain_options {
    /// The PageRank every gain is measured in (damping, personalisation, dangling, excluded
    /// links, evaporate mode, weighted, ...). x is computed with these options.
    pagerank_options pagerank;
    /// Weight of a new link on a weighted run (ignored on unweighted runs: every link weighs 1).
    double link_weight = 1.0;
    /// A source whose links to the target are all excluded (nofollow, ...) gets them made
    /// followable: with their own weight (false) or with link_weight (true: the domain graph,
    /// where one new followable page link makes a domain edge of weight 1 in either weight mode).
    bool reweight_existing = false;
    /// Stop refining a candidate's return term once its gain's error bound is at most this
    /// share of the gain (or max_pushes is reached: the bound then says how good it is).
    double relative_error = 5e-3;
    /// Cap on the backward pushes per candidate.
    std::size_t max_pushes = std::size_t{1} << 20;
    /// The shared solves (G e_t, Gᵀ e_t, G d, G b) stop when their a-posteriori error bound is
    /// below this (∞-norm for G e_t, G d and G b, L1 for Gᵀ e_t).
    double solve_tolerance = 1e-9;

    /// @throws std::invalid_argument naming the option, its value and what is allowed.
    void validate(std::size_t num_nodes) const;

    /// The option table (see pagerank_options::fields): pagerank's, then link_gain's own.
    template <class Self, class Visitor>
    static void fields(Self& o, Visitor&& v) {
        pagerank_options::fields(o.pagerank, v);
        own_fields(o, v);
    }
    /// link_gain's own options only (for tables that nest another PageRank table).
    template <class Self, class Visitor>
    static void own_fields(Self& o, Visitor&& v) {
        v(o.link_weight, option_info("link_weight", "Weight of a new link on a weighted run")
                             .at_least(0));
        v(o.reweight_existing, option_info("reweight_existing", "An existing excluded link that "
                                           "becomes followable takes link_weight (else its own "
                                           "weight)"));
        v(o.relative_error, option_info("relative_error", "Refine each candidate until its "
                                        "gain's error bound is at most this share of the gain")
                                .above(0));
        v(o.max_pushes, option_info("max_pushes", "Cap on the backward pushes per candidate")
                            .at_least(1));
        v(o.solve_tolerance, option_info("solve_tolerance", "Error bound at which the shared "
                                         "solves stop").above(0));
    }
};

/// One candidate source j.
struct link_gain_row {
    node_id source = 0;
    double gain = 0;         ///< x'_t − x_t, x' the PageRank with the link j → t followable
    double score_after = 0;  ///< x_t + gain
    /// |true gain − gain| <= error_bound, from the bounds of every computed quantity (x, the
    /// shared solves, G_jj) carried through the formula by interval arithmetic.
    double error_bound = 0;
    bool existing = false;   ///< j had an excluded link to t, made followable
};

struct link_gain_result {
    node_id target = 0;
    double score = 0;                 ///< x_t
    std::vector<link_gain_row> rows;  ///< best first (gain descending, ties by source id)
    std::size_t skipped = 0;          ///< candidates given that already link followably to t
    pagerank_result pagerank;         ///< the run x comes from (scores, D, Z, iterations)
    double score_error = 0;           ///< a-posteriori bound on ‖x − x*‖₁: residual / (1 − α)
    std::size_t solve_iterations = 0; ///< iterations of the shared solves, summed
    std::size_t pushes = 0;           ///< backward pushes, all candidates
    double seconds_pagerank = 0, seconds_solves = 0, seconds_candidates = 0;
};

/// The gain in PageRank of node `target` from adding one followable link j → target, for every
/// candidate j (docs/planning.md has the derivation). With P the transition matrix (dangling
/// rows replaced by uᵀ, evaporating shares sent to vᵀ), G = (I − αP)⁻¹ and δ the change of j's
/// row, x'_t = x_t + α x_j (δᵀ G e_t) / (1 − α δᵀ G e_j). δᵀ G e_t and δᵀ G e_j are written with
/// G e_t, Gᵀ e_t and x (shared by all candidates) and G_jj, computed per candidate by a backward
/// push on the sparse part of P with the teleport part folded into G h (one more shared solve).
///
/// `candidates`: node ids (duplicates ignored); empty = every node j ≠ target without a
/// followable link to target. Given candidates that already link followably are skipped and
/// counted. A candidate with excluded links to the target gets them made followable.
/// Cost: one PageRank, two shared solves (G e_t with G d and G b in one pass over the
/// out-adjacency per iteration; Gᵀ e_t over the in-adjacency), then per candidate O(1) (a
/// dangling source with u = v, or one whose a-priori bound 1 <= G_jj <= 1/(1 − α) suffices) or a
/// backward push over the in-edges of the nodes it reaches (bounded by max_pushes);
/// parallel over candidates, identical on any thread count. Memory: 8 doubles per node + one
/// residual vector (n doubles) per thread.
/// @throws std::invalid_argument for bad options, a target or candidate >= n, the target among
///         the candidates, or a lean graph (no out-adjacency).
link_gain_result link_gain(const csr_graph& g, node_id target,
                           const std::vector<node_id>& candidates = {},
                           const link_gain_options& options = {});

/// A copy of `g` in which j → t is followable: the excluded bits (`excluded`) of the existing
/// links j → t are cleared (weight `weight` if `reweight`), or a new link j → t of weight
/// `weight` (1 on an unweighted graph) is added. Every other edge is kept as it is (self-loops,
/// parallel edges). O(n + m). @throws std::invalid_argument for ids >= n, j == t, a lean graph.
csr_graph with_followable_link(const csr_graph& g, node_id j, node_id t, double weight = 1.0,
                               edge_flags excluded = flags::default_excluded,
                               bool reweight = false);

}  // namespace linkequity
