// SPDX-License-Identifier: MIT
// salsa(): personalised SALSA (Lempel and Moran 2000, with restarts at a seed set), the walk
// that alternates one followable link forwards and one backwards: its hub scores mark nodes
// that link like the seeds, its authority scores nodes linked like the seeds' targets. With
// known spam as seeds it finds co-linking networks (PBN members, money sites: docs/trust.md).
// No new kernel: TrustRank on the doubled "hub/authority" graph, run by pagerank().
#pragma once

#include <cstddef>
#include <cstring>
#include <vector>

#include "linkequity/algo/pagerank.hpp"
#include "linkequity/algo/trustrank.hpp"
#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/options.hpp"

namespace linkequity {

struct salsa_options {
    /// The PageRank options of the walk (damping = the probability of taking the next step,
    /// tolerance, weighted, excluded links, solver...). personalization, dangling,
    /// dangling_distribution and start are not options here: the seeds define them.
    /// max_iterations defaults to 1000: the doubled graph is bipartite (hub copies link only
    /// to authority copies and back), so −α is an eigenvalue of the iteration and its error
    /// shrinks by only α per iteration (tolerance 1e-10 at α = 0.85: about
    /// 140 iterations).
    pagerank_options pagerank = walk_defaults();
    /// γ: the share of every restart that lands on the seeds' hub copies (the walk continues
    /// with an out-link of a seed); 1 − γ lands on their authority copies (it continues with an
    /// in-link of a seed). In [0, 1].
    double hub_share = 0.5;

    /// pagerank_options with max_iterations = 1000.
    static pagerank_options walk_defaults() {
        pagerank_options o;
        o.max_iterations = 1000;
        return o;
    }

    /// Whether the option `name` of pagerank_options' table is one of salsa's (all but the
    /// per-node vectors and the dangling policy, which the seeds define).
    static bool applies(const char* name) {
        for (const char* s : {"personalization", "dangling", "dangling_distribution", "start"})
            if (std::strcmp(name, s) == 0) return false;
        return true;
    }
    /// The option table: pagerank_options' applicable fields, flat, then hub_share.
    template <class Self, class Visitor>
    static void fields(Self& o, Visitor&& v) {
        pagerank_options::fields(o.pagerank, [&v](auto& member, const option_info& f) {
            if (applies(f.name)) v(member, f);
        });
        v(o.hub_share, option_info("hub_share", "Share of each restart at the seeds' hub "
                                                "copies (the rest at their authority copies)")
                           .within(0, 1));
    }

    /// @throws std::invalid_argument naming the option, its value and what is allowed, or
    ///         when a per-node vector or the dangling policy is set in `pagerank`.
    void validate() const;
};

struct salsa_result {
    std::vector<double> hubs;         ///< h, indexed by node id: the walk at j, about to go forwards
    std::vector<double> authorities;  ///< a, indexed by node id: the walk at k, about to go backwards
    std::size_t iterations = 0;       ///< iterations of the walk's PageRank
    double residual = 0.0;            ///< L1 change of (h, a) in the last iteration
    bool converged = false;           ///< residual < tolerance
    bool cancelled = false;           ///< the progress callback asked to stop
    std::vector<double> history;      ///< residual of every iteration
    double seconds = 0.0;             ///< wall time of the iterations
    double setup_seconds = 0.0;       ///< wall time before the first iteration (doubled graph,
                                      ///< out-weights)
};

/// Personalised SALSA of `g` from the seed set S (docs/trust.md). With followable edges E,
/// weights w, out(j) = Σ_k w_jk and in(k) = Σ_j w_jk (in evaporate mode over all links, as
/// pagerank() measures out(j)), v = seeds.distribution(n), γ = hub_share and α = damping:
///
///     a_k = α Σ_{(j,k)∈E} h_j w_jk / out(j) + R (1 − γ) v_k      (forwards: j links to k)
///     h_j = α Σ_{(j,k)∈E} a_k w_jk / in(k)  + R γ v_j            (backwards: k is linked by j)
///     R   = 1 − α + α (D + Z),   D = Σ_{out(j)=0} h_j + Σ_{in(k)=0} a_k,  Z evaporated mass
///
/// Σ h + Σ a = 1. This is exactly TrustRank on the doubled graph of 2n nodes (hub copies
/// 0..n−1, authority copies n..2n−1) with an edge j → n+k and an edge n+k → j (weight w_jk,
/// flags of j → k) for every edge j → k of g, personalisation and dangling distribution
/// (γ v, (1 − γ) v): `networkx.pagerank(D, personalization=u, dangling=u)`. Seeded with
/// known spam, h_j is high for j that link to what the spam links to (co-citation) and a_k for
/// k linked by those. Nodes no alternating path from S reaches score 0.
/// Cost: the doubled graph's arrays (8 bytes per node for offsets, 4 per edge for sources, plus
/// 4 per edge for weights and 1 for flags when g has them, each for 2n nodes and 2m edges),
/// then one pagerank() run on them, O(n + m) per iteration. Results are those of pagerank() on
/// the doubled graph: identical on any thread count with the power solver.
/// @throws std::invalid_argument for bad seeds (seed_set::distribution), bad options, a lean
///         graph (no out-adjacency), or 2n beyond the node id range; std::out_of_range for a
///         seed that is not a node. Empty graph: invalid_argument (no seed can be a node).
salsa_result salsa(const csr_graph& g, const seed_set& seeds, const salsa_options& options = {});

}  // namespace linkequity
