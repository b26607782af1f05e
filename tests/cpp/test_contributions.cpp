// SPDX-License-Identifier: MIT
// contributions() against a dense Eigen solve: N = (I − αT)⁻¹ built straight from the edge list
// (parallel edges merged, excluded edges dropped or evaporating), c_j = s_j N_jt with s from the
// dense PageRank's D and Z; the identities Σ c = x_t and Σ one_hop + s_t = x_t; errors.
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "linkequity/algo/contributions.hpp"
#include "linkequity/linkequity.hpp"
#include "contributions_oracle.hpp"
#include "oracle.hpp"
#include "threads.hpp"

using namespace linkequity;
using oracle::graph_of;
using oracle::options_of;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;

TEST_CASE("contributions: dense solve on 120 random graphs in exclude and evaporate mode",
          "[contributions][oracle]") {
    std::mt19937_64 rng(20261201);
    int evaporating = 0;
    for (int t = 0; t < 120; ++t) {
        const oracle::dense_case c = oracle::varied_case(rng, 60, t);
        evaporating += c.evaporate;
        const auto target = static_cast<node_id>(rng() % c.n);
        INFO("case " << t << ": n=" << c.n << " m=" << c.src.size() << " target " << target
                     << (c.evaporate ? " evaporate" : " exclude"));
        const auto expected = oracle::dense_contributions(c, target);
        const contributions_result r = contributions(graph_of(c), target, options_of(c, 1e-15));
        REQUIRE(r.converged);
        CHECK(oracle::l1(r.all_paths, expected) < 1e-12);
        const double x_t = oracle::dense_pagerank(c)[target];
        CHECK_THAT(r.score, WithinAbs(x_t, 1e-13));
        CHECK_THAT(oracle::sum(r.all_paths), WithinAbs(r.score, 1e-12));
        CHECK_THAT(oracle::sum(r.one_hop) + r.restart, WithinAbs(r.score, 1e-12));
        CHECK(r.column[target] >= 1.0);
        for (std::size_t j = 0; j < c.n; ++j) {
            CHECK(r.all_paths[j] >= 0);
            CHECK(r.one_hop[j] >= 0);
        }
    }
    CHECK(evaporating >= 20);  // t % 6 == 0: one case in six
}

TEST_CASE("contributions: by hand on a chain into a sink", "[contributions]") {
    // 0 → 1 → 2, node 2 dangling, α = 0.5, uniform v = u.
    // x = αTᵀx + s; D = x_2; s = (1 − α)/3 + α x_2 / 3 for every node.
    // x_0 = s, x_1 = s + x_0/2, x_2 = s + x_1/2, Σ x = 1 → s(1 + 1.5 + 1.75) = 1, s = 4/17.
    const csr_graph g = build_graph(3, std::vector<node_id>{0, 1}, std::vector<node_id>{1, 2});
    pagerank_options o;
    o.damping = 0.5;
    o.tolerance = 1e-15;
    o.max_iterations = 1000;
    const auto r = contributions(g, 2, o);
    const double s = 4.0 / 17;
    CHECK_THAT(r.score, WithinAbs(1.75 * s, 1e-13));
    // N e_2 = (1/4, 1/2, 1): c = s · (1/4, 1/2, 1).
    CHECK_THAT(r.all_paths[0], WithinAbs(s / 4, 1e-13));
    CHECK_THAT(r.all_paths[1], WithinAbs(s / 2, 1e-13));
    CHECK_THAT(r.all_paths[2], WithinAbs(s, 1e-13));
    // One hop: only node 1 links to 2: α x_1 = 0.5 · 1.5 s.
    CHECK_THAT(r.one_hop[1], WithinAbs(0.75 * s, 1e-13));
    CHECK(r.one_hop[0] == 0.0);
    CHECK_THAT(r.restart, WithinAbs(s, 1e-13));
}

TEST_CASE("contributions: a lean graph gives the same answer", "[contributions]") {
    std::mt19937_64 rng(7);
    for (int t = 0; t < 10; ++t) {
        oracle::dense_case c = oracle::varied_case(rng, 60, t % 2 ? 1 : 5);  // unweighted (lean merges weights differently)
        c.evaporate = false;
        const auto target = static_cast<node_id>(rng() % c.n);
        const auto a = contributions(graph_of(c), target, options_of(c, 1e-15));
        const auto b = contributions(graph_of(c, true), target, options_of(c, 1e-15));
        INFO("lean case " << t);
        CHECK(oracle::l1(a.pagerank.scores, b.pagerank.scores) < 1e-13);
        CHECK(oracle::l1(a.all_paths, b.all_paths) < 1e-13);
        CHECK(oracle::l1(a.one_hop, b.one_hop) < 1e-13);
    }
}

TEST_CASE("contributions: reusing a PageRank run", "[contributions]") {
    std::mt19937_64 rng(11);
    const oracle::dense_case c = oracle::varied_case(rng, 60, 3);
    const csr_graph g = graph_of(c);
    const auto o = options_of(c, 1e-15);
    const auto once = pagerank(g, o);
    for (node_id t = 0; t < std::min<std::size_t>(c.n, 5); ++t) {
        const auto a = contributions(g, t, o, once);
        const auto b = contributions(g, t, o);
        CHECK(oracle::l1(a.all_paths, b.all_paths) < 1e-14);
    }
}

TEST_CASE("contributions: bad target and empty graph", "[contributions][errors]") {
    const csr_graph g = build_graph(3, std::vector<node_id>{0}, std::vector<node_id>{1});
    CHECK_THROWS_WITH(contributions(g, 3), Contains("target 3 is not a node") && Contains("3 nodes"));
    CHECK_THROWS_AS(contributions(g, 3), std::out_of_range);
    const csr_graph empty = build_graph(0, std::vector<node_id>{}, std::vector<node_id>{});
    CHECK_THROWS_AS(contributions(empty, 0), std::invalid_argument);
    pagerank_options o;
    o.damping = 1.5;
    CHECK_THROWS_WITH(contributions(g, 0, o), Contains("damping"));
}

TEST_CASE("contributions: 1 and 2 threads agree on a Kronecker graph", "[contributions][threads]") {
    kronecker_options k;
    k.scale = 15;  // 32k nodes: above the parallel threshold
    const auto g = build_graph(kronecker_edges(k));
    pagerank_options o;
    o.tolerance = 1e-12;
    o.max_iterations = 1000;
    const node_id target = 1;
    const auto one = test_threads::on(1, [&] { return contributions(g, target, o); });
    const auto two = test_threads::on(2, [&] { return contributions(g, target, o); });
    CHECK(one.iterations == two.iterations);
    // The column's rows are summed in a fixed order: identical; PageRank's D reorders.
    CHECK(oracle::l1(one.column, two.column) == 0.0);
    CHECK(oracle::l1(one.all_paths, two.all_paths) < 1e-12);
    CHECK(one.converged);
    CHECK_THAT(oracle::sum(one.all_paths), WithinAbs(one.score, 1e-10));
    CHECK_THAT(oracle::sum(one.one_hop) + one.restart, WithinAbs(one.score, 1e-10));
}
