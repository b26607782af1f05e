// SPDX-License-Identifier: MIT
// Checks every PageRank solver's tests make the same way: its answer against the dense linear
// solve on oracle::varied_case graphs, and a run stopped by the progress callback.
#pragma once

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>

#include "linkequity/linkequity.hpp"
#include "oracle.hpp"

namespace solver_checks {

/// `count` varied_case graphs of up to 200 nodes (weights, kept self-loops, personalization
/// with zeros, a dangling distribution, nofollow excluded and evaporating, damping 0.5 and
/// 0.85) solved to 1e-14 by `solver`: within 1e-12 of the dense solve in L1, summing to 1,
/// every score >= 0.
inline void against_dense_solve(linkequity::pagerank_solver solver, std::uint64_t seed,
                                int count = 200) {
    std::mt19937_64 rng(seed);
    for (int t = 0; t < count; ++t) {
        const oracle::dense_case c = oracle::varied_case(rng, 200, t);
        INFO("case " << t << ": n=" << c.n << " m=" << c.src.size());
        linkequity::pagerank_options o = oracle::options_of(c);
        o.solver = solver;
        o.tolerance = 1e-14;
        o.max_iterations = 10000;
        const auto r = linkequity::pagerank(oracle::graph_of(c), o);
        REQUIRE(r.converged);
        CHECK(oracle::l1(r.scores, oracle::dense_pagerank(c)) < 1e-12);
        CHECK_THAT(oracle::sum(r.scores), Catch::Matchers::WithinAbs(1.0, 1e-12));
        for (double x : r.scores) CHECK(x >= 0);
    }
}

/// pagerank(g, o) with a progress callback that checks it sees iterations 1, 2, 3 in turn and
/// stops the run at the third: the result is cancelled after 3 iterations, not converged.
inline linkequity::pagerank_result stopped_at_three(const linkequity::csr_graph& g,
                                                    linkequity::pagerank_options o) {
    std::size_t calls = 0;
    o.progress = [&](const linkequity::pagerank_progress& p) {
        ++calls;
        CHECK(p.iteration == calls);
        return p.iteration < 3;
    };
    const auto r = linkequity::pagerank(g, o);
    CHECK(r.cancelled);
    CHECK(r.iterations == 3);
    CHECK_FALSE(r.converged);
    return r;
}

/// Two runs gave the same bits: scores, iterations, residual history, D and Z (e.g. on 1 and
/// 2 threads).
inline void same_run(const linkequity::pagerank_result& a, const linkequity::pagerank_result& b) {
    CHECK(a.scores == b.scores);
    CHECK(a.iterations == b.iterations);
    CHECK(a.history == b.history);
    CHECK(a.dangling_mass == b.dangling_mass);
    CHECK(a.evaporated_mass == b.evaporated_mass);
}

}  // namespace solver_checks
