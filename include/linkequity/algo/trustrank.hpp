// SPDX-License-Identifier: MIT
// TrustRank and Anti-TrustRank (docs/trust.md): PageRank personalised on a seed set, with the
// dangling score sent to the seeds too (u = v); Anti-TrustRank runs on the reversed followable
// graph, so trust flows *backwards* from known spam to the nodes that link to it. Both are the
// pagerank() kernel with options (no new kernel); seed_set checks and normalises the seeds.
#pragma once

#include <cstddef>
#include <vector>

#include "linkequity/algo/pagerank.hpp"
#include "linkequity/graph/csr_graph.hpp"

namespace linkequity {

/// A seed set S: node ids with optional weights (empty = one each, i.e. uniform over S).
struct seed_set {
    std::vector<node_id> nodes;
    std::vector<double> weights;  ///< empty, or one weight per node: finite, >= 0, positive sum

    /// The personalisation vector v (size n): v_i = w_i / Σw for the seeds, 0 elsewhere.
    /// O(n + |S| log |S|).
    /// @throws std::invalid_argument (message starting "who: ") for no seeds, a node listed
    ///         twice, a weights vector of another size, a negative or non-finite weight, or
    ///         weights summing to 0; std::out_of_range for a node id >= n.
    std::vector<double> distribution(std::size_t n, const char* who) const;
    /// Entries [first, last) of distribution(n, who), with the same checks and the same bits
    /// (Σw added in seed order), without building the n-vector: one MPI rank's slice.
    /// O(|S| log |S| + last − first). @throws as distribution(); std::invalid_argument when
    /// first > last or last > n.
    std::vector<double> distribution(std::size_t n, const char* who, std::uint64_t first,
                                     std::uint64_t last) const;
};

/// TrustRank(S) (Gyöngyi, Garcia-Molina, Pedersen, VLDB 2004), docs/trust.md: pagerank() of g
/// with personalisation v = seeds.distribution(n) and dangling distribution u = v:
///
///     x'_i = α Σ_{(j,i)∈E} x_j w_ji / out(j) + α D v_i + (1 − α) v_i
///
/// Every other option (damping, tolerance, excluded links, solver...) is pagerank's; scores sum
/// to 1 and nodes no seed reaches score 0. Cost: one pagerank() run, O(n + m) per iteration.
/// @throws std::invalid_argument for bad seeds (seed_set::distribution), bad options, or
///         options that set personalization, dangling or dangling_distribution (the seeds do);
///         std::out_of_range for a seed that is not a node. Empty graph: invalid_argument (no
///         seed can be a node).
pagerank_result trustrank(const csr_graph& g, const seed_set& seeds,
                          const pagerank_options& options = {});

/// Anti-TrustRank(B) (Krishnan, Raj, AIRWeb 2006), docs/trust.md: TrustRank with the seed set
/// B of known spam over the *reversed* followable graph, out-weights measured in the reversed
/// graph (a node's out-weight there is its followable in-weight in g): pagerank(g.out_view())
/// with v = u = seeds.distribution(n). High scores mark nodes that link (closely, or through
/// few other links) to spam. Cost as trustrank().
/// @throws as trustrank(), and std::invalid_argument for a lean graph (no out-adjacency to
///         reverse: build without build_options::lean).
pagerank_result anti_trustrank(const csr_graph& g, const seed_set& seeds,
                               const pagerank_options& options = {});

}  // namespace linkequity
