// SPDX-License-Identifier: MIT
// pagerank_solver::conjugate_gradient: against the dense linear solve on small symmetric graphs
// (weights, self-loops, personalisation with zeros, nofollow excluded and evaporated), against
// power on symmetrized Kronecker graphs with fewer iterations, the same bits on 1 and 2 threads,
// warm starts, the driver's progress and cancel, and the graphs and options it refuses.
#include <catch2/catch.hpp>

#include <random>
#include <stdexcept>
#include <string>

#include "linkequity/linkequity.hpp"
#include "oracle.hpp"
#include "solver_checks.hpp"
#include "threads.hpp"

using namespace linkequity;
using oracle::graph_of;
using oracle::options_of;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;

namespace {

pagerank_options cg(pagerank_options o) {
    o.solver = pagerank_solver::conjugate_gradient;
    return o;
}

/// c with every link also reversed, with the same weight and flags: a symmetric graph.
oracle::dense_case symmetrized(oracle::dense_case c) {
    const std::size_t m = c.src.size();
    for (std::size_t e = 0; e < m; ++e) {
        c.src.push_back(c.dst[e]);
        c.dst.push_back(c.src[e]);
        if (!c.flags.empty()) c.flags.push_back(c.flags[e]);
        if (!c.weights.empty()) c.weights.push_back(c.weights[e]);
    }
    return c;
}

bool has_dangling(const oracle::dense_case& c) {
    std::vector<bool> out(c.n, false);
    for (std::size_t e = 0; e < c.src.size(); ++e) {
        const bool followed =
            c.evaporate || c.flags.empty() || !(c.flags[e] & flags::default_excluded);
        if ((c.src[e] != c.dst[e] || c.keep_self_loops) && followed) out[c.src[e]] = true;
    }
    for (bool o : out)
        if (!o) return true;
    return false;
}

csr_graph graph(std::size_t n, std::vector<node_id> src, std::vector<node_id> dst,
                std::vector<edge_flags> f = {}, std::vector<edge_weight> w = {}) {
    return build_graph(n, src, dst, f, w);
}

std::string refusal(const csr_graph& g, const pagerank_options& o) {
    try {
        pagerank(g, o);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("conjugate_gradient: dense Eigen solve on 200 random symmetric graphs",
          "[pagerank][cg][oracle]") {
    // oracle::varied_case made symmetric: weights, kept self-loops, personalisation with zeros,
    // nofollow (and internal) links excluded or evaporated, damping 0.5 and 0.85. A dangling
    // distribution other than v is refused when the graph has dangling nodes (checked below).
    std::mt19937_64 rng(20261202);
    int solved = 0;
    for (int t = 0; t < 200; ++t) {
        const oracle::dense_case c = symmetrized(oracle::varied_case(rng, 200, t));
        INFO("case " << t << ": n=" << c.n << " m=" << c.src.size());
        const auto o = cg(options_of(c));
        if (!c.dangling.empty() && has_dangling(c)) {
            CHECK_THAT(refusal(graph_of(c), o), Contains("dangling"));
            continue;
        }
        const auto r = pagerank(graph_of(c), o);
        REQUIRE(r.converged);
        CHECK(oracle::l1(r.scores, oracle::dense_pagerank(c)) < 1e-12);
        CHECK_THAT(oracle::sum(r.scores), WithinAbs(1.0, 1e-12));
        for (double x : r.scores) CHECK(x >= 0);
        ++solved;
    }
    CHECK(solved > 150);
}

TEST_CASE("conjugate_gradient: power's answer in fewer iterations on symmetrized Kronecker "
          "graphs, same bits on 1 and 2 threads", "[pagerank][cg][threads]") {
    kronecker_options k;
    k.scale = 16;
    k.symmetrize = true;
    const auto g = build_graph(kronecker_edges(k));
    for (const auto order : {pagerank_node_order::as_built, pagerank_node_order::by_degree}) {
        for (const double tolerance : {1e-4, 1e-9}) {
            pagerank_options o;
            o.tolerance = tolerance;
            o.node_order = order;
            const auto power = pagerank(g, o);
            const auto one = test_threads::on(1, [&] { return pagerank(g, cg(o)); });
            const auto two = test_threads::on(2, [&] { return pagerank(g, cg(o)); });
            INFO("tolerance " << tolerance << ", by degree "
                              << (order == pagerank_node_order::by_degree) << ": power "
                              << power.iterations << ", conjugate gradient " << one.iterations);
            REQUIRE(one.converged);
            // To 1e-4 both need about 9 steps here; CG's lead grows with the digits.
            if (tolerance < 1e-6) CHECK(one.iterations < power.iterations);
            else CHECK(one.iterations <= power.iterations);
            // Both stop at an L1 change < tolerance: each within ~α/(1−α)·tolerance of the
            // fixed point.
            CHECK(oracle::l1(power.scores, one.scores) < 10 * tolerance);
            CHECK(one.scores == two.scores);
            CHECK(one.history == two.history);
            CHECK(one.dangling_mass == two.dangling_mass);
        }
    }
    // To a tight tolerance, power's fixed point.
    pagerank_options o;
    o.tolerance = 1e-13;
    o.max_iterations = 1000;
    const auto power = pagerank(g, o);
    const auto r = pagerank(g, cg(o));
    REQUIRE(r.converged);
    CHECK(oracle::l1(power.scores, r.scores) < 1e-12);
    CHECK(10 * r.iterations <= 8 * power.iterations);
    CHECK(pagerank_residual(g, r.scores, o) < 1e-13);
}

TEST_CASE("conjugate_gradient: warm start, progress, cancel and max_iterations",
          "[pagerank][cg]") {
    kronecker_options k;
    k.scale = 14;
    k.symmetrize = true;
    const auto g = build_graph(kronecker_edges(k));
    pagerank_options o = cg({});
    o.tolerance = 1e-12;
    const auto cold = pagerank(g, o);
    REQUIRE(cold.converged);
    // From the answer itself, a step or two.
    pagerank_options warm = o;
    warm.start = cold.scores;
    const auto again = pagerank(g, warm);
    CHECK(again.converged);
    CHECK(again.iterations <= 2);
    CHECK(oracle::l1(again.scores, cold.scores) < 1e-11);

    const auto stopped = solver_checks::stopped_at_three(g, o);
    CHECK(stopped.history[2] < stopped.history[0]);
    // The iterate handed back is a distribution after any step.
    CHECK_THAT(oracle::sum(stopped.scores), WithinAbs(1.0, 1e-12));
    for (double x : stopped.scores) CHECK(x >= 0);
    o.progress = nullptr;
    o.max_iterations = 3;
    o.tolerance = 1e-300;
    const auto capped = pagerank(g, o);
    CHECK_FALSE(capped.converged);
    CHECK(capped.history == stopped.history);
    CHECK(capped.scores == stopped.scores);
    // No step: the start vector, as power returns it.
    o.max_iterations = 0;
    const auto none = pagerank(g, o);
    o.solver = pagerank_solver::power;
    CHECK(none.scores == pagerank(g, o).scores);
}

TEST_CASE("conjugate_gradient: directed graphs, views and other dangling targets are refused",
          "[pagerank][cg]") {
    const pagerank_options o = cg({});
    // One link without its reverse.
    const auto directed = graph(3, {0, 1, 1}, {1, 0, 2});
    CHECK_THAT(refusal(directed, o), Contains("solver = conjugate_gradient needs a graph whose "
                                              "followable links are symmetric"));
    // The reverse with another weight.
    const auto weighted = graph(2, {0, 1}, {1, 0}, {}, {1.0f, 2.0f});
    CHECK_THAT(refusal(weighted, o), Contains("symmetric"));
    pagerank_options unweighted = o;
    unweighted.weighted = false;
    CHECK(refusal(weighted, unweighted).empty());
    // The reverse nofollow: not symmetric once excluded; symmetric when nothing is excluded.
    const auto nofollow = graph(2, {0, 1}, {1, 0}, {0, flags::nofollow});
    CHECK_THAT(refusal(nofollow, o), Contains("symmetric"));
    pagerank_options all = o;
    all.excluded = 0;
    CHECK(refusal(nofollow, all).empty());
    // A view stores no out-adjacency to check.
    const auto pair = graph(2, {0, 1}, {1, 0});
    CHECK_THROWS_WITH(pagerank(pair.in_view(), o), Contains("stored both ways"));
    // Dangling score sent elsewhere than v, with a dangling node (2 is isolated).
    const auto isolated = graph(3, {0, 1}, {1, 0});
    pagerank_options uniform = o;
    uniform.personalization = {1, 0, 1};
    uniform.dangling = dangling_policy::uniform;
    CHECK_THAT(refusal(isolated, uniform), Contains("dangling = personalization"));
    uniform.personalization.clear();  // uniform v: u = v again
    CHECK(refusal(isolated, uniform).empty());
    CHECK(to_string(pagerank_solver::conjugate_gradient) == std::string("conjugate_gradient"));
}
