// SPDX-License-Identifier: MIT
// The aggregates of the Gauss–Seidel solvers' mass correction (mass_aggregates): the parallel
// components (sampling, flattening, then every edge) against an independent breadth-first search,
// and the parallel correction against the serial one on the same iterate, on 1 and 2 threads.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <queue>
#include <random>
#include <vector>

#include "../../src/algo/pagerank/mass_aggregates.hpp"
#include "linkequity/linkequity.hpp"
#include "threads.hpp"

using namespace linkequity;
using detail::aggregation_input;
using detail::mass_aggregates;

namespace {

/// The graph (in-adjacency with flags), 1/out(j) over the followable links, and the followable
/// links as undirected lists for the search.
struct piece_graph {
    csr_graph graph;
    std::vector<double> inv_out;
    std::vector<std::vector<node_id>> undirected;
};

/// n nodes: a random directed core over the first half (with hubs), then closed pairs,
/// triangles and stars, isolated nodes, and chains ending in a dangling node. One link in seven
/// is flagged nofollow (excluded), which splits some pieces.
piece_graph make_pieces(std::size_t n, std::uint32_t seed) {
    std::mt19937_64 rng(seed);
    edge_list links;
    links.num_nodes = n;
    const auto link = [&](std::size_t a, std::size_t b) {
        links.src.push_back(static_cast<node_id>(a));
        links.dst.push_back(static_cast<node_id>(b));
    };
    const std::size_t core = n / 2;
    std::uniform_int_distribution<std::size_t> any(0, core - 1), hub(0, 31);
    for (std::size_t e = 0; e < 3 * core; ++e) {
        const std::size_t a = e % 3 == 0 ? hub(rng) : any(rng), b = any(rng);
        if (a != b) link(a, b);
    }
    std::size_t i = core;
    for (std::size_t shape = 0; i + 5 < n; ++shape) {
        switch (shape % 5) {
        case 0:  // closed pair
            link(i, i + 1), link(i + 1, i), i += 2;
            break;
        case 1:  // closed triangle
            link(i, i + 1), link(i + 1, i + 2), link(i + 2, i), i += 3;
            break;
        case 2:  // star, both ways
            for (std::size_t k = 1; k <= 4; ++k) link(i, i + k), link(i + k, i);
            i += 5;
            break;
        case 3:  // isolated node
            i += 1;
            break;
        default:  // chain into a dangling node
            link(i, i + 1), link(i + 1, i + 2), i += 3;
        }
    }
    std::uniform_int_distribution<int> seventh(0, 6);
    std::vector<std::size_t> out(n, 0);
    piece_graph g;
    g.undirected.resize(n);
    for (std::size_t e = 0; e < links.num_edges(); ++e) {
        const bool excluded = seventh(rng) == 0;
        links.flags.push_back(excluded ? flags::nofollow : flags::none);
        if (excluded) continue;
        const node_id s = links.src[e], t = links.dst[e];
        ++out[s];
        g.undirected[s].push_back(t);
        g.undirected[t].push_back(s);
    }
    g.graph = build_graph(links);
    g.inv_out.resize(n);
    for (std::size_t v = 0; v < n; ++v)
        g.inv_out[v] = out[v] ? 1.0 / static_cast<double>(out[v]) : 0.0;
    return g;
}

/// 1 (aggregate 0) + the components that are all dangling or have no dangling node, by
/// breadth-first search over the followable links.
std::size_t aggregates_by_search(const piece_graph& g) {
    const std::size_t n = g.inv_out.size();
    std::vector<char> seen(n, 0);
    std::size_t count = 1;
    for (std::size_t r = 0; r < n; ++r) {
        if (seen[r]) continue;
        bool dangling = false, live = false;
        std::queue<node_id> q;
        q.push(static_cast<node_id>(r));
        seen[r] = 1;
        while (!q.empty()) {
            const node_id v = q.front();
            q.pop();
            (g.inv_out[v] == 0.0 ? dangling : live) = true;
            for (const node_id w : g.undirected[v])
                if (!seen[w]) seen[w] = 1, q.push(w);
        }
        if (!(dangling && live)) ++count;
    }
    return count;
}

}  // namespace

TEST_CASE("mass_aggregates: parallel components against a breadth-first search, and the "
          "parallel correction against the serial one",
          "[pagerank][aggregates][threads]") {
    const std::vector<double> none;
    for (const std::uint32_t seed : {1u, 2u, 3u}) {
        const std::size_t n = 40000;  // above parallel_threshold
        const piece_graph g = make_pieces(n, seed);
        const csr_view in_edges = g.graph.in_view();
        const aggregation_input in{n,
                                   0.85,
                                   in_edges.offsets.data(),
                                   in_edges.sources.data(),
                                   in_edges.flags.data(),
                                   flags::nofollow,
                                   g.inv_out.data(),
                                   nullptr,
                                   &none,
                                   &none};
        const std::size_t expected = aggregates_by_search(g);
        INFO("seed " << seed << ": " << expected << " aggregates by search");
        REQUIRE(expected > 1000);  // many closed pieces besides the core
        mass_aggregates serial(in);
        CHECK(serial.count() == expected);

        std::mt19937_64 rng(seed);
        std::uniform_real_distribution<double> u(0.5, 1.5);
        std::vector<double> x0(n);
        for (double& v : x0) v = u(rng) / static_cast<double>(n);
        std::vector<double> want = x0;
        serial.correct(want);

        std::vector<std::vector<double>> got;
        for (const int threads : {1, 2}) {
            got.push_back(test_threads::on(threads, [&] {
                mass_aggregates parallel(in, mass_aggregates::parallel_components);
                CHECK(parallel.count() == expected);
                parallel.index_members();
                std::vector<double> x = x0;
                parallel.correct_in_blocks(x);
                return x;
            }));
        }
        CHECK(got[0] == got[1]);
        double diff = 0, total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            diff += std::fabs(got[0][i] - want[i]);
            total += want[i];
        }
        CHECK(std::fabs(total - 1.0) < 1e-12);  // the corrected masses sum to 1
        // The serial correction sums each aggregate plainly, the parallel one with compensation:
        // ~1e-12 apart over the 20,000-node core. Another grouping would move whole pieces'
        // masses (about 1e-4 each here).
        INFO("L1 difference " << diff);
        CHECK(diff < 1e-11);
    }
}
