// SPDX-License-Identifier: MIT
// TrustRank, Anti-TrustRank, CheiRank and spam mass against independent oracles: the dense
// PageRank solve of oracle.hpp (personalised, and on the reversed edge list), a dense solve of
// the linear spam-mass systems, hand-computed graphs; seed errors; 1 vs 2 threads.
#include <catch2/catch.hpp>

#include <Eigen/Dense>
#include <map>
#include <random>
#include <tuple>

#include "linkequity/linkequity.hpp"
#include "oracle.hpp"
#include "threads.hpp"

using namespace linkequity;
using oracle::graph_of;
using oracle::options_of;
using oracle::tight;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;

namespace {

/// A random case with some nofollow flags and, for odd t, weights; plus a random seed set.
oracle::dense_case random_flagged(std::mt19937_64& rng, int t, seed_set& seeds) {
    oracle::dense_case c = oracle::random_case(rng, 120);
    if (t % 2) {
        std::uniform_real_distribution<float> w(0.1f, 3.0f);
        for (std::size_t e = 0; e < c.src.size(); ++e) c.weights.push_back(w(rng));
    }
    for (std::size_t e = 0; e < c.src.size(); ++e)
        c.flags.push_back(static_cast<edge_flags>(rng() % 6 == 0 ? flags::nofollow : 0));
    seeds = {};
    for (node_id i = 0; i < c.n; ++i)
        if (rng() % 5 == 0) seeds.nodes.push_back(i);
    if (seeds.nodes.empty()) seeds.nodes.push_back(static_cast<node_id>(rng() % c.n));
    if (t % 3 == 0)
        for (std::size_t i = 0; i < seeds.nodes.size(); ++i)
            seeds.weights.push_back(1.0 + double(rng() % 4));
    return c;
}

std::vector<double> dense_seed_vector(const seed_set& s, std::size_t n) {
    std::vector<double> v(n, 0.0);
    for (std::size_t i = 0; i < s.nodes.size(); ++i)
        v[s.nodes[i]] = s.weights.empty() ? 1.0 : s.weights[i];
    return v;
}

/// Solves p = α Tᵀ p + (1−α) b densely, T from the merged followable edges (rows of dangling
/// nodes zero, as docs/trust.md's linear form says), independent of the library.
std::vector<double> dense_linear(const oracle::dense_case& c, const std::vector<double>& b) {
    const auto n = static_cast<Eigen::Index>(c.n);
    // merged weights summed in float, as graph_builder stores them
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<float, bool>> edges;
    for (std::size_t e = 0; e < c.src.size(); ++e) {
        if (c.src[e] == c.dst[e]) continue;
        auto& m = edges[{c.src[e], c.dst[e]}];
        m.first += c.weights.empty() ? 1.0f : c.weights[e];
        if (c.flags.empty() || !(c.flags[e] & flags::default_excluded)) m.second = true;
    }
    std::vector<double> out(c.n, 0.0);
    for (auto& [key, m] : edges) {
        if (c.weights.empty()) m.first = 1.0f;
        if (m.second) out[key.first] += double(m.first);
    }
    Eigen::MatrixXd A = Eigen::MatrixXd::Identity(n, n);
    for (const auto& [key, m] : edges)
        if (m.second) A(key.second, key.first) -= c.damping * double(m.first) / out[key.first];
    Eigen::VectorXd rhs(n);
    for (Eigen::Index i = 0; i < n; ++i) rhs(i) = (1 - c.damping) * b[static_cast<std::size_t>(i)];
    const Eigen::VectorXd x = A.fullPivLu().solve(rhs);
    return {x.data(), x.data() + n};
}

/// The dense case with every edge reversed.
oracle::dense_case reversed(oracle::dense_case c) {
    std::swap(c.src, c.dst);
    return c;
}

}  // namespace

TEST_CASE("trustrank: dense personalised solve on random graphs", "[trust][oracle]") {
    std::mt19937_64 rng(1313);
    for (int t = 0; t < 60; ++t) {
        seed_set seeds;
        oracle::dense_case c = random_flagged(rng, t, seeds);
        c.damping = t % 4 == 0 ? 0.5 : 0.85;
        c.personalization = dense_seed_vector(seeds, c.n);  // dangling: like v
        INFO("case " << t << ": n=" << c.n << " seeds=" << seeds.nodes.size());
        pagerank_options o = tight();
        o.damping = c.damping;
        const auto r = trustrank(graph_of(c), seeds, o);
        REQUIRE(r.converged);
        CHECK(oracle::l1(r.scores, oracle::dense_pagerank(c)) < 1e-11);
        // Anti-TrustRank = the same on the reversed edge list.
        const auto anti = anti_trustrank(graph_of(c), seeds, o);
        REQUIRE(anti.converged);
        CHECK(oracle::l1(anti.scores, oracle::dense_pagerank(reversed(c))) < 1e-11);
    }
}

TEST_CASE("cheirank: PageRank of the reversed graph, dense solve", "[trust][oracle]") {
    std::mt19937_64 rng(2024);
    for (int t = 0; t < 40; ++t) {
        seed_set unused;
        oracle::dense_case c = random_flagged(rng, t, unused);
        pagerank_options o = tight();
        const auto r = cheirank(graph_of(c), o);
        REQUIRE(r.converged);
        CHECK(oracle::l1(r.scores, oracle::dense_pagerank(reversed(c))) < 1e-11);
    }
}

TEST_CASE("trustrank: by hand on a chain from one seed", "[trust]") {
    // 0 → 1 → 2, seed {0}: 2 is dangling, its score returns to 0.
    const auto g = build_graph(3, std::vector<node_id>{0, 1}, std::vector<node_id>{1, 2});
    pagerank_options o = tight();
    const auto r = trustrank(g, seed_set{{0}, {}}, o);
    // x0 = 0.15 + 0.85 x2, x1 = 0.85 x0, x2 = 0.85 x1 → x0 (1 − 0.85³) = 0.15.
    const double x0 = 0.15 / (1 - 0.85 * 0.85 * 0.85);
    CHECK_THAT(r.scores[0], WithinAbs(x0, 1e-12));
    CHECK_THAT(r.scores[1], WithinAbs(0.85 * x0, 1e-12));
    CHECK_THAT(r.scores[2], WithinAbs(0.85 * 0.85 * x0, 1e-12));
    // Reversed (2 → 1 → 0), seed {2}: the mirror image.
    const auto a = anti_trustrank(g, seed_set{{2}, {}}, o);
    CHECK_THAT(a.scores[2], WithinAbs(x0, 1e-12));
    CHECK_THAT(a.scores[0], WithinAbs(0.85 * 0.85 * x0, 1e-12));
}

TEST_CASE("spam_mass: dense linear solve on random graphs", "[trust][oracle]") {
    std::mt19937_64 rng(99);
    for (int t = 0; t < 60; ++t) {
        seed_set core;
        oracle::dense_case c = random_flagged(rng, t, core);
        c.damping = t % 4 == 0 ? 0.5 : 0.85;
        const std::size_t n = c.n;
        std::vector<double> all(n, 1.0 / double(n)), good(n, 0.0);
        for (node_id i : core.nodes) good[i] = 1.0 / double(n);
        const auto p = dense_linear(c, all);
        const auto q = dense_linear(c, good);
        spam_mass_options o;
        o.damping = c.damping;
        o.tolerance = 1e-15;
        o.max_iterations = 10000;
        INFO("case " << t << ": n=" << n << " core=" << core.nodes.size());
        const auto r = spam_mass(graph_of(c), core.nodes, o);
        REQUIRE(r.converged);
        CHECK(oracle::l1(r.pagerank, p) < 1e-12);
        CHECK(oracle::l1(r.core_pagerank, q) < 1e-12);
        for (std::size_t i = 0; i < n; ++i) {
            CHECK_THAT(r.absolute[i], WithinAbs(p[i] - q[i], 1e-12));
            CHECK_THAT(r.relative[i], WithinAbs(1 - q[i] / p[i], 1e-9));
            CHECK(r.relative[i] >= 0);
            CHECK(r.relative[i] <= 1);
        }
    }
}

TEST_CASE("spam_mass: by hand, a farm feeding a target", "[trust]") {
    // Good core {0}: 0 → 2. Farm nodes 3, 4 → 2. Node 1 isolated.
    const auto g = build_graph(5, std::vector<node_id>{0, 3, 4}, std::vector<node_id>{2, 2, 2});
    spam_mass_options o;
    o.tolerance = 1e-15;
    const auto r = spam_mass(g, {0}, o);
    const double t = 0.15 / 5;
    // p2 = t + 0.85 (p0 + p3 + p4) = t + 0.85 · 3t; p′2 = 0.85 t.
    CHECK_THAT(r.pagerank[2], WithinAbs(t + 0.85 * 3 * t, 1e-15));
    CHECK_THAT(r.core_pagerank[2], WithinAbs(0.85 * t, 1e-15));
    CHECK_THAT(r.relative[2], WithinAbs(1 - 0.85 / (1 + 2.55), 1e-12));
    CHECK_THAT(r.relative[0], WithinAbs(0.0, 1e-15));
    CHECK_THAT(r.relative[1], WithinAbs(1.0, 1e-15));  // unreached from the core
    CHECK_THAT(r.absolute[3], WithinAbs(t, 1e-15));
    // No dangling redistribution: p sums to less than 1 here (2 and 1 are dangling).
    CHECK(oracle::sum(r.pagerank) < 1.0);
}

TEST_CASE("spam_mass: p is PageRank scaled by (1-a)/(1-a+aD)", "[trust]") {
    kronecker_options k;
    k.scale = 10;
    const auto g = build_graph(kronecker_edges(k));
    spam_mass_options o;
    o.tolerance = 1e-14;
    o.max_iterations = 1000;
    const auto r = spam_mass(g, {0, 1, 2}, o);
    REQUIRE(r.converged);
    pagerank_options po = tight();
    const auto pr = pagerank(g, po);
    const double scale = 0.15 / (0.15 + 0.85 * pr.dangling_mass);
    for (std::size_t i = 0; i < g.num_nodes(); ++i)
        CHECK_THAT(r.pagerank[i], WithinAbs(scale * pr.scores[i], 1e-12));
}

TEST_CASE("trust: bad seeds and options name what is wrong", "[trust][errors]") {
    const auto g = build_graph(3, std::vector<node_id>{0, 1}, std::vector<node_id>{1, 2});
    CHECK_THROWS_WITH(trustrank(g, seed_set{}), Contains("trustrank: no seeds"));
    CHECK_THROWS_AS(trustrank(g, seed_set{{7}, {}}), std::out_of_range);
    CHECK_THROWS_WITH(trustrank(g, seed_set{{7}, {}}), Contains("seed 7 is not a node"));
    CHECK_THROWS_WITH(trustrank(g, seed_set{{1, 1}, {}}), Contains("seed 1 is listed twice"));
    CHECK_THROWS_WITH(trustrank(g, seed_set{{0, 1}, {1.0, -1.0}}),
                      Contains("weight of seed 1 is -1"));
    CHECK_THROWS_WITH(trustrank(g, seed_set{{0, 1}, {0.0, 0.0}}),
                      Contains("seed weights sum to 0"));
    CHECK_THROWS_WITH(trustrank(g, seed_set{{0, 1}, {1.0}}), Contains("1 seed weights for 2"));
    pagerank_options o;
    o.personalization = {1, 1, 1};
    CHECK_THROWS_WITH(trustrank(g, seed_set{{0}, {}}, o), Contains("personalization is given"));
    o = {};
    o.dangling = dangling_policy::uniform;
    CHECK_THROWS_WITH(anti_trustrank(g, seed_set{{0}, {}}, o),
                      Contains("anti_trustrank: dangling must stay personalization"));
    CHECK_THROWS_WITH(spam_mass(g, {}), Contains("spam_mass: the good core is empty"));
    CHECK_THROWS_AS(spam_mass(g, {3}), std::out_of_range);
    CHECK_THROWS_WITH(spam_mass(g, {0, 0}), Contains("core node 0 is listed twice"));
    spam_mass_options so;
    so.damping = 1.5;
    CHECK_THROWS_WITH(spam_mass(g, {0}, so), Contains("spam_mass: damping must be in (0, 1)"));
    build_options lean;
    lean.lean = true;
    const auto lg = build_graph(3, std::vector<node_id>{0, 1}, std::vector<node_id>{1, 2},
                                {}, {}, lean);
    CHECK_THROWS_WITH(cheirank(lg), Contains("cheirank: the graph is lean"));
    CHECK_THROWS_WITH(anti_trustrank(lg, seed_set{{0}, {}}), Contains("lean"));
}

TEST_CASE("trust: 1 and 2 threads give identical results", "[trust][threads]") {
    kronecker_options k;
    k.scale = 15;
    const auto g = build_graph(kronecker_edges(k));
    const seed_set seeds{{0, 5, 17, 400}, {}};
    pagerank_options o;
    o.tolerance = 1e-12;
    spam_mass_options so;
    so.tolerance = 1e-12;
    const auto all = [&] {
        return std::make_tuple(trustrank(g, seeds, o), anti_trustrank(g, seeds, o),
                               cheirank(g, o), spam_mass(g, seeds.nodes, so));
    };
    const auto [t1, a1, c1, s1] = test_threads::on(1, all);
    const auto [t2, a2, c2, s2] = test_threads::on(2, all);
    CHECK(oracle::l1(t1.scores, t2.scores) < 1e-12);
    CHECK(oracle::l1(a1.scores, a2.scores) < 1e-12);
    CHECK(oracle::l1(c1.scores, c2.scores) < 1e-12);
    CHECK(s1.iterations == s2.iterations);
    CHECK(s1.pagerank == s2.pagerank);  // per-row sums in row order: bitwise equal
    CHECK(s1.core_pagerank == s2.core_pagerank);
}
