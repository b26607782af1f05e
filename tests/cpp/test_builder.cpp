// SPDX-License-Identifier: MIT
// graph_builder: both directions hold the same edges, rows sorted, self-loop and parallel-edge
// policies, flags and weights carried, lean mode, thread-count independence, errors.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <tuple>

#include "linkequity/linkequity.hpp"
#include "same_graph.hpp"
#include "threads.hpp"

using namespace linkequity;
using Catch::Matchers::Contains;

namespace {

std::multiset<std::pair<node_id, node_id>> out_edges_of(const csr_graph& g) {
    std::multiset<std::pair<node_id, node_id>> s;
    for (node_id u = 0; u < g.num_nodes(); ++u)
        for (node_id v : g.out_neighbors(u)) s.insert({u, v});
    return s;
}

std::multiset<std::pair<node_id, node_id>> in_edges_of(const csr_graph& g) {
    std::multiset<std::pair<node_id, node_id>> s;
    for (node_id v = 0; v < g.num_nodes(); ++v)
        for (node_id u : g.in_neighbors(v)) s.insert({u, v});
    return s;
}

}  // namespace

TEST_CASE("builder: random multigraph, every policy, against a std::set model", "[builder]") {
    std::mt19937_64 rng(11);
    for (int t = 0; t < 50; ++t) {
        const std::size_t n = 1 + rng() % 300, m = rng() % 3000;
        std::vector<node_id> src(m), dst(m);
        for (std::size_t e = 0; e < m; ++e) {
            src[e] = static_cast<node_id>(rng() % n);
            dst[e] = static_cast<node_id>(rng() % n);
        }
        for (auto loops : {self_loop_policy::drop, self_loop_policy::keep}) {
            for (auto dups : {duplicate_policy::merge, duplicate_policy::keep}) {
                build_options o;
                o.self_loops = loops;
                o.duplicates = dups;
                std::multiset<std::pair<node_id, node_id>> model;
                for (std::size_t e = 0; e < m; ++e) {
                    if (loops == self_loop_policy::drop && src[e] == dst[e]) continue;
                    if (dups == duplicate_policy::merge && model.count({src[e], dst[e]})) continue;
                    model.insert({src[e], dst[e]});
                }
                const auto g = build_graph(n, src, dst, o);
                REQUIRE(g.num_nodes() == n);
                REQUIRE(g.num_edges() == model.size());
                CHECK(out_edges_of(g) == model);
                CHECK(in_edges_of(g) == model);
                for (node_id u = 0; u < n; ++u) {
                    const auto row = g.out_neighbors(u);
                    CHECK(std::is_sorted(row.begin(), row.end()));
                    const auto col = g.in_neighbors(u);
                    CHECK(std::is_sorted(col.begin(), col.end()));
                }
            }
        }
    }
}

// Input already in (source, target) order takes the builder's filtered copy instead of its two
// counting sorts; the same edges out of that order take the sorts. Both must give the same
// arrays, with every policy, on 1 and 2 threads, with chunks cut inside long rows (m above
// the parallel threshold) and with rows left empty by dropped edges.
TEST_CASE("builder: input in row order builds what the same edges shuffled build",
          "[builder][threads]") {
    std::mt19937_64 rng(23);
    for (int trial = 0; trial < 12; ++trial) {
        const std::size_t n = 1 + rng() % (trial < 6 ? 40 : 3000);
        const std::size_t m = trial % 3 == 0 ? rng() % 50 : 20000 + rng() % 40000;
        std::vector<std::tuple<node_id, node_id, edge_flags, edge_weight>> e(m);
        for (auto& [s, t, f, w] : e) {
            s = static_cast<node_id>(rng() % n);
            t = rng() % 4 == 0 ? s : static_cast<node_id>(rng() % n);
            f = static_cast<edge_flags>(rng() % 4 == 0 ? flags::nofollow : rng() % 2);
            w = static_cast<edge_weight>(rng() % 5) * 0.5f;
        }
        auto columns = [](const auto& list) {
            edge_list el;
            for (const auto& [s, t, f, w] : list) {
                el.src.push_back(s);
                el.dst.push_back(t);
                el.flags.push_back(f);
                el.weights.push_back(w);
            }
            return el;
        };
        const edge_list shuffled = columns(e);
        std::stable_sort(e.begin(), e.end(), [](const auto& a, const auto& b) {
            return std::tie(std::get<0>(a), std::get<1>(a)) <
                   std::tie(std::get<0>(b), std::get<1>(b));
        });
        const edge_list ordered = columns(e);
        for (auto loops : {self_loop_policy::drop, self_loop_policy::keep})
            for (auto dups : {duplicate_policy::merge, duplicate_policy::keep,
                              duplicate_policy::count})
                for (bool lean : {false, true})
                    for (bool weighted : {false, true})
                        for (int threads : {1, 2}) {
                            build_options o;
                            o.self_loops = loops;
                            o.duplicates = dups;
                            o.lean = lean;
                            auto build = [&](const edge_list& el) {
                                return test_threads::on(threads, [&] {
                                    return build_graph(n, el.src, el.dst, el.flags,
                                                       weighted ? span<const edge_weight>(
                                                                      el.weights)
                                                                : span<const edge_weight>(),
                                                       o);
                                });
                            };
                            const csr_graph a = build(ordered), b = build(shuffled);
                            INFO("trial " << trial << ", n " << n << ", m " << m << ", "
                                          << threads << " threads, lean " << lean);
                            CHECK(test_graphs::identical(a, b));
                        }
    }
}

TEST_CASE("builder: merged copies that are all excluded stay excluded for every bit", "[builder]") {
    const std::vector<node_id> src{0, 0, 1, 1}, dst{1, 1, 0, 0};
    const std::vector<edge_flags> fl{flags::nofollow, flags::sponsored, flags::ugc, flags::internal};
    const auto g = build_graph(2, src, dst, fl, {});
    CHECK(g.out_flags(0)[0] == (flags::nofollow | flags::sponsored));
    CHECK(g.out_flags(1)[0] == flags::internal);  // one followable copy: followable
}

TEST_CASE("builder: merged parallel edges AND their flags and sum their weights", "[builder]") {
    const std::vector<node_id> src{0, 0, 0, 1}, dst{1, 1, 1, 0};
    const std::vector<edge_flags> fl{flags::nofollow | flags::internal, flags::internal,
                                     flags::nofollow | flags::internal, flags::ugc};
    const std::vector<edge_weight> w{1.5f, 2.0f, 0.5f, 3.0f};
    const auto g = build_graph(2, src, dst, fl, w);
    REQUIRE(g.num_edges() == 2);
    CHECK(g.out_flags(0)[0] == flags::internal);  // followable: one copy was followable
    CHECK(g.out_weights(0)[0] == 4.0f);
    CHECK(g.in_flags(1)[0] == flags::internal);
    CHECK(g.in_weights(1)[0] == 4.0f);
    CHECK(g.in_flags(0)[0] == flags::ugc);
}

TEST_CASE("builder: duplicates = count keeps multiplicity as weight", "[builder]") {
    const std::vector<node_id> src{2, 0, 2, 2, 0}, dst{1, 1, 1, 1, 2};
    build_options o;
    o.duplicates = duplicate_policy::count;
    const auto g = build_graph(3, src, dst, o);
    REQUIRE(g.has_weights());
    REQUIRE(g.num_edges() == 3);
    CHECK(g.out_neighbors(2)[0] == 1);
    CHECK(g.out_weights(2)[0] == 3.0f);
    CHECK(g.out_weights(0)[0] == 1.0f);
    CHECK(g.in_weights(1)[1] == 3.0f);  // in-row of 1 sorted by source: 0, 2
}

TEST_CASE("builder: lean graph keeps in-edges and out-weights only", "[builder]") {
    const std::vector<node_id> src{0, 0, 1, 2}, dst{1, 2, 2, 0};
    const std::vector<edge_flags> fl{0, flags::sponsored, 0, 0};
    build_options o;
    o.lean = true;
    const auto g = build_graph(3, src, dst, fl, {}, o);
    CHECK(g.is_lean());
    CHECK_FALSE(g.has_out_edges());
    CHECK(g.num_edges() == 3);  // the sponsored link is gone
    CHECK(g.lean_out_weight()[0] == 1.0);
    CHECK(g.in_degree(2) == 1);
    CHECK_THROWS_AS(g.out_neighbors(0), std::logic_error);
    const auto full = build_graph(3, src, dst, fl, {});
    CHECK(g.memory_bytes() < full.memory_bytes());
}

TEST_CASE("builder: 1 and 2 threads build identical graphs", "[builder][threads]") {
    kronecker_options k;
    k.scale = 15;
    const auto el = kronecker_edges(k);
    const auto a = test_threads::on(1, [&] { return build_graph(el); });
    const auto b = test_threads::on(2, [&] { return build_graph(el); });
    REQUIRE(a.num_edges() == b.num_edges());
    CHECK(std::equal(a.out_targets().begin(), a.out_targets().end(), b.out_targets().begin()));
    CHECK(std::equal(a.in_sources().begin(), a.in_sources().end(), b.in_sources().begin()));
    CHECK(std::equal(a.in_offsets().begin(), a.in_offsets().end(), b.in_offsets().begin()));
    const auto c = build_graph(el).clone();
    CHECK(c.num_edges() == build_graph(el).num_edges());
}

TEST_CASE("builder: memory stays within 8 bytes per edge plus offsets", "[builder]") {
    kronecker_options k;
    k.scale = 14;
    const auto g = build_graph(kronecker_edges(k));
    const std::size_t offsets = 2 * 8 * (g.num_nodes() + 1);
    CHECK(g.memory_bytes() <= 8 * g.num_edges() + offsets);
}

TEST_CASE("builder: errors name the edge, the value and the limit", "[builder][errors]") {
    const std::vector<node_id> src{0, 1, 5}, dst{1, 2, 0};
    REQUIRE_THROWS_AS(build_graph(3, src, dst), std::out_of_range);
    REQUIRE_THROWS_WITH(build_graph(3, src, dst),
                        Contains("edge 2") && Contains("source 5") && Contains("num_nodes is 3"));
    REQUIRE_THROWS_WITH(build_graph(3, std::vector<node_id>{0}, std::vector<node_id>{0, 1}),
                        Contains("src has 1") && Contains("dst has 2"));
    const std::vector<edge_weight> bad{1.0f, -2.0f, 1.0f};
    REQUIRE_THROWS_WITH(build_graph(6, src, dst, {}, bad),
                        Contains("edge 1") && Contains("weight -2") && Contains(">= 0"));
    const std::vector<edge_weight> nan{1.0f, 1.0f, std::numeric_limits<float>::quiet_NaN()};
    REQUIRE_THROWS_AS(build_graph(6, src, dst, {}, nan), std::invalid_argument);
    REQUIRE_THROWS_WITH(build_graph(6, src, dst, std::vector<edge_flags>{0}, {}),
                        Contains("flags has 1 entries"));
}

TEST_CASE("builder: empty and edgeless graphs", "[builder]") {
    const auto e = build_graph(0, std::vector<node_id>{}, std::vector<node_id>{});
    CHECK(e.num_nodes() == 0);
    CHECK(e.num_edges() == 0);
    const auto iso = build_graph(4, std::vector<node_id>{}, std::vector<node_id>{});
    CHECK(iso.num_nodes() == 4);
    CHECK(iso.out_degree(3) == 0);
    CHECK(iso.in_degree(0) == 0);
}

TEST_CASE("builder: lean graph from a stream equals the lean graph from the edge list",
          "[builder][stream]") {
    for (bool sym : {false, true}) {
        kronecker_options k;
        k.scale = 13;
        k.symmetrize = sym;
        build_options lean;
        lean.lean = true;
        const auto a = build_graph(kronecker_edges(k), lean);
        const auto b = build_lean_graph(kronecker_stream(k));
        REQUIRE(b.is_lean());
        REQUIRE(a.num_edges() == b.num_edges());
        CHECK(std::equal(a.in_offsets().begin(), a.in_offsets().end(), b.in_offsets().begin()));
        CHECK(std::equal(a.in_sources().begin(), a.in_sources().end(), b.in_sources().begin()));
        CHECK(std::equal(a.lean_out_weight().begin(), a.lean_out_weight().end(),
                         b.lean_out_weight().begin()));
        pagerank_options o;
        o.tolerance = 1e-12;
        const auto ra = pagerank(a, o), rb = pagerank(b, o);
        CHECK(ra.scores == rb.scores);
    }
    // Renumbered by out-degree while streaming: the same graph up to the permutation.
    kronecker_options k;
    k.scale = 12;
    std::vector<node_id> old_of;
    const auto plain = build_lean_graph(kronecker_stream(k));
    const auto ordered = build_lean_graph(kronecker_stream(k), {}, &old_of);
    REQUIRE(old_of.size() == plain.num_nodes());
    REQUIRE(ordered.num_edges() == plain.num_edges());
    // The order is by out-degree counted before parallel edges merge (self-loops dropped).
    std::vector<std::size_t> raw_out(plain.num_nodes(), 0);
    const auto el = kronecker_edges(k);
    for (std::size_t e = 0; e < el.num_edges(); ++e)
        if (el.src[e] != el.dst[e]) ++raw_out[el.src[e]];
    for (std::size_t v = 1; v < old_of.size(); ++v) {
        CHECK(raw_out[old_of[v - 1]] >= raw_out[old_of[v]]);
        if (raw_out[old_of[v - 1]] == raw_out[old_of[v]]) CHECK(old_of[v - 1] < old_of[v]);
    }
    for (node_id v = 0; v < ordered.num_nodes(); ++v) {
        REQUIRE(ordered.in_degree(v) == plain.in_degree(old_of[v]));
        CHECK(ordered.lean_out_weight()[v] == plain.lean_out_weight()[old_of[v]]);
        std::vector<node_id> mapped;
        for (node_id u : ordered.in_neighbors(v)) mapped.push_back(old_of[u]);
        std::sort(mapped.begin(), mapped.end());
        const auto row = plain.in_neighbors(old_of[v]);
        CHECK(std::equal(mapped.begin(), mapped.end(), row.begin(), row.end()));
    }
    pagerank_options o;
    o.tolerance = 1e-13;
    const auto a = pagerank(plain, o), b = pagerank(ordered, o);
    double diff = 0;
    for (node_id v = 0; v < ordered.num_nodes(); ++v) diff += std::fabs(b.scores[v] - a.scores[old_of[v]]);
    CHECK(diff < 1e-12);

    build_options keep;
    keep.duplicates = duplicate_policy::keep;
    keep.self_loops = self_loop_policy::keep;
    CHECK(build_lean_graph(erdos_renyi_stream(500, 4000, 3), keep).num_edges() == 4000);
    keep.duplicates = duplicate_policy::count;
    CHECK_THROWS_AS(build_lean_graph(erdos_renyi_stream(5, 4, 3), keep), std::invalid_argument);
}

TEST_CASE("builder: a moved-from graph is empty", "[builder]") {
    auto a = build_graph(3, std::vector<node_id>{0, 1}, std::vector<node_id>{1, 2});
    csr_graph b = std::move(a);
    CHECK(b.num_edges() == 2);
    CHECK(a.num_nodes() == 0);  // NOLINT(bugprone-use-after-move): the contract under test
    CHECK(a.num_edges() == 0);
    CHECK(a.in_sources().empty());
    a = std::move(b);
    CHECK(a.num_nodes() == 3);
    CHECK(b.num_nodes() == 0);
}
