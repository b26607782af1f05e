// SPDX-License-Identifier: MIT
// hits(): Kleinberg's hub and authority scores of the followable graph, with networkx.hits
// semantics (power iteration from uniform hubs, both vectors normalised to sum 1), on the
// shared iteration driver (convergence test, progress callback, cancel). hits_options' table
// gives the CLI flags and the Python keywords. The kernel is src/algo/centrality/hits.cpp.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "linkequity/algo/pagerank_options.hpp"
#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/options.hpp"

namespace linkequity {

struct hits_options {
    double tolerance = 1e-10;          ///< stop at an L1 change of the max-normalised hubs < this
    std::size_t max_iterations = 1000; ///< k: the k-th iterate is returned when not converged
    bool weighted = true;              ///< use the edge weights when the graph has them
    edge_flags excluded = flags::default_excluded;  ///< links with any of these bits do not exist
    /// Called after every iteration from the calling thread; return false to stop early.
    std::function<bool(const pagerank_progress&)> progress;

    /// @throws std::invalid_argument naming the option, its value and what is allowed.
    void validate() const { check_fields(*this, "hits"); }

    /// The option table (see pagerank_options::fields): CLI flags and Python keywords.
    template <class Self, class Visitor>
    static void fields(Self& o, Visitor&& v) {
        v(o.tolerance, option_info("tolerance", "Stop when the L1 change of the max-normalised "
                                                "hub vector is < tolerance").above(0));
        v(o.max_iterations, option_info("max_iterations", "Iteration limit k: the k-th iterate "
                                                          "is returned when not converged")
                                .at_least(0));
        v(o.weighted, option_info("weighted", "Use the edge weights when the graph has them"));
        v(o.excluded, option_info("excluded", "Links with any of these flags do not exist for "
                                              "HITS"));
    }
};

struct hits_result {
    std::vector<double> hubs;         ///< h, indexed by node id, each >= 0, summing to 1
    std::vector<double> authorities;  ///< a, indexed by node id, each >= 0, summing to 1
    std::size_t iterations = 0;       ///< iterations performed
    double residual = 0.0;            ///< L1 change of the max-normalised hubs, last iteration
    bool converged = false;           ///< residual < tolerance
    bool cancelled = false;           ///< the progress callback asked to stop
    std::vector<double> history;      ///< residual of every iteration
    double seconds = 0.0;             ///< wall time of the iterations
};

/// Hubs and authorities of `g` (Kleinberg, JACM 1999), as networkx.hits computes them. With A
/// the followable adjacency matrix (A_jk = w_jk for every followable edge j → k, parallel edges
/// summed, self-loops as built; w = 1 when unweighted or options.weighted is false):
///
///     h⁰ = 𝟙/n;  per iteration:  a = Aᵀ h,  h' = A a,  then h' /= max(h'),  a /= max(a)
///
/// until ‖h' − h‖₁ < tolerance (L1 change of the max-normalised hubs: networkx's reference
/// iteration, `_hits_python`) or max_iterations; finally h and a are each divided by their sum.
/// The limit is the principal singular vector pair of A (networkx.hits computes it with
/// ARPACK's svds): a ∝ principal eigenvector of AᵀA, h = A a. When that eigenvalue is repeated
/// (e.g. two identical components), the result is the projection of the uniform start.
/// A graph without a followable edge of positive weight gives uniform hubs and authorities 1/n
/// (networkx divides by zero there). Empty graph: empty vectors, converged.
/// Cost per iteration: O(n + m), parallel over nodes (pull over in- then out-edges); every sum is
/// in a fixed order, so the result is identical on any thread count. Memory: 24 bytes per node.
/// @throws std::invalid_argument for bad options, or a lean graph (it has no out-adjacency).
hits_result hits(const csr_graph& g, const hits_options& options = {});

}  // namespace linkequity
