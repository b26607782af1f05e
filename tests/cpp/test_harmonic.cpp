// SPDX-License-Identifier: MIT
// harmonic_centrality(): hand cases, exact against a per-source BFS oracle on random graphs,
// HyperBall within its stated error against exact values, 1 vs 2 threads, options and errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <queue>
#include <random>

#include "linkequity/algo/harmonic.hpp"
#include "oracle.hpp"
#include "threads.hpp"

using namespace linkequity;
using Catch::Matchers::WithinAbs;

namespace {

/// Σ_{u≠v} 1/d(u, v) by one plain BFS per source u over the raw edge list (self-loops ignored).
std::vector<double> bfs_harmonic(std::size_t n, const std::vector<std::uint32_t>& src,
                                 const std::vector<std::uint32_t>& dst) {
    std::vector<std::vector<std::uint32_t>> out(n);
    for (std::size_t e = 0; e < src.size(); ++e) out[src[e]].push_back(dst[e]);
    std::vector<double> h(n, 0.0);
    for (std::size_t u = 0; u < n; ++u) {
        std::vector<long> d(n, -1);
        std::queue<std::uint32_t> q;
        d[u] = 0;
        q.push(static_cast<std::uint32_t>(u));
        while (!q.empty()) {
            const auto x = q.front();
            q.pop();
            for (auto y : out[x])
                if (d[y] < 0) d[y] = d[x] + 1, q.push(y);
        }
        for (std::size_t v = 0; v < n; ++v)
            if (d[v] > 0) h[v] += 1.0 / static_cast<double>(d[v]);
    }
    return h;
}

harmonic_options method(harmonic_method m) {
    harmonic_options o;
    o.method = m;
    return o;
}

}  // namespace

TEST_CASE("harmonic: hand cases (paths into v)", "[harmonic]") {
    // 0 → 1 → 2, 3 → 2, 4 isolated: H(1) = 1, H(2) = 1 + 1 + 1/2, the others 0.
    const std::vector<node_id> src{0, 1, 3}, dst{1, 2, 2};
    const auto g = build_graph(5, src, dst);
    for (auto m : {harmonic_method::exact, harmonic_method::automatic}) {
        const auto r = harmonic_centrality(g, method(m));
        CHECK(r.exact);
        CHECK(r.scores == std::vector<double>{0, 1, 2.5, 0, 0});
        CHECK(r.iterations == 2);
    }
    // A nofollow link is no path: 3 → 2 excluded.
    const auto gf = build_graph(5, src, dst, std::vector<edge_flags>{0, 0, flags::nofollow},
                                std::vector<edge_weight>{});
    CHECK(harmonic_centrality(gf).scores[2] == 1.5);
    CHECK(harmonic_centrality(csr_graph{}).scores.empty());
}

TEST_CASE("harmonic: exact agrees with per-source BFS on random graphs", "[harmonic]") {
    std::mt19937_64 rng(1717);
    for (int i = 0; i < 200; ++i) {
        const auto c = oracle::random_case(rng, i < 150 ? 70 : 300);  // > 64: several passes
        const auto g = build_graph(c.n, c.src, c.dst);
        const auto r = harmonic_centrality(g, method(harmonic_method::exact));
        const auto expected = bfs_harmonic(c.n, c.src, c.dst);
        INFO("case " << i << ", n = " << c.n);
        REQUIRE(r.scores.size() == c.n);
        CHECK(oracle::l1(r.scores, expected) < 1e-9 * static_cast<double>(c.n));
    }
}

TEST_CASE("harmonic: HyperBall is within its stated error of the exact values", "[harmonic]") {
    // Per node, the relative error of H + 1 (a positive combination of ball-size estimates).
    // One seed's errors are strongly correlated across nodes (nodes whose balls end equal share
    // one final counter), so a seed counts as one sample: the bias (mean over nodes and seeds)
    // must be within 3 standard errors of 0 over S seeds, and the RMS over nodes and seeds
    // within 1.3x the stated 1.04/sqrt(m). Graphs: Erdős–Rényi with mean degree 4 (small
    // diameter) and 1.2 (long paths, varied balls), 3000 nodes.
    const edge_list graphs[] = {erdos_renyi_edges(3000, 12000, 5),
                                erdos_renyi_edges(3000, 3600, 6)};
    constexpr std::size_t seeds = 8;
    for (const auto& el : graphs) {
        const auto g = build_graph(el);
        const auto exact = harmonic_centrality(g, method(harmonic_method::exact)).scores;
        for (std::size_t b : {6, 8}) {
            double sq = 0, bias = 0, rse = 0;
            for (std::size_t seed = 0; seed < seeds; ++seed) {
                harmonic_options o = method(harmonic_method::hyperball);
                o.registers_log2 = b;
                o.seed = seed;
                const auto r = harmonic_centrality(g, o);
                REQUIRE_FALSE(r.exact);
                rse = r.relative_standard_error;
                CHECK(r.registers == (std::size_t{1} << b));
                for (std::size_t v = 0; v < exact.size(); ++v) {
                    const double e = (r.scores[v] - exact[v]) / (exact[v] + 1);
                    sq += e * e, bias += e;
                }
            }
            const double count = static_cast<double>(seeds * exact.size());
            const double rms = std::sqrt(sq / count);
            INFO("b = " << b << ": RMS relative error " << rms << ", bias " << bias / count
                        << ", stated " << rse);
            CHECK_THAT(rse, WithinAbs(1.04 / std::sqrt(double(1u << b)), 1e-12));
            CHECK(rms < 1.3 * rse);
            CHECK(std::abs(bias / count) < 3 * rse / std::sqrt(double(seeds)));
        }
    }
}

TEST_CASE("harmonic: automatic picks by size, and 1 and 2 threads agree exactly",
          "[harmonic][threads]") {
    CHECK(harmonic_exact_affordable(1000, 10000));
    CHECK(harmonic_exact_affordable(65536, 950000));         // 1024 · 1,015,536 <= 2^30
    CHECK_FALSE(harmonic_exact_affordable(100000, 2000000));  // 1563 · 2,100,000 > 2^30
    kronecker_options k;
    k.scale = 12;
    const auto g = build_graph(kronecker_edges(k));
    for (auto m : {harmonic_method::exact, harmonic_method::hyperball}) {
        const auto one = test_threads::on(1, [&] { return harmonic_centrality(g, method(m)); });
        const auto two = test_threads::on(2, [&] { return harmonic_centrality(g, method(m)); });
        CHECK(one.scores == two.scores);
        CHECK(one.iterations == two.iterations);
    }
}

TEST_CASE("harmonic: cancel and option errors", "[harmonic]") {
    const auto g = build_graph(erdos_renyi_edges(2000, 8000, 1));
    harmonic_options o = method(harmonic_method::hyperball);
    o.progress = [](const pagerank_progress& p) { return p.iteration < 1; };
    CHECK(harmonic_centrality(g, o).cancelled);
    harmonic_options bad;
    bad.registers_log2 = 3;
    REQUIRE_THROWS_WITH(harmonic_centrality(g, bad),
                        "harmonic_centrality: registers_log2 must be in [4, 16], got 3");
    bad.registers_log2 = 6;
    bad.method = static_cast<harmonic_method>(7);
    REQUIRE_THROWS_AS(harmonic_centrality(g, bad), std::invalid_argument);
}
