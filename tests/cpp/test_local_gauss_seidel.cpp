// SPDX-License-Identifier: MIT
// pagerank_solver::local_gauss_seidel: against the dense linear solve on small graphs (one
// block) and against the power method on graphs of many blocks, the same bits on 1 and 2
// threads, fewer iterations than power where ids are local (clusters of consecutive ids, the
// synthetic web's page graph) and no more where they are not (Kronecker), the driver's progress.
#include <catch2/catch.hpp>

#include <random>

#include "linkequity/linkequity.hpp"
#include "linkequity/web/contraction.hpp"
#include "linkequity/web/synthetic_web.hpp"
#include "linkequity/web/web_graph.hpp"
#include "oracle.hpp"
#include "solver_checks.hpp"
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
        web::web_graph_builder b;
        web::synthetic_web(w).generate([&b](span<const io::raw_link> rows) {
            for (const auto& r : rows) b.add(r);
        });
        const auto g = web::page_graph(b.finish());
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
