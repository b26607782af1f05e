// SPDX-License-Identifier: MIT
// Internal to the PageRank kernel: the solvers pagerank() chooses from, each a step run by the
// shared driver (driver.hpp) — the reference pull iteration (reference.cpp), the blocked one
// (blocked.cpp) and Gauss–Seidel (gauss_seidel.cpp) — all on one pagerank_problem (kernel.hpp).
#pragma once

#include <vector>

#include "kernel.hpp"
#include "linkequity/algo/pagerank.hpp"
#include "linkequity/detail/stopwatch.hpp"

namespace linkequity::detail {

// Each solve_* iterates x (in k's numbering, summing to 1) to o's tolerance or cap, adding its
// set-up time to r.setup_seconds and filling r.iterations, residual, history, converged and
// cancelled. O(n + m) per iteration.

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

}  // namespace linkequity::detail
