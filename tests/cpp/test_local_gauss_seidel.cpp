// SPDX-License-Identifier: MIT
// pagerank_solver::local_gauss_seidel: against the dense linear solve on small graphs (one
// block) and against the power method on graphs of many blocks, the same bits on 1 and 2
// threads, fewer iterations than power where ids are local (clusters of consecutive ids, the
// synthetic web's page graph) and no more where they are not (Kronecker), the driver's progress;
// topic_pagerank's batch of local sweeps against single runs.
#include <catch2/catch.hpp>

#include <cstring>
#include <random>

#include "../../src/algo/pagerank/node_order.hpp"
#include "linkequity/linkequity.hpp"
#include "linkequity/web/contraction.hpp"
#include "linkequity/web/synthetic_web.hpp"
#include "linkequity/web/web_graph.hpp"
#include "oracle.hpp"
#include "solver_checks.hpp"
#include "synthetic_feed.hpp"
#include "threads.hpp"

using namespace linkequity;
using Catch::Matchers::WithinAbs;

namespace {

/// n nodes in clusters of `size` consecutive ids, like a host's pages: each node links to
/// three nodes of its cluster and, one time in ten, to any node; every 50th node has no link.
csr_graph clustered(std::size_t n, std::uint32_t size, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<node_id> src, dst;
    auto link = [&](node_id a, node_id b) {
        src.push_back(a);
        dst.push_back(b);
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 50 == 49) continue;
        const auto from = static_cast<node_id>(i), first = from / size * size;
        for (int l = 0; l < 3; ++l) link(from, first + static_cast<node_id>(rng() % size));
        if (rng() % 10 == 0) link(from, static_cast<node_id>(rng() % n));
    }
    return build_graph(n, src, dst);
}

}  // namespace

TEST_CASE("local_gauss_seidel: dense Eigen solve on 200 random graphs", "[pagerank][lgs][oracle]") {
    solver_checks::against_dense_solve(pagerank_solver::local_gauss_seidel, 20261204);
}

TEST_CASE("local_gauss_seidel: power's answer on graphs of many blocks, any thread count",
          "[pagerank][lgs][threads]") {
    // 9,000 to 27,000 nodes: 3 to 7 blocks of 4,096, run in parallel.
    std::mt19937_64 rng(12);
    for (int t = 0; t < 16; ++t) {
        oracle::dense_case c;
        do c = oracle::varied_case(rng, 27000, t);
        while (c.n < 9000);
        const auto g = oracle::graph_of(c);
        pagerank_options o = oracle::options_of(c);
        o.tolerance = 1e-15;
        o.max_iterations = 10000;
        const auto power = pagerank(g, o);
        pagerank_options l = o;
        l.solver = pagerank_solver::local_gauss_seidel;
        const auto one = test_threads::on(1, [&] { return pagerank(g, l); });
        const auto two = test_threads::on(2, [&] { return pagerank(g, l); });
        INFO("case " << t << ": n=" << c.n << " m=" << c.src.size() << ", power "
                      << power.iterations << " iterations, local GS " << one.iterations);
        REQUIRE(one.converged);
        CHECK(oracle::l1(one.scores, power.scores) < 1e-12);
        solver_checks::same_run(one, two);
    }
}

TEST_CASE("local_gauss_seidel: fewer iterations where ids are local, no more where not",
          "[pagerank][lgs][threads]") {
    pagerank_options o;
    o.tolerance = 1e-10;
    o.max_iterations = 1000;
    SECTION("clusters of consecutive ids") {
        const auto g = clustered(40000, 8, 5);
        const auto power = pagerank(g, o);
        o.solver = pagerank_solver::local_gauss_seidel;
        const auto one = test_threads::on(1, [&] { return pagerank(g, o); });
        const auto two = test_threads::on(2, [&] { return pagerank(g, o); });
        INFO("power " << power.iterations << ", local GS " << one.iterations);
        REQUIRE(power.converged);
        REQUIRE(one.converged);
        CHECK(10 * one.iterations <= 7 * power.iterations);
        CHECK(oracle::l1(power.scores, one.scores) < 1e-9);
        CHECK(one.scores == two.scores);
    }
    SECTION("the synthetic web's page graph") {
        web::synthetic_web_options w;
        w.domains = 2000;
        w.links = 100000;
        const auto g = web::page_graph(test_synthetic::feed(web::synthetic_web(w)));
        const auto power = pagerank(g, o);
        o.solver = pagerank_solver::local_gauss_seidel;
        const auto local = pagerank(g, o);
        INFO("power " << power.iterations << ", local GS " << local.iterations);
        REQUIRE(local.converged);
        CHECK(10 * local.iterations <= 8 * power.iterations);
        CHECK(oracle::l1(power.scores, local.scores) < 1e-9);
    }
    SECTION("Kronecker ids carry no locality") {
        kronecker_options k;
        k.scale = 16;
        const auto g = build_graph(kronecker_edges(k));
        const auto power = pagerank(g, o);
        o.solver = pagerank_solver::local_gauss_seidel;
        const auto local = pagerank(g, o);
        INFO("power " << power.iterations << ", local GS " << local.iterations);
        REQUIRE(local.converged);
        CHECK(local.iterations <= power.iterations);
        CHECK(oracle::l1(power.scores, local.scores) < 1e-9);
    }
}

TEST_CASE("local_gauss_seidel: progress sees every sweep and can stop, a stopped run's scores "
          "sum to 1", "[pagerank][lgs]") {
    const auto g = clustered(20000, 16, 9);
    pagerank_options o;
    o.solver = pagerank_solver::local_gauss_seidel;
    const auto r = solver_checks::stopped_at_three(g, o);
    CHECK(r.history[2] < r.history[0]);
    CHECK_THAT(oracle::sum(r.scores), WithinAbs(1.0, 1e-12));
    CHECK(to_string(pagerank_solver::local_gauss_seidel) == std::string("local_gauss_seidel"));
}

TEST_CASE("local_gauss_seidel: topic_pagerank's columns are single runs, on any thread count",
          "[pagerank][lgs][topic_pagerank][threads]") {
    // Graphs of 3 to 7 blocks: clustered ids, and varied cases (weights, nofollow excluded or
    // evaporating, self-loops); 3, 9 and 16 topics (one batch; strides 8, 16, 16).
    std::mt19937_64 rng(2026);
    for (int t = 0; t < 6; ++t) {
        oracle::dense_case c;
        csr_graph g;
        topic_pagerank_options o;
        if (t < 2) {
            g = clustered(t == 0 ? 20000 : 13000, 8, 31 + t);
        } else {
            do c = oracle::varied_case(rng, 27000, t);
            while (c.n < 9000);
            g = oracle::graph_of(c);
            o.pagerank.damping = c.damping;
            o.pagerank.excluded_links =
                c.evaporate ? excluded_link_mode::evaporate : excluded_link_mode::exclude;
        }
        const std::size_t n = g.num_nodes(), k = std::vector<std::size_t>{3, 9, 16}[t % 3];
        std::vector<topic_seeds> topics(k);
        for (std::size_t q = 0; q < k; ++q) {
            topics[q].name = "t" + std::to_string(q);
            for (std::size_t s = 0; s < 1 + q % 5; ++s) {
                topics[q].nodes.push_back(static_cast<node_id>(rng() % n));
                topics[q].weights.push_back(1.0 + double(rng() % 4));
            }
        }
        o.pagerank.solver = pagerank_solver::local_gauss_seidel;
        o.pagerank.tolerance = 1e-13;
        o.pagerank.max_iterations = 10000;
        const auto one = test_threads::on(1, [&] { return topic_pagerank(g, topics, o); });
        const auto two = test_threads::on(2, [&] { return topic_pagerank(g, topics, o); });
        INFO("case " << t << ": n=" << n << " m=" << g.num_edges() << " k=" << k);
        REQUIRE(one.all_converged());
        REQUIRE(one.scores.size() == two.scores.size());
        CHECK(std::memcmp(one.scores.data(), two.scores.data(),
                          one.scores.size() * sizeof(double)) == 0);
        CHECK(one.iterations == two.iterations);
        for (std::size_t q = 0; q < k; ++q) {
            pagerank_options single = o.pagerank;
            single.personalization.assign(n, 0.0);
            for (std::size_t s = 0; s < topics[q].nodes.size(); ++s)
                single.personalization[topics[q].nodes[s]] += topics[q].weights[s];
            const auto s = pagerank(g, single);
            std::vector<double> col(n);
            for (std::size_t i = 0; i < n; ++i) col[i] = one.score(i, q);
            INFO("topic " << q << ": batch " << one.iterations[q] << " sweeps, single run "
                          << s.iterations);
            CHECK(oracle::l1(col, s.scores) < 1e-12);
            CHECK(one.iterations[q] == s.iterations);
            CHECK_THAT(oracle::sum(col), WithinAbs(1.0, 1e-12));
        }
        if (t == 0) {  // where ids are local, fewer passes than the power batch
            o.pagerank.solver = pagerank_solver::power;
            const auto power = topic_pagerank(g, topics, o);
            INFO("passes: local " << one.passes << ", power " << power.passes);
            CHECK(double(one.passes) <= 0.7 * double(power.passes));
            double l1 = 0;
            for (std::size_t i = 0; i < one.scores.size(); ++i)
                l1 += std::fabs(one.scores[i] - power.scores[i]);
            CHECK(l1 < 1e-11 * double(k));
        }
    }
}

TEST_CASE("local_gauss_seidel: the automatic node order keeps the graph's own ids",
          "[pagerank][lgs]") {
    using linkequity::detail::iterates_by_degree;
    const std::size_t big = automatic_reorder_edges, small = big - 1;
    pagerank_options o;
    CHECK(iterates_by_degree(o, true, false, big));
    CHECK_FALSE(iterates_by_degree(o, true, false, small));
    CHECK_FALSE(iterates_by_degree(o, true, true, big));   // lean
    CHECK_FALSE(iterates_by_degree(o, false, false, big));  // no out-adjacency
    o.solver = pagerank_solver::local_gauss_seidel;
    CHECK_FALSE(iterates_by_degree(o, true, false, big));
    o.node_order = pagerank_node_order::by_degree;  // asked for: granted
    CHECK(iterates_by_degree(o, true, false, small));
    o.solver = pagerank_solver::power;
    o.node_order = pagerank_node_order::as_built;
    CHECK_FALSE(iterates_by_degree(o, true, false, big));
}
