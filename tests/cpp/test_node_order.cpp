// SPDX-License-Identifier: MIT
// The degree renumbering (order_by_decreasing, relabel_by_out_degree): the parallel counting
// sort gives the permutation of a plain stable sort by decreasing degree, ties by id, and the
// same relabelled graph on 1 and 2 threads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

#include "../../src/algo/pagerank/node_order.hpp"
#include "../../src/graph/counting_sort.hpp"
#include "linkequity/linkequity.hpp"
#include "threads.hpp"

using namespace linkequity;

namespace {

/// The documented rule, independently: ids stably sorted by decreasing degree.
std::vector<node_id> stable_by_decreasing(const std::vector<std::uint32_t>& degree) {
    std::vector<node_id> order(degree.size());
    std::iota(order.begin(), order.end(), node_id{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](node_id a, node_id b) { return degree[a] > degree[b]; });
    return order;
}

/// 6n random links over n nodes with skewed out-degrees (a third of the sources among all
/// nodes, the rest among the first 100), flags 0–3 and weights in quarters.
csr_graph random_flagged_graph(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<node_id> src, dst;
    std::vector<edge_flags> f;
    std::vector<edge_weight> w;
    for (std::size_t e = 0; e < 6 * n; ++e) {
        src.push_back(static_cast<node_id>(rng() % (e % 3 ? 100 : n)));  // skewed degrees
        dst.push_back(static_cast<node_id>(rng() % n));
        f.push_back(static_cast<edge_flags>(rng() % 4));
        w.push_back(static_cast<edge_weight>(rng() % 16) / 4.0f);
    }
    return build_graph(n, src, dst, f, w);
}

}  // namespace

TEST_CASE("order_by_decreasing: a stable sort by decreasing degree on any thread count",
          "[node_order][threads]") {
    std::mt19937_64 rng(5);
    for (const std::size_t n : {1u, 7u, 5000u, 70000u}) {  // the last two in parallel chunks
        std::vector<std::uint32_t> degree(n);
        for (auto& d : degree) d = rng() % 3 ? static_cast<std::uint32_t>(rng() % 8)
                                             : static_cast<std::uint32_t>(rng() % 100000);
        const auto expected = stable_by_decreasing(degree);
        for (const int threads : {1, 2}) {
            std::vector<node_id> old_of, new_of;
            test_threads::on(threads, [&] {
                detail::order_by_decreasing(degree, old_of, new_of);
                return 0;
            });
            INFO("n " << n << ", threads " << threads);
            CHECK(old_of == expected);
            for (std::size_t v = 0; v < n; ++v) REQUIRE(new_of[old_of[v]] == v);
        }
    }
}

TEST_CASE("relabel_by_out_degree: the same relabelled graph on 1 and 2 threads",
          "[node_order][threads]") {
    kronecker_options k;
    k.scale = 16;
    k.symmetrize = true;
    const auto g = build_graph(kronecker_edges(k));
    const csr_view in = g.in_view(), out = g.out_view();
    auto relabel = [&] { return detail::relabel_by_out_degree(in, &out, false, false, true); };
    const auto one = test_threads::on(1, relabel);
    const auto two = test_threads::on(2, relabel);
    std::vector<std::uint32_t> degree(g.num_nodes());
    for (node_id u = 0; u < g.num_nodes(); ++u)
        degree[u] = static_cast<std::uint32_t>(g.out_neighbors(u).size());
    CHECK(one.old_of == stable_by_decreasing(degree));
    CHECK(two.old_of == one.old_of);
    CHECK(two.new_of == one.new_of);
    const std::size_t m = g.num_edges();
    CHECK(std::equal(one.offsets.data(), one.offsets.data() + g.num_nodes() + 1,
                     two.offsets.data()));
    CHECK(std::equal(one.sources.data(), one.sources.data() + m, two.sources.data()));
    // Row v of the copy is old row old_of[v] renamed, ascending.
    for (node_id v : {node_id{0}, node_id{1}, static_cast<node_id>(g.num_nodes() / 2)}) {
        const node_id old = one.old_of[v];
        std::vector<node_id> want;
        for (edge_offset e = in.offsets[old]; e < in.offsets[old + 1]; ++e)
            want.push_back(one.new_of[in.sources[e]]);
        std::sort(want.begin(), want.end());
        const std::vector<node_id> got(one.sources.data() + one.offsets[v],
                                       one.sources.data() + one.offsets[v + 1]);
        CHECK(got == want);
    }
}

TEST_CASE("relabel_by_out_degree: unsorted rows are the old rows renamed, in their order",
          "[node_order][threads]") {
    // The pull kernel's copy (sort_rows = false), with weights and flags carried along, with
    // and without the out-adjacency: every row in full, on 1 and 2 threads.
    const std::size_t n = 40000;  // above the parallel threshold
    const auto g = random_flagged_graph(n, 8);
    const csr_view in = g.in_view(), out = g.out_view();
    for (const bool with_out : {true, false}) {
        auto relabel = [&] {
            return detail::relabel_by_out_degree(in, with_out ? &out : nullptr, true, true, false);
        };
        const auto one = test_threads::on(1, relabel);
        const auto two = test_threads::on(2, relabel);
        INFO("with the out-adjacency: " << with_out);
        CHECK(two.old_of == one.old_of);
        const std::size_t m = g.num_edges();
        CHECK(std::equal(one.sources.data(), one.sources.data() + m, two.sources.data()));
        bool rows_ok = true;
        for (std::size_t v = 0; v < n; ++v) {
            const node_id old = one.old_of[v];
            const edge_offset first = in.offsets[old], count = in.offsets[old + 1] - first;
            rows_ok = rows_ok && one.offsets[v + 1] - one.offsets[v] == count;
            for (edge_offset k = 0; rows_ok && k < count; ++k) {
                const edge_offset a = one.offsets[v] + k, b = first + k;
                rows_ok = one.sources[a] == one.new_of[in.sources[b]] &&
                          one.weights[a] == in.weights[b] && one.flags[a] == in.flags[b];
            }
        }
        CHECK(rows_ok);
    }
}

TEST_CASE("relabel_by_out_degree: drop leaves out the marked links and keeps the rest in order",
          "[node_order][threads]") {
    // Against the full relabelled copy with its flags, filtered here: each row's kept links in
    // the same order, for the transposition (sorted rows with the out-adjacency), the sorted
    // rows without it, and the unsorted copy; the numbering unchanged; 1 and 2 threads.
    const std::size_t n = 40000;  // above the parallel threshold
    const auto g = random_flagged_graph(n, 9);
    const csr_view in = g.in_view(), out = g.out_view();
    const edge_flags drop = 1;  // about a half of the links
    for (const bool sort_rows : {true, false})
        for (const bool with_out : {true, false}) {
            INFO("sorted rows " << sort_rows << ", with the out-adjacency " << with_out);
            const csr_view* o = with_out ? &out : nullptr;
            const auto full = detail::relabel_by_out_degree(in, o, true, true, sort_rows);
            std::vector<edge_offset> offsets{0};
            std::vector<node_id> sources;
            std::vector<edge_weight> weights;
            for (std::size_t v = 0; v < n; ++v) {
                for (edge_offset e = full.offsets[v]; e < full.offsets[v + 1]; ++e)
                    if ((full.flags[e] & drop) == 0) {
                        sources.push_back(full.sources[e]);
                        weights.push_back(full.weights[e]);
                    }
                offsets.push_back(sources.size());
            }
            REQUIRE(sources.size() < g.num_edges());
            for (const int threads : {1, 2}) {
                const auto r = test_threads::on(threads, [&] {
                    return detail::relabel_by_out_degree(in, o, true, false, sort_rows, drop);
                });
                INFO("threads " << threads);
                CHECK(r.old_of == full.old_of);
                CHECK(std::equal(offsets.begin(), offsets.end(), r.offsets.data()));
                CHECK(std::equal(sources.begin(), sources.end(), r.sources.data()));
                CHECK(std::equal(weights.begin(), weights.end(), r.weights.data()));
                CHECK(r.sources.size() == sources.size());
            }
        }
}
