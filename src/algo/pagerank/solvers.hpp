// SPDX-License-Identifier: MIT
// Internal to the PageRank kernel: the solvers pagerank() chooses from, each a step run by the
// shared driver (driver.hpp) — the reference pull iteration (reference.cpp), the blocked one
// (blocked.cpp), Gauss–Seidel (gauss_seidel.cpp), block Gauss–Seidel (block_gauss_seidel.cpp),
// local Gauss–Seidel (local_gauss_seidel.cpp) and conjugate gradients (conjugate_gradient.cpp)
// — all on one pagerank_problem (kernel.hpp).
#pragma once

#include <string>
#include <vector>

#include "driver.hpp"
#include "kernel.hpp"
#include "linkequity/algo/pagerank.hpp"
#include "linkequity/detail/stopwatch.hpp"

namespace linkequity::detail {

// Each solve_* iterates x (in k's numbering, summing to 1) to o's tolerance or cap, adding its
// set-up time to r.setup_seconds and filling r.iterations, residual, history, converged and
// cancelled. O(n + m) per iteration.

/// The body the solve_* functions share: builds Step<Weighted, Masked>(k, x, extra...) for k's
/// kind of edges (with_edge_kind), adds its construction time to r.setup_seconds, drives it to
/// o's tolerance or cap (driver.hpp), then calls after(step) (e.g. to write x from the step's
/// own state).
template <template <bool, bool> class Step, class After, class... Extra>
void drive_solver(const pagerank_problem& k, std::vector<double>& x, const pagerank_options& o,
                  pagerank_result& r, After&& after, const Extra&... extra) {
    with_edge_kind(k, [&](auto weighted, auto masked) {
        const stopwatch t0;
        Step<decltype(weighted)::value, decltype(masked)::value> step(k, x, extra...);
        r.setup_seconds += t0.seconds();
        drive(step, x, drive_options::of(o), r);
        after(step);
    });
}

/// drive_solver with nothing to do after the iterations.
template <template <bool, bool> class Step>
void drive_solver(const pagerank_problem& k, std::vector<double>& x, const pagerank_options& o,
                  pagerank_result& r) {
    drive_solver<Step>(k, x, o, r, [](const auto&) {});
}

/// The power method, pulling every in-edge (pagerank_kernel::pull): the reference.
void solve_power(const pagerank_problem& k, std::vector<double>& x, const pagerank_options& o,
                 pagerank_result& r);

/// Whether pagerank_kernel::blocked runs on k under o: power solver, unweighted, rows sorted by
/// source, more nodes than the hot prefix and at most cold_bins::max_nodes (else pull runs).
bool blocked_applies(const pagerank_problem& k, const pagerank_options& o);
/// The power method with propagation blocking for cold sources (needs blocked_applies).
void solve_blocked(const pagerank_problem& k, std::vector<double>& x, const pagerank_options& o,
                   pagerank_result& r);

/// Gauss–Seidel sweeps with the per-component mass correction (pagerank_solver::gauss_seidel).
void solve_gauss_seidel(const pagerank_problem& k, std::vector<double>& x,
                        const pagerank_options& o, pagerank_result& r);

/// The phases of block Gauss–Seidel: consecutive ranges of `nodes` ids (the last may be
/// shorter), nodes = max(min_nodes, n / max_phases rounded up to whole chunks). A function of n
/// alone (never of the thread count), so the sweeps' values are too. Measured on the
/// symmetrized Kronecker graph at scale 20 in degree order, to 1e-9: phases of 1,024 / 4,096 /
/// 16,384 nodes took 16 / 17 / 18 sweeps (serial Gauss–Seidel 16, power 31); each phase ends in
/// a barrier, and on a loaded machine a barrier can cost a scheduler time slice, so at most 64
/// phases (benchmarks/README.md).
struct phase_plan {
    /// Nodes handed to a thread at a time: 256 keeps each thread's walk through the in-edge
    /// array long enough for the hardware prefetcher (64 cost about 10 % more a sweep at scale 20).
    static constexpr std::size_t chunk = 256;
    static constexpr std::size_t min_nodes = 1024;   ///< shortest phase
    static constexpr std::size_t max_phases = 64;    ///< longer phases beyond 2^16 nodes
    std::size_t nodes = min_nodes;
    std::vector<std::size_t> starts;  ///< phase p is [starts[p], starts[p + 1]); ends with n
    std::size_t phases() const { return starts.size() - 1; }
    static phase_plan of(std::size_t n);
};

/// Parallel block Gauss–Seidel sweeps over phase_plan::of(k.n), with the per-component mass
/// correction (pagerank_solver::block_gauss_seidel): the same bits on any thread count.
void solve_block_gauss_seidel(const pagerank_problem& k, std::vector<double>& x,
                              const pagerank_options& o, pagerank_result& r);

/// Gauss–Seidel inside fixed blocks of sum_block consecutive ids, Jacobi between them, on the
/// homogeneous form of the update equation (pagerank_solver::local_gauss_seidel): parallel,
/// the same bits on any thread count, no set-up.
void solve_local_gauss_seidel(const pagerank_problem& k, std::vector<double>& x,
                              const pagerank_options& o, pagerank_result& r);

/// Why pagerank_solver::conjugate_gradient cannot run on k (empty when it can): the followable
/// links must be symmetric (k.symmetric), and where there are dangling nodes their score must go
/// where teleportation goes (u = v). O(n) at most.
std::string conjugate_gradient_refusal(const pagerank_problem& k);

/// Conjugate gradients on (I − α W H) y = v in the H-inner product, x = G(y / Σy) (needs an
/// empty conjugate_gradient_refusal): the same bits on any thread count.
void solve_conjugate_gradient(const pagerank_problem& k, std::vector<double>& x,
                              const pagerank_options& o, pagerank_result& r);

}  // namespace linkequity::detail
