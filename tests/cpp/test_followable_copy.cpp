// SPDX-License-Identifier: MIT
// The followable-links-only copy the PageRank solvers iterate (drop_masked_edges): the kept
// rows by hand, and pagerank() on a graph with excluded links giving the very bits of the same
// graph built without them, for every solver, node order and thread count (by degree,
// Gauss–Seidel within 1e-10: the degree order counts the excluded links); topic_pagerank too.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "../../src/algo/pagerank/followable_copy.hpp"
#include "../../src/algo/pagerank/kernel.hpp"
#include "linkequity/linkequity.hpp"
#include "threads.hpp"

using namespace linkequity;

TEST_CASE("drop_masked_edges: keeps each row's unmasked edges in order", "[pagerank][followable]") {
    // Rows: 0 ← {3, 1 (nofollow), 2}, 1 ← {} , 2 ← {0 (ugc), 1 (sponsored)}, 3 ← {2 (nofollow), 0}.
    const std::vector<edge_offset> offsets{0, 3, 3, 5, 7};
    const std::vector<node_id> sources{3, 1, 2, 0, 1, 2, 0};
    const std::vector<edge_weight> weights{1, 2, 3, 4, 5, 6, 7};
    const std::vector<edge_flags> fl{0, flags::nofollow, 0, flags::ugc, flags::sponsored,
                                     flags::nofollow, flags::internal};
    detail::pagerank_problem k;
    k.n = 4;
    k.offsets = offsets.data();
    k.sources = sources.data();
    k.weights = weights.data();
    k.flags = fl.data();
    k.mask = flags::nofollow | flags::ugc;  // sponsored kept, internal is not excluded
    k.last_edge = 6;
    detail::followable_copy copy;
    detail::drop_masked_edges(k, copy);
    CHECK(k.flags == nullptr);
    CHECK(k.mask == 0);
    CHECK(std::vector<edge_offset>(k.offsets, k.offsets + 5) == std::vector<edge_offset>{0, 2, 2, 3, 4});
    CHECK(std::vector<node_id>(k.sources, k.sources + 4) == std::vector<node_id>{3, 2, 1, 0});
    CHECK(std::vector<edge_weight>(k.weights, k.weights + 4) == std::vector<edge_weight>{1, 3, 5, 7});
    CHECK(k.last_edge == 3);

    SECTION("no flags: nothing to do") {
        detail::pagerank_problem plain;
        plain.n = 4;
        plain.offsets = offsets.data();
        plain.sources = sources.data();
        detail::followable_copy none;
        detail::drop_masked_edges(plain, none);
        CHECK(plain.offsets == offsets.data());
        CHECK(none.sources.empty());
    }
    SECTION("everything masked: empty rows") {
        const std::vector<edge_flags> all(7, flags::nofollow);
        detail::pagerank_problem m;
        m.n = 4;
        m.offsets = offsets.data();
        m.sources = sources.data();
        m.flags = all.data();
        m.mask = flags::nofollow;
        detail::followable_copy c;
        detail::drop_masked_edges(m, c);
        CHECK(std::vector<edge_offset>(m.offsets, m.offsets + 5) == std::vector<edge_offset>{0, 0, 0, 0, 0});
        CHECK(m.last_edge == 0);
    }
}

namespace {

/// Distinct links without self-loops (nothing merges), a third of them nofollow, ugc or
/// sponsored, weights 1–4: the graph with flags (`masked`) and built from the other links only
/// (`kept`). In exclude mode an excluded link is as if absent (docs/scores.md), so `kept` is an
/// independent oracle, bit for bit. Large enough for parallel rows.
struct masked_pair {
    std::size_t n = 40000;
    csr_graph masked, kept;
};

masked_pair random_masked_pair(bool weighted) {
    std::mt19937_64 rng(11);
    masked_pair g;
    const std::size_t n = g.n;
    std::set<std::pair<node_id, node_id>> links;
    while (links.size() < 300000) {
        const auto u = static_cast<node_id>(rng() % n), v = static_cast<node_id>(rng() % (n / 8));
        if (u != v) links.insert({u, v});
    }
    std::vector<node_id> src, dst, fsrc, fdst;
    std::vector<edge_flags> fl;
    std::vector<edge_weight> w, fw;
    const edge_flags kinds[] = {flags::nofollow, flags::ugc, flags::sponsored};
    for (const auto& [u, v] : links) {
        const edge_flags f = rng() % 3 == 0 ? kinds[rng() % 3] : flags::none;
        const auto weight = static_cast<edge_weight>(1 + rng() % 4);
        src.push_back(u), dst.push_back(v), fl.push_back(f), w.push_back(weight);
        if (f == flags::none) fsrc.push_back(u), fdst.push_back(v), fw.push_back(weight);
    }
    using ws = span<const edge_weight>;
    g.masked = build_graph(n, src, dst, fl, weighted ? ws(w) : ws{});
    g.kept = build_graph(n, fsrc, fdst, {}, weighted ? ws(fw) : ws{});
    return g;
}

}  // namespace

TEST_CASE("pagerank: excluded links give the bits of the graph without them",
          "[pagerank][followable][threads]") {
    for (const bool weighted : {false, true}) {
        const masked_pair g = random_masked_pair(weighted);
        const std::size_t n = g.n;
        const csr_graph& masked = g.masked;
        const csr_graph& kept = g.kept;
        for (const auto solver : {pagerank_solver::power, pagerank_solver::gauss_seidel,
                                  pagerank_solver::block_gauss_seidel})
            for (const auto order : {pagerank_node_order::as_built, pagerank_node_order::by_degree})
                for (const int threads : {1, 2}) {
                    pagerank_options o;
                    o.tolerance = 1e-12;
                    o.solver = solver;
                    o.node_order = order;
                    o.weighted = weighted;
                    const auto a = test_threads::on(threads, [&] { return pagerank(masked, o); });
                    const auto b = test_threads::on(threads, [&] { return pagerank(kept, o); });
                    INFO("weighted " << weighted << ", solver " << static_cast<int>(solver)
                                     << ", order " << static_cast<int>(order) << ", threads "
                                     << threads);
                    // The degree order counts every link, excluded ones too, so by degree the
                    // two graphs are numbered apart; Gauss–Seidel sweeps in that numbering and
                    // reaches the same fixed point by another path.
                    if (order == pagerank_node_order::by_degree && solver != pagerank_solver::power) {
                        double l1 = 0;
                        for (std::size_t i = 0; i < n; ++i) l1 += std::fabs(a.scores[i] - b.scores[i]);
                        CHECK(l1 < 1e-10);
                        continue;
                    }
                    CHECK(a.iterations == b.iterations);
                    CHECK(a.scores == b.scores);
                }
    }
}

TEST_CASE("topic_pagerank: excluded links give the bits of the graph without them",
          "[topic_pagerank][followable][threads]") {
    for (const bool weighted : {false, true}) {
        const masked_pair g = random_masked_pair(weighted);
        std::vector<topic_seeds> topics;
        for (node_id t = 0; t < 3; ++t) topics.push_back({"t" + std::to_string(t), {t, 7 * t + 100, 4000}, {}});
        for (const int threads : {1, 2}) {
            topic_pagerank_options o;
            o.pagerank.tolerance = 1e-12;
            o.pagerank.weighted = weighted;
            const auto a = test_threads::on(threads, [&] { return topic_pagerank(g.masked, topics, o); });
            const auto b = test_threads::on(threads, [&] { return topic_pagerank(g.kept, topics, o); });
            INFO("weighted " << weighted << ", threads " << threads);
            CHECK(a.iterations == b.iterations);
            CHECK(a.scores == b.scores);
        }
    }
}

TEST_CASE("pagerank: by degree, the blocked kernel's sorted copy drops the excluded links too",
          "[pagerank][followable][threads]") {
    // The blocked kernel takes the relabelled copy with sorted rows (the transposition of the
    // out-adjacency), which leaves the excluded links out as it goes: the pull kernel on the
    // same numbering, and 1 and 2 threads, must agree.
    const masked_pair g = random_masked_pair(false);
    pagerank_options o;
    o.tolerance = 1e-300;
    o.max_iterations = 12;
    o.node_order = pagerank_node_order::by_degree;
    const auto pull = pagerank(g.masked, o);
    o.kernel = pagerank_kernel::blocked;
    const auto one = test_threads::on(1, [&] { return pagerank(g.masked, o); });
    const auto two = test_threads::on(2, [&] { return pagerank(g.masked, o); });
    double l1 = 0;
    for (std::size_t i = 0; i < g.n; ++i) l1 += std::fabs(pull.scores[i] - one.scores[i]);
    CHECK(l1 < 1e-14);
    CHECK(one.scores == two.scores);
}
