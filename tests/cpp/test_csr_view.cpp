// SPDX-License-Identifier: MIT
// csr_view: PageRank over a view of arrays the caller owns (built here by hand, rows shuffled)
// equals PageRank over build_graph of the same edges; the transpose's view scores the reversed
// graph; the result's D and Z against sums taken from the edge list; every invalid view throws.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "linkequity/linkequity.hpp"
#include "oracle.hpp"

using namespace linkequity;
using oracle::tight;
using Catch::Matchers::Contains;

namespace {

/// In-adjacency arrays of an edge list, owned here (not by a csr_graph): a counting sort by
/// destination, then every row shuffled (a view's rows need not be sorted).
struct owned_arrays {
    std::vector<edge_offset> offsets;
    std::vector<node_id> sources;
    std::vector<edge_weight> weights;
    std::vector<edge_flags> flags;

    csr_view view(std::size_t n) const { return {n, offsets, sources, weights, flags}; }
};

owned_arrays in_arrays(const oracle::dense_case& c, std::mt19937_64& rng) {
    const std::size_t n = c.n, m = c.src.size();
    owned_arrays a;
    a.offsets.assign(n + 1, 0);
    for (std::size_t e = 0; e < m; ++e) ++a.offsets[c.dst[e] + 1];
    for (std::size_t i = 0; i < n; ++i) a.offsets[i + 1] += a.offsets[i];
    std::vector<std::size_t> order(m);  // edge ids by destination
    std::vector<edge_offset> at(a.offsets.begin(), a.offsets.end() - 1);
    for (std::size_t e = 0; e < m; ++e) order[at[c.dst[e]]++] = e;
    for (std::size_t i = 0; i < n; ++i)
        std::shuffle(order.begin() + a.offsets[i], order.begin() + a.offsets[i + 1], rng);
    for (std::size_t e : order) {
        a.sources.push_back(c.src[e]);
        if (!c.weights.empty()) a.weights.push_back(c.weights[e]);
        if (!c.flags.empty()) a.flags.push_back(c.flags[e]);
    }
    return a;
}

/// A random graph without self-loops or parallel edges (which build_graph would drop/merge).
oracle::dense_case simple_case(std::mt19937_64& rng, std::size_t n, std::size_t m) {
    oracle::dense_case c;
    c.n = n;
    std::vector<std::pair<node_id, node_id>> edges;
    for (std::size_t e = 0; e < m; ++e) {
        const auto s = static_cast<node_id>(rng() % n), d = static_cast<node_id>(rng() % n);
        if (s != d) edges.emplace_back(s, d);
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    std::shuffle(edges.begin(), edges.end(), rng);
    for (const auto& [s, d] : edges) {
        c.src.push_back(s);
        c.dst.push_back(d);
    }
    return c;
}

void check_same(const std::vector<double>& a, const std::vector<double>& b) {
    REQUIRE(a.size() == b.size());
    CHECK(oracle::l1(a, b) < 1e-12);
}

}  // namespace

TEST_CASE("csr_view: pagerank of a view equals pagerank of the built graph", "[csr_view]") {
    std::mt19937_64 rng(42);
    for (int t = 0; t < 24; ++t) {
        oracle::dense_case c = simple_case(rng, 1 + rng() % 300, rng() % 1500);
        const bool weighted = t & 1, flagged = t & 2, evaporate = t & 4;
        if (weighted)
            for (std::size_t e = 0; e < c.src.size(); ++e)
                c.weights.push_back(static_cast<float>(0.25 + rng() % 8));
        if (flagged)
            for (std::size_t e = 0; e < c.src.size(); ++e)
                c.flags.push_back(rng() % 4 == 0 ? flags::nofollow : flags::none);
        const owned_arrays a = in_arrays(c, rng);
        const csr_graph g = build_graph(c.n, c.src, c.dst, c.flags, c.weights);
        pagerank_options o = tight();
        o.excluded_links = evaporate ? excluded_link_mode::evaporate : excluded_link_mode::exclude;
        if (t % 8 >= 6) o.solver = pagerank_solver::gauss_seidel;
        INFO("case " << t << ": n=" << c.n << " m=" << c.src.size() << " weighted " << weighted
                     << " flagged " << flagged << " evaporate " << evaporate);
        const pagerank_result from_view = pagerank(a.view(c.n), o);
        const pagerank_result from_graph = pagerank(g, o);
        check_same(from_view.scores, from_graph.scores);
        CHECK(std::abs(from_view.dangling_mass - from_graph.dangling_mass) < 1e-12);
        CHECK(std::abs(from_view.evaporated_mass - from_graph.evaporated_mass) < 1e-12);
        // And both against the dense solve.
        c.evaporate = evaporate;
        check_same(from_view.scores, oracle::dense_pagerank(c));
        // The degree order relabels a view's (unsorted) rows itself.
        o.node_order = pagerank_node_order::by_degree;
        check_same(pagerank(a.view(c.n), o).scores, from_graph.scores);
        check_same(followable_out_weight(a.view(c.n), o), followable_out_weight(g, o));
    }
}

TEST_CASE("csr_view: a csr_graph's own view scores like the graph", "[csr_view]") {
    kronecker_options k;
    k.scale = 12;
    const csr_graph g = build_graph(kronecker_edges(k));
    pagerank_options o;
    o.max_iterations = 20;
    check_same(pagerank(g.in_view(), o).scores, pagerank(g, o).scores);
    // blocked over a view with sorted rows (hot prefix of 2^10 ids), and the pull kernel.
    o.kernel = pagerank_kernel::blocked;
    o.blocked_hot_nodes = 1024;
    check_same(pagerank(g.in_view(), o).scores, pagerank(g, o).scores);
}

TEST_CASE("csr_view: the out-adjacency's view is PageRank of the reversed graph",
          "[csr_view][reversed]") {
    std::mt19937_64 rng(7);
    oracle::dense_case c = simple_case(rng, 200, 900);
    for (std::size_t e = 0; e < c.src.size(); ++e) c.weights.push_back(float(1 + rng() % 3));
    const csr_graph g = build_graph(c.n, c.src, c.dst, {}, c.weights);
    const csr_graph reversed = build_graph(c.n, c.dst, c.src, {}, c.weights);  // independent
    check_same(pagerank(g.out_view(), tight()).scores, pagerank(reversed, tight()).scores);
    std::swap(c.src, c.dst);
    check_same(pagerank(g.out_view(), tight()).scores, oracle::dense_pagerank(c));
}

TEST_CASE("pagerank_result: dangling and evaporated mass of the final scores", "[csr_view]") {
    // 0 → 1, 0 → 2 (nofollow), 1 → 2, 2 → 0 (nofollow), 3 isolated. Exclude mode: 2 and 3
    // have no followable out-link (dangling). Evaporate mode: only 3 is dangling; 0 loses
    // half of its out-weight, 2 all of it.
    const std::vector<node_id> src{0, 0, 1, 2}, dst{1, 2, 2, 0};
    const std::vector<edge_flags> fl{0, flags::nofollow, 0, flags::nofollow};
    const csr_graph g = build_graph(4, src, dst, fl, {});
    pagerank_options o = tight();
    const auto ex = pagerank(g, o);
    CHECK(ex.dangling_mass == Approx(ex.scores[2] + ex.scores[3]).margin(1e-15));
    CHECK(ex.evaporated_mass == 0.0);
    o.excluded_links = excluded_link_mode::evaporate;
    const auto ev = pagerank(g, o);
    CHECK(ev.dangling_mass == Approx(ev.scores[3]).margin(1e-15));
    CHECK(ev.evaporated_mass == Approx(ev.scores[0] / 2 + ev.scores[2]).margin(1e-15));
    // The fixed point passes α(1 − D − Z) along followable links: node 1 receives x_0 / 2.
    const double teleport = (0.85 * (ev.dangling_mass + ev.evaporated_mass) + 0.15) / 4;
    CHECK(ev.scores[1] == Approx(0.85 * ev.scores[0] / 2 + teleport).margin(1e-12));
}

TEST_CASE("csr_view: every invalid view throws, naming the problem", "[csr_view][errors]") {
    const std::vector<edge_offset> off{0, 1, 3};
    const std::vector<node_id> src{1, 0, 1};
    const std::vector<edge_weight> w{1, 2, 3};
    const std::vector<edge_flags> f{0, 0, 1};
    const csr_view good{2, off, src, w, f};
    REQUIRE_NOTHROW(good.validate());
    REQUIRE_NOTHROW(pagerank(good));
    auto fails = [](const csr_view& v, const std::string& message) {
        CHECK_THROWS_WITH(v.validate(), Contains(message));
        CHECK_THROWS_AS(pagerank(v), std::invalid_argument);
    };
    const std::vector<edge_offset> short_off{0, 1};
    fails({2, short_off, src, {}, {}}, "offsets has 2 entries, expected num_nodes + 1 = 3");
    const std::vector<edge_offset> nonzero{1, 1, 3};
    fails({2, nonzero, src, {}, {}}, "offsets[0] = 1, expected 0");
    const std::vector<edge_offset> decreasing{0, 2, 1, 3};
    fails({3, decreasing, src, {}, {}},
          "offsets decrease at index 2: offsets[2] = 1 < offsets[1] = 2");
    const std::vector<edge_offset> too_few{0, 1, 2};
    fails({2, too_few, src, {}, {}}, "offsets[2] = 2 but sources has 3 entries");
    const std::vector<node_id> bad_src{1, 2, 1};
    fails({2, off, bad_src, {}, {}}, "sources[1] = 2 is not a node id (num_nodes = 2)");
    const std::vector<edge_weight> short_w{1, 2};
    fails({2, off, src, short_w, {}}, "weights has 2 entries, expected one per edge (3)");
    const std::vector<edge_weight> negative{1, -2, 3};
    fails({2, off, src, negative, {}}, "weights[1] = -2 is not a finite weight >= 0");
    const std::vector<edge_flags> long_f{0, 0, 0, 0};
    fails({2, off, src, {}, long_f}, "flags has 4 entries, expected one per edge (3)");
}

TEST_CASE("csr_graph::adopt_lean: a lean graph over the caller's arrays, not copied",
          "[csr_view][adopt]") {
    std::mt19937_64 rng(11);
    for (int trial = 0; trial < 12; ++trial) {
        oracle::dense_case c = simple_case(rng, 1 + rng() % 200, rng() % 1200);
        if (trial % 2)
            for (std::size_t e = 0; e < c.src.size(); ++e)
                c.weights.push_back(static_cast<edge_weight>(1 + rng() % 8) / 4);
        owned_arrays a = in_arrays(c, rng);
        // adopt_lean wants rows sorted by source, as the builder makes them.
        for (std::size_t i = 0; i < c.n; ++i) {
            std::vector<std::pair<node_id, edge_weight>> row;
            for (edge_offset e = a.offsets[i]; e < a.offsets[i + 1]; ++e)
                row.emplace_back(a.sources[e], a.weights.empty() ? 1.0f : a.weights[e]);
            std::sort(row.begin(), row.end());
            for (std::size_t k = 0; k < row.size(); ++k) {
                a.sources[a.offsets[i] + k] = row[k].first;
                if (!a.weights.empty()) a.weights[a.offsets[i] + k] = row[k].second;
            }
        }
        auto keep = std::make_shared<owned_arrays>(std::move(a));
        const csr_graph g = csr_graph::adopt_lean(keep->view(c.n), keep);
        CHECK(g.is_lean());
        CHECK(g.num_edges() == c.src.size());
        CHECK(g.in_sources().data() == keep->sources.data());  // the same memory: no copy
        CHECK(g.in_offsets().data() == keep->offsets.data());
        if (!c.weights.empty()) CHECK(g.in_weight_array().data() == keep->weights.data());
        // out(j) by hand: the sum of j's edge weights.
        std::vector<double> out(c.n, 0.0);
        for (std::size_t e = 0; e < c.src.size(); ++e)
            out[c.src[e]] += c.weights.empty() ? 1.0 : double(c.weights[e]);
        for (std::size_t j = 0; j < c.n; ++j) CHECK(g.lean_out_weight()[j] == out[j]);
        check_same(pagerank(g, tight()).scores, oracle::dense_pagerank(c));
    }
}

TEST_CASE("csr_graph::adopt_lean: flags, unsorted rows and bad views throw",
          "[csr_view][adopt][errors]") {
    const std::vector<edge_offset> off{0, 1, 3};
    const std::vector<node_id> src{1, 0, 1}, unsorted{1, 1, 0}, bad{1, 0, 7};
    const std::vector<edge_flags> f{0, 0, 1};
    CHECK_NOTHROW(csr_graph::adopt_lean({2, off, src, {}, {}}, nullptr));
    CHECK_THROWS_WITH(csr_graph::adopt_lean({2, off, src, {}, f}, nullptr),
                      Contains("the view has edge flags"));
    CHECK_THROWS_WITH(csr_graph::adopt_lean({2, off, unsorted, {}, {}}, nullptr),
                      Contains("row 1 is not sorted by source: sources[2] = 0 follows 1"));
    CHECK_THROWS_WITH(csr_graph::adopt_lean({2, off, bad, {}, {}}, nullptr),
                      Contains("sources[2] = 7 is not a node id"));
}
