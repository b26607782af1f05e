// SPDX-License-Identifier: MIT
// harmonic_centrality(): Σ_{u≠v} 1/d(u, v) over followable shortest-path (hop) distances into v,
// with networkx.harmonic_centrality semantics. Exact by bit-parallel breadth-first search (64
// targets per pass, OpenMP over passes), or estimated by HyperBall (HyperLogLog counters,
// Boldi–Vigna) on large graphs. Kernels in src/algo/centrality/{harmonic,hyperball}.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "linkequity/algo/pagerank_options.hpp"
#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/options.hpp"

namespace linkequity {

/// How harmonic_centrality computes.
enum class harmonic_method {
    /// exact when harmonic_exact_affordable(n, m) (ceil(n/64)·(n + m) <= 2^30), else hyperball.
    automatic,
    exact,      ///< bit-parallel BFS from every node: O(n/64 · levels · m) word operations
    hyperball,  ///< HyperLogLog estimate, relative standard error 1.04/√(2^registers_log2)
};
inline constexpr enum_spelling<harmonic_method> harmonic_method_names[] = {
    {harmonic_method::automatic, "automatic"},
    {harmonic_method::exact, "exact"},
    {harmonic_method::hyperball, "hyperball"}};
constexpr enum_names<harmonic_method> spellings(harmonic_method) {
    return make_enum_names(harmonic_method_names);
}

struct harmonic_options {
    harmonic_method method = harmonic_method::automatic;
    /// HyperBall: b, with m = 2^b HyperLogLog registers (1 byte each) per node and per copy
    /// (two copies: 2^(b+1) bytes per node). b = 6: relative standard error 1.04/8 = 13 %.
    std::size_t registers_log2 = 6;
    std::size_t seed = 0;  ///< HyperBall: seed of the node hash (fixed: results are reproducible)
    edge_flags excluded = flags::default_excluded;  ///< links with any of these bits do not exist
    /// Called from the calling thread after each HyperBall iteration or each round of exact
    /// passes; return false to stop early (the result then has cancelled == true and partial
    /// scores). Exact: iteration = rounds done out of max_iterations (every round but the last
    /// is reported), residual = BFS passes left. HyperBall: iteration = iterations done,
    /// max_iterations = n + 1 (only a bound: it stops once no counter changes), residual = the
    /// counters that changed in that iteration.
    std::function<bool(const pagerank_progress&)> progress;

    /// @throws std::invalid_argument naming the option, its value and what is allowed.
    void validate() const { check_fields(*this, "harmonic_centrality"); }

    /// The option table (see pagerank_options::fields): CLI flags and Python keywords.
    template <class Self, class Visitor>
    static void fields(Self& o, Visitor&& v) {
        v(o.method, option_info("method", "exact (parallel BFS), hyperball (HyperLogLog "
                                          "estimate) or automatic (exact when ceil(n/64)·(n+m) "
                                          "<= 2^30)"));
        option_info b("registers_log2", "HyperBall: 2^b registers per node; relative standard "
                                        "error 1.04/sqrt(2^b)");
        b.min = 4, b.max = 16;
        v(o.registers_log2, b);
        v(o.seed, option_info("seed", "HyperBall: seed of the node hash").at_least(0));
        v(o.excluded, option_info("excluded", "Links with any of these flags do not exist for "
                                              "distances"));
    }
};

struct harmonic_result {
    std::vector<double> scores;  ///< H(v) indexed by node id (exact, or HyperBall's estimate)
    bool exact = true;           ///< computed exactly (false: HyperBall)
    std::size_t registers = 0;   ///< HyperBall: registers per counter, m (0 when exact)
    /// HyperBall: 1.04/√m, the relative standard error of every ball-size estimate, and the
    /// bound docs/centrality.md states for H(v) + 1 (0 when exact).
    double relative_standard_error = 0;
    /// exact: BFS levels of the deepest pass; HyperBall: iterations (the last changes nothing).
    std::size_t iterations = 0;
    bool cancelled = false;      ///< the progress callback asked to stop (scores are partial)
    double seconds = 0;          ///< wall time
};

/// Harmonic centrality of every node of `g` (Boldi & Vigna, "Axioms for centrality", 2014):
///
///     H(v) = Σ_{u ≠ v, d(u,v) < ∞} 1 / d(u, v)
///
/// with d(u, v) the number of followable edges (no bit of options.excluded) on a shortest path
/// from u to v: paths *into* v, as networkx.harmonic_centrality(G) (unweighted). Weights and
/// self-loops play no part.
///  - exact: bit-parallel BFS over the in-adjacency from 64 targets at once; per target, the
///    number of nodes at each distance is an integer, and H is summed level by level in a fixed
///    order, so the result is identical on any thread count. Memory: 24 bytes per node per
///    thread. Cost: O(n/64 · Σ_levels edges of the frontier) word operations.
///  - hyperball: each node's in-ball B_t(v) = {u : d(u,v) <= t} is a HyperLogLog counter of m
///    registers, B_{t+1}(v) = B_t(v) ∪ ⋃_{u→v} B_t(u) (register-wise max), until no counter
///    changes; H(v) = Σ_t (|B_t(v)| − |B_{t−1}(v)|) / t with |B| the HLL estimates. Each estimate
///    has relative standard error ≈ 1.04/√m; H(v) + 1 is a positive combination of them.
///    Memory: 2m + 18 bytes per node. Cost: O(diameter · (n + m_edges) · m), parallel over
///    nodes; deterministic (fixed seed) and identical on any thread count.
/// Empty graph: empty scores. Thread safety: reentrant; the graph is only read.
/// @throws std::invalid_argument for bad options.
harmonic_result harmonic_centrality(const csr_graph& g, const harmonic_options& options = {});

/// The rule of harmonic_method::automatic: ceil(n/64) · (n + m) <= 2^30.
bool harmonic_exact_affordable(std::size_t num_nodes, std::size_t num_edges) noexcept;

}  // namespace linkequity
