// SPDX-License-Identifier: MIT
// csr_graph as a Boost.Graph graph: the concept checks compile, and BGL's strong_components and
// breadth_first_search agree with independent reachability / BFS written here. And to_csr_graph:
// BGL graphs (vecS, listS with an index map, weighted, undirected) against build_graph on the
// same edges.
#include <catch2/catch.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/property_map/vector_property_map.hpp>
#include <algorithm>
#include <functional>
#include <map>
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

// ------------------------------------------------------------------ to_csr_graph

namespace {

using directed_bgl = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using weighted_bgl = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                           boost::no_property,
                                           boost::property<boost::edge_weight_t, double>>;

struct random_edges {
    std::size_t n = 0;
    std::vector<node_id> src, dst;
    std::vector<edge_weight> weights;  ///< multiples of 1/4: exact in float, sums exact too
};

/// Random edges with self-loops and parallel edges (both exercise the builder's policies).
random_edges make_edges(std::mt19937_64& rng, std::size_t n, std::size_t m) {
    random_edges e;
    e.n = n;
    for (std::size_t k = 0; k < m; ++k) {
        e.src.push_back(static_cast<node_id>(rng() % n));
        e.dst.push_back(static_cast<node_id>(rng() % n));
        e.weights.push_back(static_cast<edge_weight>(1 + rng() % 16) / 4);
    }
    return e;
}

/// Same arrays, same build options: the two graphs are one.
void require_same_graph(const csr_graph& a, const csr_graph& b) {
    REQUIRE(a.num_nodes() == b.num_nodes());
    REQUIRE(a.num_edges() == b.num_edges());
    auto eq = [](auto x, auto y) { return std::equal(x.begin(), x.end(), y.begin(), y.end()); };
    CHECK(eq(a.out_offsets(), b.out_offsets()));
    CHECK(eq(a.out_targets(), b.out_targets()));
    CHECK(eq(a.in_offsets(), b.in_offsets()));
    CHECK(eq(a.in_sources(), b.in_sources()));
    CHECK(a.has_weights() == b.has_weights());
    CHECK(eq(a.in_weight_array(), b.in_weight_array()));
    CHECK(eq(a.out_weight_array(), b.out_weight_array()));
    const auto pa = pagerank(a).scores, pb = pagerank(b).scores;
    CHECK(pa == pb);  // identical input arrays: identical scores, bit for bit
}

std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "no exception";
}

}  // namespace

TEST_CASE("boost: to_csr_graph of a vecS adjacency_list equals build_graph", "[boost][to_csr]") {
    std::mt19937_64 rng(3);
    for (int t = 0; t < 10; ++t) {
        const auto e = make_edges(rng, 1 + rng() % 60, rng() % 200);
        directed_bgl g(e.n);
        for (std::size_t k = 0; k < e.src.size(); ++k) boost::add_edge(e.src[k], e.dst[k], g);
        require_same_graph(to_csr_graph(g), build_graph(e.n, e.src, e.dst));
        build_options keep;
        keep.self_loops = self_loop_policy::keep;
        keep.duplicates = duplicate_policy::keep;
        require_same_graph(to_csr_graph(g, keep), build_graph(e.n, e.src, e.dst, keep));
    }
    // csr_graph is itself a BGL graph: the round trip is the identity.
    const auto e = make_edges(rng, 40, 150);
    const csr_graph g = build_graph(e.n, e.src, e.dst);
    require_same_graph(to_csr_graph(g), g);
    build_options lean;
    lean.lean = true;
    const csr_graph lean_graph = build_graph(e.n, e.src, e.dst, lean);
    CHECK_THROWS_AS(to_csr_graph(lean_graph), std::logic_error);
    CHECK_THROWS_AS(out_edges(node_id{0}, lean_graph), std::logic_error);
}

TEST_CASE("boost: to_csr_graph with an edge weight map equals the weighted build_graph",
          "[boost][to_csr]") {
    std::mt19937_64 rng(11);
    const auto e = make_edges(rng, 50, 300);
    weighted_bgl g(e.n);
    for (std::size_t k = 0; k < e.src.size(); ++k)
        boost::add_edge(e.src[k], e.dst[k], static_cast<double>(e.weights[k]), g);
    const csr_graph expected = build_graph(e.n, e.src, e.dst, {}, e.weights);
    require_same_graph(to_csr_graph(g, get(boost::edge_weight, g)), expected);
    require_same_graph(to_csr_graph(g, get(boost::edge_weight, g), get(boost::vertex_index, g)),
                       expected);
    REQUIRE(expected.has_weights());

    // Hand-made: 0 → 1 (2), 0 → 2 (1), 1 → 2 (1.5 + 0.5 merged), 2 → 0 (1).
    weighted_bgl h(3);
    boost::add_edge(0, 1, 2.0, h);
    boost::add_edge(0, 2, 1.0, h);
    boost::add_edge(1, 2, 1.5, h);
    boost::add_edge(1, 2, 0.5, h);
    boost::add_edge(2, 0, 1.0, h);
    const csr_graph c = to_csr_graph(h, get(boost::edge_weight, h));
    CHECK(c.num_edges() == 4);
    CHECK(std::vector<edge_weight>(c.out_weights(0).begin(), c.out_weights(0).end()) ==
          std::vector<edge_weight>{2, 1});
    CHECK(c.out_weights(1)[0] == 2.0f);

    weighted_bgl bad(2);
    boost::add_edge(0, 1, -1.0, bad);
    CHECK_THROWS_AS(to_csr_graph(bad, get(boost::edge_weight, bad)), std::invalid_argument);
}

TEST_CASE("boost: to_csr_graph of listS vertices through an explicit index map",
          "[boost][to_csr]") {
    using list_bgl = boost::adjacency_list<boost::listS, boost::listS, boost::directedS>;
    using vertex = boost::graph_traits<list_bgl>::vertex_descriptor;
    list_bgl g;
    std::vector<vertex> v;
    for (int i = 0; i < 5; ++i) v.push_back(boost::add_vertex(g));
    // Node ids in reverse insertion order: vertex k gets index 4 - k.
    std::map<vertex, std::size_t> ids;
    for (std::size_t k = 0; k < v.size(); ++k) ids[v[k]] = 4 - k;
    const std::vector<std::pair<int, int>> edges{{0, 1}, {1, 2}, {2, 0}, {3, 2}, {4, 4}, {1, 2}};
    std::vector<node_id> src, dst;
    for (auto [a, b] : edges) {
        boost::add_edge(v[a], v[b], g);
        src.push_back(static_cast<node_id>(4 - a));
        dst.push_back(static_cast<node_id>(4 - b));
    }
    boost::associative_property_map<std::map<vertex, std::size_t>> index(ids);
    require_same_graph(to_csr_graph(g, index), build_graph(5, src, dst));

    ids[v[0]] = 5;  // out of [0, 5)
    CHECK(message_of([&] { to_csr_graph(g, index); }) ==
          "to_csr_graph: the vertex index map gives 5, expected an index in [0, 5) (n = "
          "num_vertices)");
    CHECK_THROWS_AS(to_csr_graph(g, index), std::out_of_range);
    ids[v[0]] = 3;  // same as v[1]
    CHECK_THROWS_AS(to_csr_graph(g, index), std::invalid_argument);
    std::map<vertex, int> negative;
    for (std::size_t k = 0; k < v.size(); ++k) negative[v[k]] = static_cast<int>(k) - 1;
    boost::associative_property_map<std::map<vertex, int>> neg_index(negative);
    CHECK_THROWS_AS(to_csr_graph(g, neg_index), std::out_of_range);
}

TEST_CASE("boost: an undirected BGL graph becomes both directions of every edge",
          "[boost][to_csr]") {
    using undirected_bgl = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    undirected_bgl g(4);
    boost::add_edge(0, 1, g);
    boost::add_edge(1, 2, g);
    boost::add_edge(2, 3, g);
    boost::add_edge(3, 1, g);
    const csr_graph c = to_csr_graph(g);
    const std::vector<node_id> src{0, 1, 1, 2, 2, 3, 3, 1}, dst{1, 0, 2, 1, 3, 2, 1, 3};
    require_same_graph(c, build_graph(4, src, dst));
    CHECK(c.num_edges() == 8);
    CHECK(std::vector<node_id>(c.out_neighbors(1).begin(), c.out_neighbors(1).end()) ==
          std::vector<node_id>{0, 2, 3});
}
