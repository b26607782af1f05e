// SPDX-License-Identifier: MIT
// pagerank_options: every knob of the PageRank kernel (damping, tolerance, personalisation,
// dangling policy, excluded links, solver, node order, kernel), the enums they take, and the
// progress callback's view of an iteration. validate() checks them against a graph's size.
// pagerank_options::fields is the option table every face reads (see linkequity/options.hpp).
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "linkequity/graph/edge_flags.hpp"
#include "linkequity/options.hpp"

namespace linkequity {

/// Where the score of nodes without followable out-links (dangling nodes) goes.
enum class dangling_policy {
    personalization,  ///< distributed like the personalization vector v (networkx's default)
    uniform,          ///< spread evenly over all nodes
    vector,           ///< distributed by pagerank_options::dangling_distribution
};

/// What an excluded (nofollow/sponsored/ugc/disavowed) link does.
enum class excluded_link_mode {
    exclude,    ///< the link does not exist for scoring and does not count in out(j)
    evaporate,  ///< counts in out(j) but passes nothing; the lost mass is teleported like (1-α)
};

enum class pagerank_solver {
    power,         ///< Jacobi/power iteration: parallel, identical on any thread count
    /// In-place sweeps using the newest scores, each followed by an exact rescaling of every
    /// weakly connected component to its fixed-point mass (aggregation–disaggregation; without
    /// it the many small closed components of real and Kronecker graphs converge no faster than
    /// under power). Serial: 51–55 % of the power method's iterations to 1e-9 on Kronecker and
    /// web-shaped graphs, but each sweep runs on one thread. Set-up: one union–find pass,
    /// O(m α(n)), 4 bytes per node.
    gauss_seidel,
    /// Gauss–Seidel between fixed phases of consecutive node ids (1,024 ids, or n/64 beyond
    /// 2^16 nodes), Jacobi inside a phase: each phase reads the newest scores of every earlier
    /// phase and the previous sweep's of the rest, so its nodes are shared among the threads.
    /// The same per-component mass correction as gauss_seidel, in parallel. Parallel and
    /// identical on any thread count (the phases depend on n only); 55-58 % of the power
    /// method's iterations to 1e-9 on symmetrized Kronecker graphs. One barrier per phase.
    /// Set-up: one union–find pass, O(m α(n)), 8 bytes per node; 3 more vectors of n doubles
    /// than power while iterating.
    block_gauss_seidel,
    /// Conjugate gradients on the linear system (I − α W H) y = v, x = y / Σy, in the inner
    /// product weighted by 1/out(j): for graphs whose followable links are symmetric (every
    /// j → i also i → j with the same weight; undirected graphs), where that system is
    /// self-adjoint and positive definite. Parallel and identical on any thread count; one pull
    /// and one O(n) pass per step, 5 vectors of n doubles. Needs the dangling score to go
    /// where teleportation goes (dangling = personalization) when the graph has dangling
    /// nodes. Measured: benchmarks/README.md, "time to solution".
    conjugate_gradient,
    /// Gauss–Seidel inside fixed blocks of 4,096 consecutive node ids, Jacobi between blocks:
    /// a node reads the newest scores of the nodes before it in its block and the previous
    /// sweep's of all others. Link graphs number a host's pages together and most links stay
    /// inside a host, so there it needs about half the power method's iterations (the
    /// synthetic web's page graph: 63 sweeps against 115 to 1e-10); where ids carry no
    /// locality, as many. Each sweep keeps the iterate's scale (teleport (1 − α)·Σx·v, the
    /// scores divided by Σx once at the end), and the residual is the L1 change of a sweep at
    /// the previous iterate's scale. Parallel and identical on any thread count (the blocks
    /// depend on n only); no set-up, no memory beyond power's; a sweep costs 1.1–1.25x a power
    /// iteration (the choice of array per link, the mass's sum), so it pays on link graphs
    /// (a third less time there) and not where ids carry no locality (Kronecker graphs).
    local_gauss_seidel,
};

/// Optional acceleration of the power method.
enum class pagerank_acceleration {
    none,
    /// Quadratic extrapolation every acceleration_period iterations (Kamvar, Haveliwala,
    /// Manning, Golub, WWW 2003): removes the second and third eigenvector components from the
    /// iterate. Costs 3 extra vectors of n doubles; ignored by Gauss–Seidel.
    quadratic,
};

/// pagerank_node_order::automatic renumbers by degree graphs of at least this many edges (2^26)
/// that are not lean. Graphs whose ids carry no locality (Kronecker, Graph500-permuted) gain
/// from far fewer edges: 15–38 % less time to 1e-9 from 3.9M edges on, the renumbering
/// included. But link graphs number pages host by host, and on the synthetic web's page graph
/// degree order showed no gain (4.4M edges: same time; 45M edges: 15.3–16.7 s against
/// 14.2–15.5 s as built, within the machine's noise), so the default waits for graphs where the
/// cache misses dominate (benchmarks/README.md, "time to solution").
inline constexpr std::size_t automatic_reorder_edges = std::size_t{1} << 26;

/// The node numbering the kernel iterates in (results always come back in the graph's ids).
enum class pagerank_node_order {
    /// by_degree for graphs of at least automatic_reorder_edges (2^26) edges that are not lean,
    /// as_built otherwise (small graphs, whose scores stay in cache anyway, or lean ones kept
    /// small on purpose), and always as_built for the local_gauss_seidel solver (it gains from
    /// the locality of the graph's own ids).
    automatic,
    as_built,   ///< the graph's own ids
    /// Renumber by decreasing out-degree first, so the scores read most often share cache lines
    /// (costs a relabelled copy of the in-adjacency: 4 bytes per edge + 16 per node, and about
    /// one iteration's time; pays off on large graphs whose ids carry no locality).
    by_degree,
};

/// How the power method gathers the contributions of in-neighbours.
enum class pagerank_kernel {
    /// One pass over the in-adjacency per iteration; the reference every other kernel is
    /// tested against, and the leanest in memory.
    pull,
    /// Pull for sources among the first blocked_hot_nodes ids (default: half the last-level
    /// cache's worth of contributions, 2^21 ids on a 32 MiB L3, so they stay in cache),
    /// propagation blocking for the others (Beamer et al., IPDPS 2017): they are streamed in id
    /// order into bins of 2^15 destinations (one value per source and bin), which each
    /// destination block then adds up from L2.
    /// Pays off when the graph is numbered by decreasing degree (node_order = by_degree, or
    /// built so) and has many more nodes than that: measured on Kronecker scale 26 (degree
    /// order) 1.29–1.48 instead of 1.77–1.97 ns/edge/iteration (0.68–0.82x the time); at scale
    /// 22, where most sources are hot, 0.99–1.13x pull's time. Costs 2 bytes per "cold" edge
    /// (source id >= hot) + 14 per (cold source, bin) pair (scale 26: about +2 bytes per edge
    /// overall) and a parallel set-up of about five iterations (6–10 s at scale 26, with 12
    /// bytes per cold edge of temporaries). Sums are in a different but fixed
    /// order: scores equal pull's to ~1e-16 and do not depend on the thread count beyond the
    /// reductions' rounding. Power solver, unweighted runs, at most 2^31 nodes only (other
    /// runs use pull).
    blocked,
};

// The one spelling of each value (the enumerator's name) on the command line, in Python and
// in messages; old spellings still parse, with a deprecation warning.
inline constexpr enum_spelling<dangling_policy> dangling_policy_names[] = {
    {dangling_policy::personalization, "personalization"},
    {dangling_policy::uniform, "uniform"},
    {dangling_policy::vector, "vector"}};
inline constexpr enum_spelling<excluded_link_mode> excluded_link_mode_names[] = {
    {excluded_link_mode::exclude, "exclude"}, {excluded_link_mode::evaporate, "evaporate"}};
inline constexpr enum_spelling<pagerank_solver> pagerank_solver_names[] = {
    {pagerank_solver::power, "power"},
    {pagerank_solver::gauss_seidel, "gauss_seidel"},
    {pagerank_solver::block_gauss_seidel, "block_gauss_seidel"},
    {pagerank_solver::conjugate_gradient, "conjugate_gradient"},
    {pagerank_solver::local_gauss_seidel, "local_gauss_seidel"},
    {pagerank_solver::gauss_seidel, "gauss-seidel", true}};  // deprecated: the CLI's old spelling
inline constexpr enum_spelling<pagerank_acceleration> pagerank_acceleration_names[] = {
    {pagerank_acceleration::none, "none"}, {pagerank_acceleration::quadratic, "quadratic"}};
inline constexpr enum_spelling<pagerank_node_order> pagerank_node_order_names[] = {
    {pagerank_node_order::automatic, "automatic"},
    {pagerank_node_order::as_built, "as_built"},
    {pagerank_node_order::by_degree, "by_degree"},
    {pagerank_node_order::automatic, "auto", true}};  // deprecated: Python's old spelling
inline constexpr enum_spelling<pagerank_kernel> pagerank_kernel_names[] = {
    {pagerank_kernel::pull, "pull"}, {pagerank_kernel::blocked, "blocked"}};

constexpr enum_names<dangling_policy> spellings(dangling_policy) {
    return make_enum_names(dangling_policy_names);
}
constexpr enum_names<excluded_link_mode> spellings(excluded_link_mode) {
    return make_enum_names(excluded_link_mode_names);
}
constexpr enum_names<pagerank_solver> spellings(pagerank_solver) {
    return make_enum_names(pagerank_solver_names);
}
constexpr enum_names<pagerank_acceleration> spellings(pagerank_acceleration) {
    return make_enum_names(pagerank_acceleration_names);
}
constexpr enum_names<pagerank_node_order> spellings(pagerank_node_order) {
    return make_enum_names(pagerank_node_order_names);
}
constexpr enum_names<pagerank_kernel> spellings(pagerank_kernel) {
    return make_enum_names(pagerank_kernel_names);
}

/// What a progress callback sees after each iteration.
struct pagerank_progress {
    std::size_t iteration;   ///< iterations done so far (1-based)
    std::size_t max_iterations;
    double residual;         ///< L1 change of this iteration
    double tolerance;
};

struct pagerank_options {
    double damping = 0.85;               ///< α, in (0, 1)
    double tolerance = 1e-10;            ///< stop when the L1 change of an iteration is < tolerance
    std::size_t max_iterations = 100;    ///< k: returns the k-th iterate when not converged
    std::vector<double> personalization; ///< v: empty = uniform; else size n, >= 0, sum > 0
    dangling_policy dangling = dangling_policy::personalization;
    std::vector<double> dangling_distribution;  ///< u when dangling == vector: size n, >= 0, sum > 0
    bool weighted = true;                ///< use edge weights when the graph has them
    std::vector<double> start;           ///< warm start: empty = v; else size n, >= 0, sum > 0
    edge_flags excluded = flags::default_excluded;  ///< links with any of these bits pass nothing
    excluded_link_mode excluded_links = excluded_link_mode::exclude;
    pagerank_solver solver = pagerank_solver::power;
    pagerank_acceleration acceleration = pagerank_acceleration::none;
    std::size_t acceleration_period = 10;  ///< iterations between extrapolations, >= 4
    pagerank_node_order node_order = pagerank_node_order::automatic;
    pagerank_kernel kernel = pagerank_kernel::pull;
    /// pagerank_kernel::blocked: sources with ids below this are pulled directly, the rest
    /// binned. 0 = automatic: the doubles that fill half the last-level cache (2^21 on 32 MiB).
    std::size_t blocked_hot_nodes = 0;
    /// Called after every iteration from the calling thread; return false to stop early
    /// (the result then has cancelled == true and holds the last iterate).
    std::function<bool(const pagerank_progress&)> progress;

    /// Checks every option against a graph of `num_nodes` nodes.
    /// @throws std::invalid_argument naming the option, its value and what is allowed.
    void validate(std::size_t num_nodes) const;

    /// The option table: calls `v(member, option_info)` for every option, in this order.
    /// validate() takes the ranges and enum values from it, and it alone makes the CLI flags
    /// (option_flags.hpp: add_option_flags(cmd, options)) and the Python keywords, their
    /// checks and docstrings (bind_options.hpp: bind_option_table(py_class, "pagerank")).
    ///
    /// An algorithm added later (TrustRank, HITS, spam mass, ...) gets its flags and keywords
    /// the same way: declare its `_options` struct with a `fields` table like this one (it may
    /// nest this one: `pagerank_options::fields(o.pagerank, v)`, as authority_options does),
    /// call check_fields(*this, "name") in its validate(), add_option_flags in its command and
    /// bind_option_table in its binding; an enum adds its `spellings` next to it. A worked
    /// example (toy_options) is in tests/cpp/test_options.cpp.
    template <class Self, class Visitor>  // Self: pagerank_options or const pagerank_options
    static void fields(Self& o, Visitor&& v) {
        v(o.damping, option_info("damping", "Damping factor α: the probability of following a "
                                            "link").open(0, 1));
        v(o.tolerance, option_info("tolerance", "Stop when the L1 change of an iteration is < "
                                                "tolerance").above(0));
        v(o.max_iterations, option_info("max_iterations", "Iteration limit k: the k-th iterate "
                                                          "is returned when not converged")
                                .at_least(0));
        v(o.personalization, option_info("personalization", "Teleport distribution v: one "
                                         "weight >= 0 per node, positive sum; empty = uniform")
                                 .per_node());
        v(o.dangling, option_info("dangling", "Where the score of nodes without followable "
                                  "out-links goes: like personalization, uniform, or "
                                  "dangling_distribution (vector)").per_node());
        v(o.dangling_distribution, option_info("dangling_distribution", "With dangling = "
                                               "vector: one weight >= 0 per node, positive sum")
                                       .per_node());
        v(o.weighted, option_info("weighted", "Use the edge weights when the graph has them"));
        v(o.start, option_info("start", "Warm start: one value >= 0 per node, positive sum; "
                                        "empty = personalization").per_node());
        v(o.excluded, option_info("excluded", "Links with any of these flags pass nothing"));
        v(o.excluded_links, option_info("excluded_links", "exclude: excluded links do not exist "
                                        "for scoring; evaporate: they count in the source's "
                                        "out-weight and pass nothing"));
        v(o.solver, option_info("solver", "power (parallel, identical on any thread count), "
                                          "gauss_seidel (serial, fewer iterations), "
                                          "block_gauss_seidel (parallel, identical on any thread "
                                          "count, fewer iterations), conjugate_gradient "
                                          "(symmetric graphs only: parallel, identical on any "
                                          "thread count, fewest iterations) or "
                                          "local_gauss_seidel (parallel, identical on any thread "
                                          "count, fewer iterations where ids are local, as on "
                                          "link graphs)"));
        v(o.acceleration, option_info("acceleration", "quadratic: extrapolation every "
                                      "acceleration_period power iterations (3 more vectors)"));
        v(o.acceleration_period, option_info("acceleration_period", "Iterations between "
                                             "extrapolations, >= 4 when acceleration is on")
                                     .at_least(0));
        v(o.node_order, option_info("node_order", "Node numbering iterated in: by_degree "
                                    "(decreasing out-degree; a relabelled copy of the in-edges), "
                                    "as_built, or automatic (by_degree from 2^26 edges)"));
        v(o.kernel, option_info("kernel", "pull (reference, leanest) or blocked (propagation "
                                "blocking for sources beyond a cache-sized prefix: faster on "
                                "graphs far larger than the cache, in degree order)"));
        v(o.blocked_hot_nodes, option_info("blocked_hot_nodes", "Blocked kernel: sources with "
                                           "smaller ids are pulled directly; 0 = half the "
                                           "last-level cache's worth").at_least(0));
    }
};

}  // namespace linkequity
