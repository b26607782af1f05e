// SPDX-License-Identifier: MIT
// link_gain against a full recompute with the link added (a dense Eigen solve, oracle.hpp) for
// every candidate of small random graphs — nofollow links, evaporate mode, weights, dangling
// sources, personalisation with u ≠ v — and for a sample of a larger graph (pagerank() at a tight
// tolerance); the error bound holds; with_followable_link; bad input; 1 and 2 threads agree.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

#include "linkequity/algo/link_gain.hpp"
#include "linkequity/graph/generators.hpp"
#include "oracle.hpp"
#include "threads.hpp"

using namespace linkequity;
using oracle::graph_of;
using oracle::options_of;

namespace {

linkequity::csr_graph build(const oracle::dense_case& c) {
    return build_graph(c.n, c.src, c.dst, c.flags, c.weights);
}

csr_graph kronecker(unsigned scale, double edge_factor, std::uint64_t seed) {
    kronecker_options k;
    k.scale = scale;
    k.edge_factor = edge_factor;
    k.seed = seed;
    return build_graph(kronecker_edges(k));
}

/// The oracle's case with j → t followable: an existing link's flags cleared, else one added.
oracle::dense_case with_link(oracle::dense_case c, std::uint32_t j, std::uint32_t t) {
    bool found = false;
    for (std::size_t e = 0; e < c.src.size(); ++e)
        if (c.src[e] == j && c.dst[e] == t) {
            found = true;
            if (!c.flags.empty()) c.flags[e] = 0;
        }
    if (!found) {
        c.src.push_back(j);
        c.dst.push_back(t);
        if (!c.flags.empty()) c.flags.push_back(0);
        if (!c.weights.empty()) c.weights.push_back(1.0f);
    }
    return c;
}

/// Checks every row of link_gain(c) against the oracle; returns the number of rows checked.
std::size_t check_all(const oracle::dense_case& c, std::uint32_t t) {
    link_gain_options o;
    o.pagerank = options_of(c);
    const auto g = build(c);
    const auto r = link_gain(g, t, {}, o);
    const auto x = oracle::dense_pagerank(c);
    CHECK(r.score == Approx(x[t]).epsilon(1e-9));
    for (const auto& row : r.rows) {
        const double truth = oracle::dense_pagerank(with_link(c, row.source, t))[t] - x[t];
        INFO("n " << c.n << " t " << t << " j " << row.source << " gain " << row.gain
                  << " true " << truth << " bound " << row.error_bound);
        CHECK(std::fabs(row.gain - truth) <= 0.01 * std::fabs(truth) + 1e-15);
        CHECK(std::fabs(row.gain - truth) <= row.error_bound + 1e-14);
        CHECK(row.score_after == r.score + row.gain);
    }
    for (std::size_t i = 1; i < r.rows.size(); ++i)
        CHECK((r.rows[i - 1].gain > r.rows[i].gain ||
               (r.rows[i - 1].gain == r.rows[i].gain &&
                r.rows[i - 1].source < r.rows[i].source)));
    return r.rows.size();
}

}  // namespace

TEST_CASE("link_gain: every candidate of random graphs equals a full recompute", "[link_gain]") {
    std::mt19937_64 rng(14);
    std::size_t rows = 0;
    for (int round = 0; round < 60; ++round) {
        oracle::dense_case c = oracle::random_case(rng, 30);
        if (c.n < 2) continue;
        const int kind = round % 6;
        if (kind >= 1) {  // nofollow on about a quarter of the links
            c.flags.resize(c.src.size());
            for (auto& f : c.flags) f = rng() % 4 == 0 ? flags::nofollow : flags::none;
        }
        if (kind == 2 || kind == 5) c.evaporate = true;
        if (kind == 3 || kind == 5) {
            c.weights.resize(c.src.size());
            for (auto& w : c.weights) w = 0.5f + static_cast<float>(rng() % 8);
        }
        if (kind == 4) {  // personalisation and a different dangling distribution: u ≠ v
            c.personalization.resize(c.n);
            c.dangling.resize(c.n);
            for (auto& v : c.personalization) v = static_cast<double>(rng() % 5);
            for (auto& u : c.dangling) u = 1.0 + static_cast<double>(rng() % 3);
            c.personalization[0] += 1;
        }
        if (round % 7 == 0) c.damping = 0.5 + 0.4 * static_cast<double>(rng() % 100) / 100;
        rows += check_all(c, static_cast<std::uint32_t>(rng() % c.n));
    }
    CHECK(rows > 500);
}

TEST_CASE("link_gain: dangling sources and nofollow links to the target", "[link_gain]") {
    // 0 → 1, 1 → 2, 2 → 0, 3 dangling, 4 →(nofollow) 2, 4 → 0; target 2.
    oracle::dense_case c;
    c.n = 5;
    c.src = {0, 1, 2, 4, 4};
    c.dst = {1, 2, 0, 2, 0};
    c.flags = {0, 0, 0, flags::nofollow, 0};
    for (bool evaporate : {false, true}) {
        c.evaporate = evaporate;
        link_gain_options o;
        o.pagerank = options_of(c);
        const auto r = link_gain(build(c), 2, {}, o);
        REQUIRE(r.rows.size() == 3);  // 0, 3, 4 (1 links followably)
        for (const auto& row : r.rows) CHECK(row.existing == (row.source == 4));
        CHECK(check_all(c, 2) == 3);
    }
}

TEST_CASE("link_gain: a sample of a larger graph against pagerank with the link", "[link_gain]") {
    const auto g = kronecker(11, 8, 3);
    link_gain_options o;
    o.pagerank.tolerance = 1e-14;
    o.pagerank.max_iterations = 1000;
    const node_id t = 5;
    const auto r = link_gain(g, t, {}, o);
    REQUIRE(r.rows.size() > 1000);
    for (std::size_t i = 0; i < r.rows.size(); i += r.rows.size() / 40) {
        const auto& row = r.rows[i];
        const auto after = pagerank(with_followable_link(g, row.source, t), o.pagerank);
        const double truth = after.scores[t] - r.score;
        INFO("j " << row.source << " gain " << row.gain << " true " << truth);
        CHECK(std::fabs(row.gain - truth) <= 0.01 * truth + 1e-14);
        CHECK(std::fabs(row.gain - truth) <= row.error_bound + 1e-13);
    }
}

TEST_CASE("link_gain: the same on 1 and 2 threads", "[link_gain]") {
    const auto g = kronecker(10, 6, 9);
    const auto one = test_threads::on(1, [&] { return link_gain(g, 3); });
    const auto two = test_threads::on(2, [&] { return link_gain(g, 3); });
    REQUIRE(one.rows.size() == two.rows.size());
    for (std::size_t i = 0; i < one.rows.size(); ++i) {
        CHECK(one.rows[i].source == two.rows[i].source);
        CHECK(one.rows[i].gain == Approx(two.rows[i].gain).epsilon(1e-12));
    }
}

TEST_CASE("link_gain: candidates, skipped ones and bad input", "[link_gain]") {
    const auto g = build_graph(4, std::vector<node_id>{0, 1, 2}, std::vector<node_id>{1, 2, 0});
    const auto r = link_gain(g, 2, {3, 0, 3, 1});
    CHECK(r.skipped == 1);  // 1 → 2 already exists
    REQUIRE(r.rows.size() == 2);
    CHECK_THROWS_WITH(link_gain(g, 9), Catch::Contains("target 9 is not a node"));
    CHECK_THROWS_WITH(link_gain(g, 2, {2}), Catch::Contains("target 2 is among the candidates"));
    CHECK_THROWS_WITH(link_gain(g, 2, {7}), Catch::Contains("candidate 7 is not a node"));
    link_gain_options bad;
    bad.relative_error = 0;
    CHECK_THROWS_WITH(link_gain(g, 2, {}, bad), Catch::Contains("relative_error"));
    build_options lean;
    lean.lean = true;
    const auto l = build_graph(4, std::vector<node_id>{0, 1}, std::vector<node_id>{1, 2}, lean);
    CHECK_THROWS_WITH(link_gain(l, 2), Catch::Contains("lean graph"));
}

TEST_CASE("with_followable_link: adds a link or clears the excluded bits", "[link_gain]") {
    const std::vector<node_id> s{0, 1}, d{1, 2};
    const std::vector<edge_flags> f{flags::nofollow, flags::ugc | flags::internal};
    const std::vector<edge_weight> w{2.0f, 3.0f};
    const auto g = build_graph(3, s, d, f, w);
    const auto a = with_followable_link(g, 1, 2);
    REQUIRE(a.num_edges() == 2);
    CHECK(a.out_flags(1)[0] == flags::internal);
    CHECK(a.out_weights(1)[0] == 3.0f);
    const auto b = with_followable_link(g, 2, 0, 1.5);
    REQUIRE(b.num_edges() == 3);
    CHECK(b.out_neighbors(2)[0] == 0);
    CHECK(b.out_weights(2)[0] == 1.5f);
    CHECK(with_followable_link(g, 0, 1, 5.0, flags::default_excluded, true).out_weights(0)[0] ==
          5.0f);
    CHECK_THROWS_WITH(with_followable_link(g, 1, 1), Catch::Contains("two different nodes"));
}
