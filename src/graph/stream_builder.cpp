// SPDX-License-Identifier: MIT
// Graphs from edge streams: materialize() and the memory-lean two-pass builder as named passes
// (count_in_degrees → prefix sum → scatter_sources with atomic cursors → sort_and_merge_rows in
// place → count_out_degrees).
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

/// Pass 1: the in-degree of every node v in offsets[v + 1] (offsets[0] = 0). With
/// `degree_order`, nodes are renumbered by decreasing out-degree: fills *degree_order (new →
/// old) and new_of (old → new), and the counts are stored under the new ids.
detail::buffer<edge_offset> count_in_degrees(const edge_stream& s, bool drop_loops,
                                             std::vector<node_id>* degree_order,
                                             std::vector<node_id>& new_of) {
    const std::size_t n = s.num_nodes;
    detail::buffer<edge_offset> offsets(n + 1);
    std::fill(offsets.data(), offsets.data() + n + 1, edge_offset{0});
    edge_offset* off = offsets.data();
    std::vector<std::uint32_t> out_count(degree_order ? n : 0, 0);
    for_each_edge(s, [&](node_id u, node_id v) {
        if (drop_loops && u == v) return;
        fetch_add(&off[v + 1], 1);
        if (degree_order) __atomic_fetch_add(&out_count[u], 1u, __ATOMIC_RELAXED);
    });
    if (!degree_order) return offsets;
    detail::order_by_decreasing(out_count, *degree_order, new_of);
    out_count = {};
    detail::buffer<edge_offset> renumbered(n + 1);
    renumbered[0] = 0;
    for (std::size_t v = 0; v < n; ++v) renumbered[v + 1] = off[(*degree_order)[v] + 1];
    return renumbered;
}

/// Pass 3: replays the stream and scatters each edge's source into its target's row (ids
/// through new_of when not empty); offsets[v] serves as v's cursor, and is row v's start again
/// on return. Rows come out in thread-timing order.
detail::buffer<node_id> scatter_sources(const edge_stream& s, bool drop_loops,
                                        const std::vector<node_id>& new_of,
                                        detail::buffer<edge_offset>& offsets) {
    const std::size_t n = s.num_nodes;
    edge_offset* off = offsets.data();
    detail::buffer<node_id> in_sources(off[n]);
    node_id* sources = in_sources.data();
    if (!new_of.empty()) {
        for_each_edge(s, [&](node_id u, node_id v) {
            if (!(drop_loops && u == v)) sources[fetch_add(&off[new_of[v]], 1)] = new_of[u];
        });
    } else {
        for_each_edge(s, [&](node_id u, node_id v) {
            if (!(drop_loops && u == v)) sources[fetch_add(&off[v], 1)] = u;
        });
    }
    for (std::size_t v = n; v > 0; --v) off[v] = off[v - 1];  // cursor v is row v+1's start
    off[0] = 0;
    return in_sources;
}

/// Pass 4: rows in a deterministic order (sorted), then with `merge` parallel edges merged:
/// new row lengths first (parallel), then a serial left-compaction.
void sort_and_merge_rows(std::size_t n, bool merge, detail::buffer<edge_offset>& offsets,
                         detail::buffer<node_id>& in_sources) {
    edge_offset* off = offsets.data();
    node_id* sources = in_sources.data();
    std::vector<node_id> kept(merge ? n : 0);
#pragma omp parallel for schedule(dynamic, 1024) if (n > detail::parallel_threshold)
    for (std::size_t v = 0; v < n; ++v) {
        std::sort(sources + off[v], sources + off[v + 1]);
        if (merge)
            kept[v] = static_cast<node_id>(std::unique(sources + off[v], sources + off[v + 1]) -
                                           (sources + off[v]));
    }
    if (!merge) return;
    edge_offset w = 0;
    for (std::size_t v = 0; v < n; ++v) {
        const edge_offset begin = off[v];
        std::copy(sources + begin, sources + begin + kept[v], sources + w);
        off[v] = w;
        w += kept[v];
    }
    off[n] = w;
    kept = {};
    in_sources.truncate(w);  // no reallocation: a copy would double the peak
}

/// Pass 5, out-weights: how often each node is a source.
detail::buffer<double> count_out_degrees(std::size_t n, const detail::buffer<node_id>& in_sources,
                                         std::size_t m) {
    const node_id* sources = in_sources.data();
    detail::buffer<double> weight(n);
    std::vector<std::uint32_t> outdeg(n, 0);  // < 2^32 edges per node (ids are 32-bit)
#pragma omp parallel for if (m > detail::parallel_threshold)
    for (std::size_t e = 0; e < m; ++e) __atomic_fetch_add(&outdeg[sources[e]], 1u, __ATOMIC_RELAXED);
    for (std::size_t u = 0; u < n; ++u) weight[u] = static_cast<double>(outdeg[u]);
    return weight;
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
    std::vector<node_id> new_of;  // original id → new id (empty when not renumbering)
    detail::buffer<edge_offset> offsets = count_in_degrees(s, drop_loops, degree_order, new_of);
    for (std::size_t v = 0; v < n; ++v) offsets[v + 1] += offsets[v];  // pass 2: prefix sum
    detail::buffer<node_id> sources = scatter_sources(s, drop_loops, new_of, offsets);
    new_of = {};
    sort_and_merge_rows(n, options.duplicates == duplicate_policy::merge, offsets, sources);

    csr_graph g;
    g.num_nodes_ = n;
    g.lean_ = true;
    g.num_edges_ = offsets[n];
    g.lean_out_weight_ = count_out_degrees(n, sources, g.num_edges_);
    g.in_offsets_ = std::move(offsets);
    g.in_sources_ = std::move(sources);
    return g;
}

}  // namespace linkequity
