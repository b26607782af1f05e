// SPDX-License-Identifier: MIT
// csr_graph as a Boost.Graph graph: the concept checks compile, and BGL's strong_components and
// breadth_first_search agree with independent reachability / BFS written here.
#include <catch2/catch.hpp>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/property_map/vector_property_map.hpp>
#include <queue>
#include <random>

#include "linkequity/graph/boost_adapter.hpp"
#include "linkequity/linkequity.hpp"

using namespace linkequity;

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<csr_graph>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<csr_graph>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<csr_graph>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<csr_graph>));

namespace {

csr_graph random_graph(std::mt19937_64& rng, std::size_t n, std::size_t m) {
    std::vector<node_id> src(m), dst(m);
    for (std::size_t e = 0; e < m; ++e) {
        src[e] = static_cast<node_id>(rng() % n);
        dst[e] = static_cast<node_id>(rng() % n);
    }
    return build_graph(n, src, dst);
}

/// Reachability from s by a plain stack walk over out_neighbors.
std::vector<char> reachable(const csr_graph& g, node_id s) {
    std::vector<char> seen(g.num_nodes(), 0);
    std::vector<node_id> stack{s};
    seen[s] = 1;
    while (!stack.empty()) {
        const node_id u = stack.back();
        stack.pop_back();
        for (node_id v : g.out_neighbors(u))
            if (!seen[v]) seen[v] = 1, stack.push_back(v);
    }
    return seen;
}

}  // namespace

TEST_CASE("boost: strong_components matches mutual reachability", "[boost]") {
    std::mt19937_64 rng(5);
    for (int t = 0; t < 20; ++t) {
        const std::size_t n = 1 + rng() % 80;
        const auto g = random_graph(rng, n, rng() % (2 * n));
        std::vector<int> comp(n);
        const int k = boost::strong_components(
            g, boost::make_iterator_property_map(comp.begin(), get(boost::vertex_index, g)));
        std::vector<std::vector<char>> reach;
        for (node_id s = 0; s < n; ++s) reach.push_back(reachable(g, s));
        int expected_components = 0;
        for (node_id u = 0; u < n; ++u) {
            bool first = true;
            for (node_id v = 0; v < n; ++v) {
                const bool same = reach[u][v] && reach[v][u];
                CHECK((comp[u] == comp[v]) == same);
                if (same && v < u) first = false;
            }
            expected_components += first;
        }
        CHECK(k == expected_components);
    }
}

TEST_CASE("boost: breadth_first_search distances match a hand-written BFS", "[boost]") {
    std::mt19937_64 rng(9);
    const std::size_t n = 300;
    const auto g = random_graph(rng, n, 700);
    std::vector<std::size_t> dist(n, 0);
    std::vector<boost::default_color_type> color(n);
    const auto index = get(boost::vertex_index, g);
    dist[0] = 0;
    boost::breadth_first_search(
        g, node_id{0},
        boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                           boost::make_iterator_property_map(dist.begin(), index),
                           boost::on_tree_edge())))
            .color_map(boost::make_iterator_property_map(color.begin(), index)));
    // Independent BFS.
    std::vector<long> expected(n, -1);
    std::queue<node_id> q;
    expected[0] = 0;
    q.push(0);
    while (!q.empty()) {
        const node_id u = q.front();
        q.pop();
        for (node_id v : g.out_neighbors(u))
            if (expected[v] < 0) expected[v] = expected[u] + 1, q.push(v);
    }
    for (std::size_t v = 0; v < n; ++v)
        if (expected[v] >= 0) CHECK(static_cast<long>(dist[v]) == expected[v]);
}

TEST_CASE("boost: in_edges and out_edges describe the same edges", "[boost]") {
    std::mt19937_64 rng(1);
    const auto g = random_graph(rng, 50, 200);
    std::size_t out_count = 0, in_count = 0;
    for (auto [vi, vend] = vertices(g); vi != vend; ++vi) {
        for (auto [ei, eend] = out_edges(*vi, g); ei != eend; ++ei) {
            CHECK(source(*ei, g) == *vi);
            ++out_count;
        }
        for (auto [ei, eend] = in_edges(*vi, g); ei != eend; ++ei) {
            CHECK(target(*ei, g) == *vi);
            const auto row = g.out_neighbors(source(*ei, g));
            CHECK(std::binary_search(row.begin(), row.end(), *vi));
            ++in_count;
        }
    }
    CHECK(out_count == g.num_edges());
    CHECK(in_count == g.num_edges());
}
