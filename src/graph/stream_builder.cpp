// SPDX-License-Identifier: MIT
// Graphs from edge streams: materialize() and the memory-lean two-pass builder (count in-degrees,
// replay and scatter with atomic cursors, sort and merge each row in place, count out-degrees).
#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "counting_sort.hpp"
#include "linkequity/detail/parallel.hpp"
#include "linkequity/graph/edge_stream.hpp"

namespace linkequity {
namespace {

/// Atomic fetch-and-add on plain memory (GCC/Clang builtin; std::atomic_ref is C++20).
inline edge_offset fetch_add(edge_offset* p, edge_offset v) {
    return __atomic_fetch_add(p, v, __ATOMIC_RELAXED);
}

/// Calls f(src, dst) for every edge of the stream, blocks in parallel; each thread reuses one
/// block buffer. Throws std::out_of_range (after the parallel region) for an id >= num_nodes.
template <class F>
void for_each_edge(const edge_stream& s, F&& f) {
    const std::size_t blocks = s.num_blocks();
    std::size_t bad_block = blocks;
#pragma omp parallel
    {
        std::vector<node_id> src(s.block_size), dst(s.block_size);
#pragma omp for schedule(dynamic, 1) reduction(min : bad_block)
        for (std::size_t b = 0; b < blocks; ++b) {
            const std::size_t count = s.block_edges(b);
            s.fill(b, src.data(), dst.data());
            for (std::size_t e = 0; e < count; ++e) {
                if (src[e] >= s.num_nodes || dst[e] >= s.num_nodes) {
                    bad_block = std::min(bad_block, b);
                    break;
                }
                f(src[e], dst[e]);
            }
        }
    }
    if (bad_block < blocks)
        throw std::out_of_range(fmt::format(
            "build_lean_graph: block {} of the edge stream has an id >= num_nodes ({})", bad_block,
            s.num_nodes));
}

}  // namespace

edge_list materialize(const edge_stream& s) {
    edge_list el;
    el.num_nodes = s.num_nodes;
    el.src.resize(s.num_edges);
    el.dst.resize(s.num_edges);
    const std::size_t blocks = s.num_blocks();
#pragma omp parallel for schedule(dynamic, 1) if (blocks > 1)
    for (std::size_t b = 0; b < blocks; ++b)
        s.fill(b, el.src.data() + b * s.block_size, el.dst.data() + b * s.block_size);
    return el;
}

csr_graph build_lean_graph(const edge_stream& stream, const build_options& options,
                           std::vector<node_id>* degree_order) {
    return graph_builder::build_lean(stream, options, degree_order);
}

csr_graph graph_builder::build_lean(const edge_stream& s, const build_options& options,
                                   std::vector<node_id>* degree_order) {
    if (options.duplicates == duplicate_policy::count)
        throw std::invalid_argument(
            "build_lean_graph: duplicates = count needs per-edge weights; use merge or keep");
    if (s.num_nodes > max_nodes)
        throw std::invalid_argument(fmt::format(
            "build_lean_graph: num_nodes is {}, at most {} nodes fit 32-bit ids", s.num_nodes,
            max_nodes));
    const std::size_t n = s.num_nodes;
    const bool drop_loops = options.self_loops == self_loop_policy::drop;
    csr_graph g;
    g.num_nodes_ = n;
    g.lean_ = true;

    // Pass 1: in-degree counts, kept in offsets[v + 1] (and out-degrees, to renumber by them).
    g.in_offsets_ = detail::buffer<edge_offset>(n + 1);
    std::fill(g.in_offsets_.data(), g.in_offsets_.data() + n + 1, edge_offset{0});
    edge_offset* off = g.in_offsets_.data();
    std::vector<std::uint32_t> out_count(degree_order ? n : 0, 0);
    for_each_edge(s, [&](node_id u, node_id v) {
        if (drop_loops && u == v) return;
        fetch_add(&off[v + 1], 1);
        if (degree_order) __atomic_fetch_add(&out_count[u], 1u, __ATOMIC_RELAXED);
    });
    std::vector<node_id> new_of;  // original id → new id (identity when not renumbering)
    if (degree_order) {
        detail::order_by_decreasing(out_count, *degree_order, new_of);
        out_count = {};
        detail::buffer<edge_offset> renumbered(n + 1);
        renumbered[0] = 0;
        for (std::size_t v = 0; v < n; ++v) renumbered[v + 1] = off[(*degree_order)[v] + 1];
        g.in_offsets_ = std::move(renumbered);
        off = g.in_offsets_.data();
    }
    for (std::size_t v = 0; v < n; ++v) off[v + 1] += off[v];
    const edge_offset m = off[n];

    // Pass 2: replay and scatter; offsets[v] serves as v's cursor and ends at row v's end.
    g.in_sources_ = detail::buffer<node_id>(m);
    node_id* sources = g.in_sources_.data();
    if (degree_order) {
        for_each_edge(s, [&](node_id u, node_id v) {
            if (!(drop_loops && u == v)) sources[fetch_add(&off[new_of[v]], 1)] = new_of[u];
        });
        new_of = {};
    } else {
        for_each_edge(s, [&](node_id u, node_id v) {
            if (!(drop_loops && u == v)) sources[fetch_add(&off[v], 1)] = u;
        });
    }
    for (std::size_t v = n; v > 0; --v) off[v] = off[v - 1];  // cursor v is row v+1's start
    off[0] = 0;

    // Rows in a deterministic order (the scatter's order depends on thread timing), then
    // parallel edges merged: new row lengths first, then a serial left-compaction.
    const bool merge = options.duplicates == duplicate_policy::merge;
    std::vector<node_id> kept(merge ? n : 0);
#pragma omp parallel for schedule(dynamic, 1024) if (n > detail::parallel_threshold)
    for (std::size_t v = 0; v < n; ++v) {
        std::sort(sources + off[v], sources + off[v + 1]);
        if (merge)
            kept[v] = static_cast<node_id>(std::unique(sources + off[v], sources + off[v + 1]) -
                                           (sources + off[v]));
    }
    if (merge) {
        edge_offset w = 0;
        for (std::size_t v = 0; v < n; ++v) {
            const edge_offset begin = off[v];
            std::copy(sources + begin, sources + begin + kept[v], sources + w);
            off[v] = w;
            w += kept[v];
        }
        off[n] = w;
        kept = {};
        g.in_sources_.truncate(w);  // no reallocation: a copy would double the peak
    }
    g.num_edges_ = off[n];

    // Out-weights: how often each node is a source.
    g.lean_out_weight_ = detail::buffer<double>(n);
    std::vector<std::uint32_t> outdeg(n, 0);  // < 2^32 edges per node (ids are 32-bit)
    const std::size_t me = g.num_edges_;
#pragma omp parallel for if (me > detail::parallel_threshold)
    for (std::size_t e = 0; e < me; ++e) __atomic_fetch_add(&outdeg[sources[e]], 1u, __ATOMIC_RELAXED);
    for (std::size_t u = 0; u < n; ++u) g.lean_out_weight_[u] = static_cast<double>(outdeg[u]);
    return g;
}

}  // namespace linkequity
