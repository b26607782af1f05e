// SPDX-License-Identifier: MIT
// topic_pagerank(): topic-sensitive PageRank (topical authority, docs/topics.md) — one TrustRank
// per topic, the topics iterated together: one pass over the in-adjacency per iteration
// updates a batch's score vectors (k right-hand sides, stored node-major; batches of 8 when
// the k vectors outgrow the cache). Options, the topic list, the n × k result.
#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <vector>

#include "linkequity/algo/pagerank_options.hpp"
#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/graph/csr_view.hpp"

namespace linkequity {

/// One topic: its name and its seed nodes, uniform (weights empty) or weighted.
struct topic_seeds {
    std::string name;
    std::vector<node_id> nodes;   ///< seed nodes (a node listed twice adds its weights)
    std::vector<double> weights;  ///< empty = 1 per seed; else one finite weight >= 0 per seed
};

struct topic_pagerank_options {
    /// The PageRank options shared by every topic; only damping, tolerance, max_iterations,
    /// weighted, excluded, excluded_links, node_order, solver and progress apply
    /// (personalization and dangling are the topics' own). solver: power (the pull power
    /// method) or local_gauss_seidel (its sweeps, column by column: fewer passes on link
    /// graphs); no acceleration. node_order as in pagerank(): by_degree iterates a copy of the
    /// in-edges relabelled by decreasing out-degree, which keeps the most gathered rows of k
    /// scores in cache (worth much more here than for one vector: a row is 8·k' bytes);
    /// automatic from 2^26 edges, except with local_gauss_seidel.
    pagerank_options pagerank;

    /// Bytes the rows of one batch may total (8 · k' a node, k' = k rounded up to a multiple
    /// of 8) before the topics run as batches of 8: 0 = half the last-level cache (Linux sysfs
    /// cpu0/cache/index3; 32 MiB assumed when unknown). C++ only; it changes the time and
    /// memory, never a column's values or iterations.
    std::size_t batch_bytes = 0;

    /// @throws std::invalid_argument naming the option, its value and what is allowed, or
    ///         when a per-node vector, a solver other than power and local_gauss_seidel, or an
    ///         acceleration is set in `pagerank`.
    void validate() const;

    /// Whether the option `name` of pagerank_options' table is one of topic_pagerank's.
    static bool applies(const char* name) {
        for (const char* s : {"damping", "tolerance", "max_iterations", "weighted", "excluded",
                              "excluded_links", "node_order", "solver"})
            if (std::strcmp(name, s) == 0) return true;
        return false;
    }
    /// The option table: the applicable subset of pagerank_options::fields, flat.
    template <class Self, class Visitor>
    static void fields(Self& o, Visitor&& v) {
        pagerank_options::fields(o.pagerank, [&v](auto& member, const option_info& f) {
            if (applies(f.name)) v(member, f);
        });
    }
};

struct topic_pagerank_result {
    std::vector<std::string> topics;  ///< topic names, in the order given
    std::size_t num_nodes = 0;
    /// n × k, row-major: scores[i·k + t] is node i's score in topic t; each column sums to 1.
    std::vector<double> scores;
    std::vector<std::size_t> iterations;  ///< per topic: iterations until it converged (or all)
    std::vector<double> residual;         ///< per topic: L1 change of its last iteration
    std::vector<char> converged;          ///< per topic: residual < tolerance (1) or not (0)
    std::size_t passes = 0;  ///< passes over the graph, summed over the batches (one batch:
                             ///< the largest of `iterations`)
    bool cancelled = false;               ///< the progress callback asked to stop
    double seconds = 0.0;                 ///< wall time of the iterations
    double setup_seconds = 0.0;           ///< wall time before the first iteration

    std::size_t num_topics() const noexcept { return topics.size(); }
    double score(std::size_t node, std::size_t topic) const {
        return scores[node * topics.size() + topic];
    }
    bool all_converged() const noexcept {
        for (char c : converged)
            if (!c) return false;
        return true;
    }
};

/// Topic-sensitive PageRank (docs/topics.md): for every topic t, TrustRank with t's seeds —
/// the PageRank of docs/scores.md with personalisation v_t = the seed weights normalised to sum
/// 1 and dangling distribution u_t = v_t:
///
///     x'_{it} = α Σ_{(j,i)∈E} x_{jt} w_ji / out(j) + α D_t v_{it} + (α Z_t + 1 − α) v_{it}
///
/// from x_t = v_t, by the power method or (solver = local_gauss_seidel) by that solver's sweeps
/// on each column, which then stays at the scale of its own mass until a final division, as
/// in pagerank(). Topics are iterated together in batches: each pass of a batch pulls every
/// in-edge once and updates the batch's columns from it (x stored node-major, x[i·k' + t]).
/// One batch holds all k topics while their rows (8·k' bytes a node) total at most
/// options.batch_bytes (half the last-level cache by default); larger problems run batches of
/// 8 topics (one 64-byte line a node) one after the other, which gathers fewer bytes at random
/// and keeps more of the gathered rows in cache (16 topics, Kronecker scale 20:
/// benchmarks/README.md). Batching never changes a column's values or iterations. A topic
/// stops changing once its own residual ‖x'_t − x_t‖₁ < tolerance (its iterations and
/// residual are then exactly those of a single run); the batch stops when every topic has, at
/// max_iterations, or when the progress callback (given the largest residual of the topics
/// still running in the current batch, its pass count restarting at each batch) returns false;
/// batches after a cancel are not run (their columns are v_t, 0 iterations).
/// Per-node sums and the reductions (D, Z, residuals: compensated sums over fixed blocks of
/// nodes, added in block order) are in a fixed order: identical results on any thread count.
/// Cost per pass of a batch: O(m · k') reads with k' = its topics rounded up to a multiple of 8
/// (one or more 64-byte lines per gathered node); memory 24·k' bytes per node + the graph +
/// the n × k result (the result included when one batch holds every topic and k is a multiple
/// of 8, in the graph's own order: that batch iterates in the result's memory). Total
/// O(Σ_batches passes · m · k'), the same O(iterations · m · k) both ways.
/// @throws std::invalid_argument when `topics` is empty, a topic has no seeds, a seed is not a
///         node, a weight is negative, not finite or all of a topic's are 0, a name repeats, or
///         for bad options; evaporate mode on a lean graph.
topic_pagerank_result topic_pagerank(const csr_graph& g, const std::vector<topic_seeds>& topics,
                                     const topic_pagerank_options& options = {});

/// The same over the graph whose in-adjacency `g` views (out(j) summed over its in-edges).
/// @throws std::invalid_argument for an invalid view (csr_view::validate), and as above.
topic_pagerank_result topic_pagerank(const csr_view& g, const std::vector<topic_seeds>& topics,
                                     const topic_pagerank_options& options = {});

}  // namespace linkequity
