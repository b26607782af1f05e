// SPDX-License-Identifier: MIT
// Makes csr_graph a Boost.Graph graph: VertexListGraph, IncidenceGraph, BidirectionalGraph and
// AdjacencyGraph, with an identity vertex_index map, so BGL algorithms (strong_components,
// breadth_first_search, dijkstra_shortest_paths …) run on it unchanged. The only header that
// includes Boost.Graph: include it where you need BGL, nowhere else (compile time).
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstddef>
#include <utility>

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
inline std::pair<bgl_edge_iterator<true>, bgl_edge_iterator<true>> out_edges(node_id u,
                                                                             const csr_graph& g) {
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
