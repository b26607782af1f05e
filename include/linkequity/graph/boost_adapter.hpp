// SPDX-License-Identifier: MIT
// Boost.Graph both ways. (1) csr_graph is a BGL graph: VertexListGraph, IncidenceGraph,
// BidirectionalGraph and AdjacencyGraph, with an identity vertex_index map, so BGL algorithms
// (strong_components, breadth_first_search, dijkstra_shortest_paths …) run on it unchanged.
// (2) to_csr_graph(g): any BGL VertexListGraph + IncidenceGraph becomes a csr_graph through
// graph_builder, optionally with edge weights. The only header that includes Boost.Graph.
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "linkequity/graph/builder.hpp"
#include "linkequity/graph/csr_graph.hpp"

namespace linkequity {

/// A BGL edge descriptor: the endpoints and the edge's position in the row it came from.
struct bgl_edge {
    node_id source = 0;
    node_id target = 0;
    edge_offset index = 0;  ///< position in out_targets() (out-edges) or in_sources() (in-edges)
    friend bool operator==(const bgl_edge& a, const bgl_edge& b) {
        return a.source == b.source && a.target == b.target;
    }
    friend bool operator!=(const bgl_edge& a, const bgl_edge& b) { return !(a == b); }
};

/// Iterates one adjacency row as bgl_edge values. `Out` = out-edges (row node is the source).
template <bool Out>
class bgl_edge_iterator
    : public boost::iterator_facade<bgl_edge_iterator<Out>, bgl_edge,
                                    boost::random_access_traversal_tag, bgl_edge, std::ptrdiff_t> {
public:
    bgl_edge_iterator() = default;
    bgl_edge_iterator(node_id row, const node_id* adj, edge_offset pos)
        : row_(row), adj_(adj), pos_(pos) {}

private:
    friend class boost::iterator_core_access;
    bgl_edge dereference() const {
        return Out ? bgl_edge{row_, adj_[pos_], pos_} : bgl_edge{adj_[pos_], row_, pos_};
    }
    bool equal(const bgl_edge_iterator& o) const { return pos_ == o.pos_; }
    void increment() { ++pos_; }
    void decrement() { --pos_; }
    void advance(std::ptrdiff_t d) { pos_ += d; }
    std::ptrdiff_t distance_to(const bgl_edge_iterator& o) const {
        return static_cast<std::ptrdiff_t>(o.pos_) - static_cast<std::ptrdiff_t>(pos_);
    }
    node_id row_ = 0;
    const node_id* adj_ = nullptr;
    edge_offset pos_ = 0;
};

struct bgl_traversal_category : virtual boost::vertex_list_graph_tag,
                                virtual boost::bidirectional_graph_tag,  // implies incidence
                                virtual boost::adjacency_graph_tag {};

}  // namespace linkequity

namespace boost {

template <>
struct graph_traits<linkequity::csr_graph> {
    using vertex_descriptor = linkequity::node_id;
    using edge_descriptor = linkequity::bgl_edge;
    using directed_category = bidirectional_tag;
    using edge_parallel_category = allow_parallel_edge_tag;
    using traversal_category = linkequity::bgl_traversal_category;
    using vertex_iterator = counting_iterator<linkequity::node_id>;
    using out_edge_iterator = linkequity::bgl_edge_iterator<true>;
    using in_edge_iterator = linkequity::bgl_edge_iterator<false>;
    using adjacency_iterator = const linkequity::node_id*;
    using vertices_size_type = std::size_t;
    using edges_size_type = std::size_t;
    using degree_size_type = std::size_t;
    static vertex_descriptor null_vertex() { return ~linkequity::node_id{0}; }
};

template <>
struct property_map<linkequity::csr_graph, vertex_index_t> {
    using type = typed_identity_property_map<linkequity::node_id>;
    using const_type = type;
};

}  // namespace boost

namespace linkequity {

// Free functions found by argument-dependent lookup, as the BGL concepts require.
inline std::size_t num_vertices(const csr_graph& g) { return g.num_nodes(); }
inline std::size_t num_edges(const csr_graph& g) { return g.num_edges(); }
inline std::pair<boost::counting_iterator<node_id>, boost::counting_iterator<node_id>> vertices(
    const csr_graph& g) {
    return {boost::counting_iterator<node_id>(0),
            boost::counting_iterator<node_id>(static_cast<node_id>(g.num_nodes()))};
}
inline node_id source(const bgl_edge& e, const csr_graph&) { return e.source; }
inline node_id target(const bgl_edge& e, const csr_graph&) { return e.target; }
/// @throws std::logic_error on a lean graph (no out-adjacency), as csr_graph::out_degree does.
inline std::pair<bgl_edge_iterator<true>, bgl_edge_iterator<true>> out_edges(node_id u,
                                                                             const csr_graph& g) {
    (void)g.out_degree(u);  // the checked accessor: throws on a lean graph
    const auto off = g.out_offsets();
    const node_id* adj = g.out_targets().data();
    return {{u, adj, off[u]}, {u, adj, off[u + 1]}};
}
inline std::pair<bgl_edge_iterator<false>, bgl_edge_iterator<false>> in_edges(node_id v,
                                                                              const csr_graph& g) {
    const auto off = g.in_offsets();
    const node_id* adj = g.in_sources().data();
    return {{v, adj, off[v]}, {v, adj, off[v + 1]}};
}
inline std::size_t out_degree(node_id u, const csr_graph& g) { return g.out_degree(u); }
inline std::size_t in_degree(node_id v, const csr_graph& g) { return g.in_degree(v); }
inline std::size_t degree(node_id v, const csr_graph& g) {
    return g.out_degree(v) + g.in_degree(v);
}
inline std::pair<const node_id*, const node_id*> adjacent_vertices(node_id u, const csr_graph& g) {
    const auto row = g.out_neighbors(u);
    return {row.begin(), row.end()};
}
inline boost::typed_identity_property_map<node_id> get(boost::vertex_index_t, const csr_graph&) {
    return {};
}
inline node_id get(boost::vertex_index_t, const csr_graph&, node_id v) { return v; }

}  // namespace linkequity

// ------------------------------------------------------------------ any BGL graph → csr_graph

namespace linkequity {
namespace detail {

/// Whether P is a property map whose key is K (void_t detection: false for non-maps).
template <class P, class K, class = void>
struct is_property_map_of : std::false_type {};
template <class P, class K>
struct is_property_map_of<P, K, std::void_t<typename boost::property_traits<P>::key_type>>
    : std::is_convertible<K, typename boost::property_traits<P>::key_type> {};

/// Stand-in weight map of the unweighted overloads.
struct no_edge_weight {};

/// The checked index of vertex v: in [0, n) and not given to another vertex before.
template <class IndexMap, class Vertex>
node_id checked_index(const IndexMap& index, const Vertex& v, std::size_t n) {
    const auto i = get(index, v);
    if constexpr (std::is_signed_v<decltype(i)>) {
        if (i < 0)
            throw std::out_of_range("to_csr_graph: the vertex index map gives " +
                                    std::to_string(i) + ", expected an index in [0, " +
                                    std::to_string(n) + ")");
    }
    if (static_cast<std::uint64_t>(i) >= n)
        throw std::out_of_range("to_csr_graph: the vertex index map gives " + std::to_string(i) +
                                ", expected an index in [0, " + std::to_string(n) +
                                ") (n = num_vertices)");
    return static_cast<node_id>(i);
}

template <class G, class IndexMap, class WeightMap>
csr_graph to_csr_graph_impl(const G& g, const IndexMap& index, const WeightMap& weight,
                            const build_options& options) {
    constexpr bool weighted = !std::is_same_v<WeightMap, no_edge_weight>;
    const std::size_t n = num_vertices(g);
    if (n > max_nodes)
        throw std::invalid_argument("to_csr_graph: the graph has " + std::to_string(n) +
                                    " vertices, at most " + std::to_string(max_nodes) +
                                    " are allowed");
    std::vector<char> seen(n, 0);
    std::size_t m = 0;
    for (auto [vi, vend] = vertices(g); vi != vend; ++vi) {
        const node_id i = checked_index(index, *vi, n);
        if (seen[i])
            throw std::invalid_argument("to_csr_graph: the vertex index map gives index " +
                                        std::to_string(i) + " to two vertices (not one-to-one)");
        seen[i] = 1;
        m += out_degree(*vi, g);
    }
    std::vector<node_id> src, dst;
    std::vector<edge_weight> w;
    src.reserve(m);
    dst.reserve(m);
    if constexpr (weighted) w.reserve(m);
    for (auto [vi, vend] = vertices(g); vi != vend; ++vi) {
        const auto u = static_cast<node_id>(get(index, *vi));  // checked above
        for (auto [ei, eend] = out_edges(*vi, g); ei != eend; ++ei) {
            src.push_back(u);
            dst.push_back(static_cast<node_id>(get(index, target(*ei, g))));
            if constexpr (weighted) w.push_back(static_cast<edge_weight>(get(weight, *ei)));
        }
    }
    return graph_builder::build(n, src, dst, {}, w, options);
}

}  // namespace detail

/// Converts a Boost.Graph graph into a csr_graph, node id = the vertex's index in `index`.
///
/// G models VertexListGraph and IncidenceGraph (adjacency_list of any selectors, csr_graph,
/// compressed_sparse_row_graph …); `index` is a readable property map vertex → integer that
/// must be a bijection onto [0, num_vertices(g)) — e.g. a vecS graph's own vertex_index, or for
/// listS vertices an associative_property_map the caller fills. Every out-edge u → v of g
/// becomes an edge index[u] → index[v] given to graph_builder::build with `options` (so
/// self-loops are dropped and parallel edges merged unless the options say otherwise).
/// Undirected graphs list each edge {u, v} among the out-edges of both ends, so they become
/// directed graphs with both directions (what networkx.pagerank does with an undirected graph).
///
/// Cost: O(n + m) time for two passes over g plus graph_builder::build; memory: 8 bytes per edge
/// of staging (12 when weighted) and n bytes for the one-to-one check, besides the result.
/// @throws std::out_of_range      an index is negative or >= num_vertices(g).
/// @throws std::invalid_argument  two vertices share an index, more than max_nodes vertices, or
///                                (weighted overloads) a weight is NaN, infinite or negative.
/// @throws std::logic_error       g is a lean csr_graph (it has no out-edges to list).
template <class G, class IndexMap,
          std::enable_if_t<detail::is_property_map_of<
                               IndexMap, typename boost::graph_traits<G>::vertex_descriptor>::value,
                           int> = 0>
csr_graph to_csr_graph(const G& g, const IndexMap& index, const build_options& options = {}) {
    return detail::to_csr_graph_impl(g, index, detail::no_edge_weight{}, options);
}

/// Same, with g's own vertex_index map (vecS vertex storage, csr_graph, …).
template <class G>
csr_graph to_csr_graph(const G& g, const build_options& options = {}) {
    return to_csr_graph(g, get(boost::vertex_index, g), options);
}

/// Weighted: edge e gets weight get(weight, e) (any arithmetic value, stored as float), e.g.
/// `to_csr_graph(g, get(boost::edge_weight, g), get(boost::vertex_index, g))`. Parallel edges
/// merged by the default build_options have their weights summed. Costs and errors as above.
template <class G, class WeightMap, class IndexMap,
          std::enable_if_t<detail::is_property_map_of<
                               IndexMap, typename boost::graph_traits<G>::vertex_descriptor>::value,
                           int> = 0>
csr_graph to_csr_graph(const G& g, const WeightMap& weight, const IndexMap& index,
                       const build_options& options = {}) {
    return detail::to_csr_graph_impl(g, index, weight, options);
}

/// Weighted with g's own vertex_index map.
template <class G, class WeightMap,
          std::enable_if_t<detail::is_property_map_of<
                               WeightMap, typename boost::graph_traits<G>::edge_descriptor>::value,
                           int> = 0>
csr_graph to_csr_graph(const G& g, const WeightMap& weight, const build_options& options = {}) {
    return detail::to_csr_graph_impl(g, get(boost::vertex_index, g), weight, options);
}

}  // namespace linkequity
