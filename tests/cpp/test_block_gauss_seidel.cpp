// SPDX-License-Identifier: MIT
// pagerank_solver::block_gauss_seidel: against the dense linear solve on small graphs (one
// phase) and against the power method on graphs of many phases, the same bits on 1 and 2
// threads, fewer iterations than power on a Kronecker graph, the driver's progress and cancel.
#include <catch2/catch.hpp>

#include <random>

#include "linkequity/linkequity.hpp"
#include "oracle.hpp"
#include "solver_checks.hpp"
#include "threads.hpp"

using namespace linkequity;
using oracle::graph_of;
using oracle::options_of;
using Catch::Matchers::WithinAbs;

namespace {

pagerank_options block_gs(pagerank_options o) {
    o.solver = pagerank_solver::block_gauss_seidel;
    o.tolerance = 1e-14;
    o.max_iterations = 10000;
    return o;
}

/// A varied_case with at least `least` nodes (so phases of 4,096 nodes number several).
oracle::dense_case large_case(std::mt19937_64& rng, std::size_t least, int t) {
    oracle::dense_case c;
    do c = oracle::varied_case(rng, 3 * least, t);
    while (c.n < least);
    return c;
}

}  // namespace

TEST_CASE("block_gauss_seidel: dense Eigen solve on 200 random graphs", "[pagerank][bgs][oracle]") {
    solver_checks::against_dense_solve(pagerank_solver::block_gauss_seidel, 20261201);
}

TEST_CASE("block_gauss_seidel: many closed pieces against the dense solve", "[pagerank][bgs]") {
    // Every kind of aggregate of the mass correction: pure components, all-dangling ones, the
    // mixed rest; with skewed personalization, a dangling distribution and evaporation.
    oracle::dense_case c;
    c.n = 20;
    auto link = [&](std::uint32_t a, std::uint32_t b, edge_flags f = 0) {
        c.src.push_back(a);
        c.dst.push_back(b);
        c.flags.push_back(f);
    };
    link(0, 1), link(1, 0), link(2, 3), link(3, 2);
    for (std::uint32_t l : {5u, 6u, 7u}) link(4, l), link(l, 4);
    link(8, 9), link(9, 10), link(10, 8);
    link(11, 12), link(12, 13), link(11, 13, flags::nofollow);
    link(14, 15, flags::nofollow), link(15, 14, flags::ugc);
    link(16, 17), link(17, 16, flags::sponsored);
    for (const bool evaporate : {false, true}) {
        for (const int variant : {0, 1, 2}) {
            c.evaporate = evaporate;
            c.personalization.assign(c.n, 1.0);
            c.personalization[0] = 9.0, c.personalization[8] = 0.0, c.personalization[18] = 4.0;
            c.dangling.clear();
            if (variant == 1) c.personalization.clear();
            if (variant == 2) c.dangling.assign(c.n, 0.0), c.dangling[4] = 1.0, c.dangling[19] = 3.0;
            INFO("evaporate " << evaporate << ", variant " << variant);
            const auto r = pagerank(graph_of(c), block_gs(options_of(c)));
            REQUIRE(r.converged);
            CHECK(oracle::l1(r.scores, oracle::dense_pagerank(c)) < 1e-12);
        }
    }
}

TEST_CASE("block_gauss_seidel: power's answer on graphs of many phases, any thread count",
          "[pagerank][bgs][threads]") {
    // 9,000 to 27,000 nodes: 9 to 27 phases (above 16,384 nodes they run in parallel). power
    // is checked against the dense solve in test_pagerank.cpp. The mass correction's sums are
    // compensated: with plain sums over components of ~10^4 nodes (as the serial solver has)
    // this failed, at an L1 difference of 1.2e-12.
    std::mt19937_64 rng(11);
    for (int t = 0; t < 16; ++t) {
        const oracle::dense_case c = large_case(rng, 9000, t);
        const auto g = graph_of(c);
        pagerank_options o = options_of(c);
        o.tolerance = 1e-15;
        o.max_iterations = 10000;
        const auto power = pagerank(g, o);
        pagerank_options b = block_gs(o);
        b.tolerance = 1e-15;
        const auto one = test_threads::on(1, [&] { return pagerank(g, b); });
        const auto two = test_threads::on(2, [&] { return pagerank(g, b); });
        INFO("case " << t << ": n=" << c.n << " m=" << c.src.size() << ", power "
                      << power.iterations << " iterations, block GS " << one.iterations
                      << ", L1 difference " << oracle::l1(one.scores, power.scores));
        REQUIRE(one.converged);
        CHECK(oracle::l1(one.scores, power.scores) < 1e-12);
        solver_checks::same_run(one, two);
    }
}

TEST_CASE("block_gauss_seidel: fewer iterations than power on a Kronecker graph, same bits on "
          "1 and 2 threads", "[pagerank][bgs][threads]") {
    for (const bool symmetrize : {false, true}) {
        kronecker_options k;
        k.scale = 16;  // 65,536 nodes: 16 phases
        k.symmetrize = symmetrize;
        const auto g = build_graph(kronecker_edges(k));
        for (const auto order : {pagerank_node_order::as_built, pagerank_node_order::by_degree}) {
            pagerank_options o;
            o.tolerance = 1e-9;
            o.node_order = order;
            const auto power = pagerank(g, o);
            o.solver = pagerank_solver::block_gauss_seidel;
            const auto one = test_threads::on(1, [&] { return pagerank(g, o); });
            const auto two = test_threads::on(2, [&] { return pagerank(g, o); });
            INFO("symmetrized " << symmetrize << ", by degree "
                                << (order == pagerank_node_order::by_degree) << ": power "
                                << power.iterations << ", block GS " << one.iterations);
            REQUIRE(power.converged);
            REQUIRE(one.converged);
            CHECK(10 * one.iterations <= 7 * power.iterations);
            CHECK(oracle::l1(power.scores, one.scores) < 1e-8);
            CHECK(one.scores == two.scores);
            CHECK(one.iterations == two.iterations);
        }
    }
}

TEST_CASE("block_gauss_seidel: progress sees every sweep and can stop, and max_iterations",
          "[pagerank][bgs]") {
    kronecker_options k;
    k.scale = 15;
    const auto g = build_graph(kronecker_edges(k));
    pagerank_options o;
    o.solver = pagerank_solver::block_gauss_seidel;
    const auto r = solver_checks::stopped_at_three(g, o);
    CHECK(r.history.size() == 3);
    // Residuals fall, and the iterate sums to 1 after every sweep (mass correction).
    CHECK(r.history[2] < r.history[0]);
    CHECK_THAT(oracle::sum(r.scores), WithinAbs(1.0, 1e-12));
    o.progress = nullptr;
    o.max_iterations = 2;
    o.tolerance = 1e-300;
    const auto two = pagerank(g, o);
    CHECK(two.iterations == 2);
    CHECK_FALSE(two.converged);
    CHECK(two.history[0] == r.history[0]);
    CHECK(two.history[1] == r.history[1]);
}

TEST_CASE("block_gauss_seidel: the serial gauss_seidel is unchanged by it", "[pagerank][bgs]") {
    // Different iterates (Jacobi inside a phase), the same fixed point as gauss_seidel.
    kronecker_options k;
    k.scale = 15;
    k.symmetrize = true;
    const auto g = build_graph(kronecker_edges(k));
    pagerank_options o;
    o.tolerance = 1e-12;
    o.solver = pagerank_solver::gauss_seidel;
    const auto gs = pagerank(g, o);
    o.solver = pagerank_solver::block_gauss_seidel;
    const auto bgs = pagerank(g, o);
    CHECK(oracle::l1(gs.scores, bgs.scores) < 1e-10);
    CHECK(to_string(pagerank_solver::block_gauss_seidel) == std::string("block_gauss_seidel"));
}
