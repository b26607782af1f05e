// SPDX-License-Identifier: MIT
// graph_builder, as named passes: validate_input → group_by_target (counting sort of the input
// by target) → sort_into_out_rows (counting sort by source: out rows sorted by target), or
// copy_sorted_rows in their place when the input is already in (source, target) order →
// merge_parallel_edges → transpose (counting sort by target: in rows sorted by source) →
// out_weight_sums (lean graphs). Each sort is stable and parallel over edge chunks.
#include "linkequity/graph/builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "counting_sort.hpp"
#include "linkequity/detail/parallel.hpp"

namespace linkequity {
namespace {

using detail::balanced_rows;
using detail::buffer;
using detail::chunk_count;
using detail::counting_scatter;

/// Visits a CSR's edges row by row: f(key = neighbour, id = row, edge index).
auto csr_visitor(const buffer<edge_offset>& offsets, const buffer<node_id>& adj,
                 const std::vector<std::size_t>& bounds) {
    return [&offsets, &adj, &bounds](int t, auto&& f) {
        for (std::size_t r = bounds[t]; r < bounds[t + 1]; ++r)
            for (edge_offset e = offsets[r]; e < offsets[r + 1]; ++e)
                f(adj[e], static_cast<node_id>(r), e);
    };
}

void validate_input(std::size_t n, span<const node_id> src, span<const node_id> dst,
                    span<const edge_flags> flags, span<const edge_weight> weights) {
    if (src.size() != dst.size())
        throw std::invalid_argument(fmt::format(
            "graph_builder: src has {} entries but dst has {}; they must be equal", src.size(),
            dst.size()));
    if (!flags.empty() && flags.size() != src.size())
        throw std::invalid_argument(fmt::format(
            "graph_builder: flags has {} entries, expected 0 or {} (one per edge)", flags.size(),
            src.size()));
    if (!weights.empty() && weights.size() != src.size())
        throw std::invalid_argument(fmt::format(
            "graph_builder: weights has {} entries, expected 0 or {} (one per edge)",
            weights.size(), src.size()));
    if (n > max_nodes)
        throw std::invalid_argument(fmt::format(
            "graph_builder: num_nodes is {}, at most {} nodes fit 32-bit ids", n, max_nodes));
    const std::size_t m = src.size();
    std::size_t bad_id = m, bad_weight = m;
#pragma omp parallel for reduction(min : bad_id, bad_weight) if (m > detail::parallel_threshold)
    for (std::size_t e = 0; e < m; ++e) {
        if ((src[e] >= n || dst[e] >= n) && e < bad_id) bad_id = e;
        if (!weights.empty() && !(std::isfinite(weights[e]) && weights[e] >= 0) && e < bad_weight)
            bad_weight = e;
    }
    if (bad_id < m) {
        const bool s = src[bad_id] >= n;
        throw std::out_of_range(fmt::format(
            "graph_builder: edge {} has {} {} but num_nodes is {} (ids must be < num_nodes)",
            bad_id, s ? "source" : "target", s ? src[bad_id] : dst[bad_id], n));
    }
    if (bad_weight < m)
        throw std::invalid_argument(fmt::format(
            "graph_builder: edge {} has weight {}, expected a finite number >= 0", bad_weight,
            weights[bad_weight]));
}

/// One direction of a CSR under construction: offsets (n + 1), ids, and flags / weights when
/// the graph has them (has_flags / has_weights say so even when there are no edges).
struct adjacency {
    buffer<edge_offset> offsets;
    buffer<node_id> ids;
    buffer<edge_flags> flags;
    buffer<edge_weight> weights;
    bool has_flags = false, has_weights = false;

    /// Empty ids/flags/weights arrays for `m` edges.
    void allocate(std::size_t m) {
        ids = buffer<node_id>(m);
        if (has_flags) flags = buffer<edge_flags>(m);
        if (has_weights) weights = buffer<edge_weight>(m);
    }
    /// Where a counting_scatter puts its items, copying attributes from `from`'s arrays.
    detail::scatter_target target(const edge_flags* from_flags,
                                  const edge_weight* from_weights) {
        return {ids.data(), has_flags ? flags.data() : nullptr,
                has_weights ? weights.data() : nullptr, from_flags, from_weights};
    }
};

/// Pass 1, group by target: input → edges grouped by target (ids = sources), in input order
/// within a group; drops self-loops (when asked) and edges with a flag of `drop_mask`.
adjacency group_by_target(std::size_t n, span<const node_id> src, span<const node_id> dst,
                          span<const edge_flags> flags, span<const edge_weight> weights,
                          bool drop_loops, edge_flags drop_mask) {
    const std::size_t m = src.size();
    adjacency grouped;
    grouped.has_flags = !flags.empty();
    grouped.has_weights = !weights.empty();
    grouped.allocate(m);
    const int c1 = chunk_count(m);
    auto visit_input = [&](int t, auto&& f) {
        const std::size_t lo = m / c1 * t + std::min<std::size_t>(t, m % c1);
        const std::size_t hi = lo + m / c1 + (static_cast<std::size_t>(t) < m % c1 ? 1 : 0);
        for (std::size_t e = lo; e < hi; ++e) {
            if (drop_loops && src[e] == dst[e]) continue;
            if (drop_mask && (flags[e] & drop_mask)) continue;
            f(dst[e], src[e], e);
        }
    };
    grouped.offsets =
        counting_scatter(n, c1, visit_input, grouped.target(flags.data(), weights.data()));
    return grouped;
}

/// Whether the input is in (source, target) order, non-decreasing. O(m) for ordered input,
/// parallel; each chunk stops at its first edge out of order, so unordered input (edge lists,
/// generated graphs) costs about a look at each chunk's start, not a pass over every edge.
bool in_row_order(span<const node_id> src, span<const node_id> dst) {
    const std::size_t m = src.size();
    const int chunks = chunk_count(m);
    int out_of_order = 0;
#pragma omp parallel for schedule(static, 1) reduction(| : out_of_order) if (chunks > 1)
    for (int t = 0; t < chunks; ++t) {
        const auto [lo, hi] = detail::chunk_slice(m, chunks, t);
        for (std::size_t e = std::max<std::size_t>(lo, 1); e < hi; ++e)
            if (src[e] < src[e - 1] || (src[e] == src[e - 1] && dst[e] < dst[e - 1])) {
                out_of_order = 1;
                break;
            }
    }
    return out_of_order == 0;
}

/// Passes 1 and 2 at once, for input already in (source, target) order (in_row_order): the
/// out rows are the input itself less the dropped edges (the same as group_by_target drops),
/// so the two counting sorts become one filtered copy. The rows are those the two passes
/// give: both keep input order among equal (source, target) pairs. O(n + m), parallel over
/// chunks that start at a row's first edge.
adjacency copy_sorted_rows(std::size_t n, span<const node_id> src, span<const node_id> dst,
                           span<const edge_flags> flags, span<const edge_weight> weights,
                           bool drop_loops, edge_flags drop_mask) {
    const std::size_t m = src.size();
    const auto kept = [&](std::size_t e) {
        return !(drop_loops && src[e] == dst[e]) && !(drop_mask && (flags[e] & drop_mask));
    };
    const int chunks = chunk_count(m);
    std::vector<std::size_t> lo(static_cast<std::size_t>(chunks) + 1, m), count(lo.size(), 0);
    lo[0] = 0;
    for (int t = 1; t < chunks; ++t) {  // a cut moves on to the next row's first edge
        std::size_t e = std::max(lo[t - 1], detail::chunk_slice(m, chunks, t).first);
        while (e > 0 && e < m && src[e] == src[e - 1]) ++e;
        lo[t] = e;
    }
#pragma omp parallel for schedule(static, 1) if (chunks > 1)
    for (int t = 0; t < chunks; ++t)
        for (std::size_t e = lo[t]; e < lo[t + 1]; ++e) count[t + 1] += kept(e) ? 1 : 0;
    for (int t = 0; t < chunks; ++t) count[t + 1] += count[t];

    adjacency out;
    out.has_flags = !flags.empty();
    out.has_weights = !weights.empty();
    out.allocate(count[chunks]);
    out.offsets = buffer<edge_offset>(n + 1);
    std::fill_n(out.offsets.data(), n + 1, edge_offset{0});
#pragma omp parallel for schedule(static, 1) if (chunks > 1)
    for (int t = 0; t < chunks; ++t) {
        std::size_t w = count[t];
        for (std::size_t e = lo[t]; e < lo[t + 1]; ++e) {
            if (!kept(e)) continue;
            out.ids[w] = dst[e];
            if (out.has_flags) out.flags[w] = flags[e];
            if (out.has_weights) out.weights[w] = weights[e];
            out.offsets[src[e] + 1] = ++w;  // each row lies in one chunk: one writer
        }
    }
    for (std::size_t u = 0; u < n; ++u)  // rows without kept edges end where the last one did
        out.offsets[u + 1] = std::max(out.offsets[u + 1], out.offsets[u]);
    return out;
}

/// Pass 2, out rows: grouped edges → out rows, sorted by target because the groups are
/// visited in target order. Frees `grouped` before returning.
adjacency sort_into_out_rows(std::size_t n, adjacency&& grouped) {
    adjacency out;
    out.has_flags = grouped.has_flags;
    out.has_weights = grouped.has_weights;
    const std::size_t kept = grouped.offsets[n];
    out.allocate(kept);
    const int c2 = chunk_count(kept);
    const auto bounds = balanced_rows(grouped.offsets.view(), c2);
    out.offsets = counting_scatter(n, c2, csr_visitor(grouped.offsets, grouped.ids, bounds),
                                   out.target(grouped.flags.data(), grouped.weights.data()));
    grouped = adjacency{};
    return out;
}

/// Pass 3, merge parallel edges: rows are sorted, so copies are adjacent; compacts in place
/// (serial: rows move left over their predecessors). Flags merge as merge_excluded says;
/// weights add up (duplicate_policy::count first gives every edge weight 1).
void merge_parallel_edges(std::size_t n, adjacency& out, bool count, edge_flags excluded) {
    const std::size_t kept = out.offsets[n];
    if (count && !out.has_weights) {
        out.weights = buffer<edge_weight>(kept);
        std::fill(out.weights.data(), out.weights.data() + kept, edge_weight(1));
        out.has_weights = true;
    }
    const bool has_flags = out.has_flags, has_weights = out.has_weights;
    bool followable = false;  // whether the edge at w - 1 has a followable copy
    edge_offset w = 0, row_begin = 0;
    for (std::size_t u = 0; u < n; ++u) {
        const edge_offset new_begin = w, end = out.offsets[u + 1];
        for (edge_offset e = row_begin; e < end; ++e) {
            if (w > new_begin && out.ids[w - 1] == out.ids[e]) {
                if (has_flags) {
                    const edge_flags f = out.flags[e];
                    const bool f_followable = (f & excluded) == 0;
                    edge_flags& merged = out.flags[w - 1];
                    if (followable && f_followable) merged &= f;
                    else if (f_followable) merged = f, followable = true;
                    else if (!followable) merged |= f;
                }
                if (has_weights) out.weights[w - 1] += out.weights[e];
                continue;
            }
            out.ids[w] = out.ids[e];
            if (has_flags) {
                out.flags[w] = out.flags[e];
                followable = (out.flags[e] & excluded) == 0;
            }
            if (has_weights) out.weights[w] = out.weights[e];
            ++w;
        }
        out.offsets[u] = new_begin;
        row_begin = end;
    }
    out.offsets[n] = w;
    out.ids.shrink(w);
    if (has_flags) out.flags.shrink(w);
    if (has_weights) out.weights.shrink(w);
}

/// Pass 4, transpose: out rows → in rows, sorted by source because out rows are visited in
/// source order.
adjacency transpose(std::size_t n, const adjacency& out) {
    adjacency in;
    in.has_flags = out.has_flags;
    in.has_weights = out.has_weights;
    const std::size_t m = out.offsets[n];
    in.allocate(m);
    const int c3 = chunk_count(m);
    const auto bounds = balanced_rows(out.offsets.view(), c3);
    in.offsets = counting_scatter(n, c3, csr_visitor(out.offsets, out.ids, bounds),
                                  in.target(out.flags.data(), out.weights.data()));
    return in;
}

/// Pass 5 (lean graphs): each node's total out-weight (its out-degree when unweighted).
buffer<double> out_weight_sums(std::size_t n, const adjacency& out) {
    buffer<double> sums(n);
    for (std::size_t u = 0; u < n; ++u) {
        double s = 0;
        for (edge_offset e = out.offsets[u]; e < out.offsets[u + 1]; ++e)
            s += out.has_weights ? static_cast<double>(out.weights[e]) : 1.0;
        sums[u] = s;
    }
    return sums;
}

}  // namespace

csr_graph graph_builder::build(std::size_t n, span<const node_id> src, span<const node_id> dst,
                               span<const edge_flags> flags, span<const edge_weight> weights,
                               const build_options& options) {
    validate_input(n, src, dst, flags, weights);
    const bool drop_loops = options.self_loops == self_loop_policy::drop;
    const edge_flags drop_mask = options.lean && !flags.empty() ? options.lean_excluded : 0;
    adjacency out =
        in_row_order(src, dst)
            ? copy_sorted_rows(n, src, dst, flags, weights, drop_loops, drop_mask)
            : sort_into_out_rows(
                  n, group_by_target(n, src, dst, flags, weights, drop_loops, drop_mask));
    if (options.duplicates != duplicate_policy::keep)
        merge_parallel_edges(n, out, options.duplicates == duplicate_policy::count,
                             options.merge_excluded);
    adjacency in = transpose(n, out);

    csr_graph g;
    g.num_nodes_ = n;
    g.num_edges_ = out.offsets[n];
    g.in_offsets_ = std::move(in.offsets);
    g.in_sources_ = std::move(in.ids);
    if (options.lean) {
        // Excluded edges are gone; the rest are followable by construction: no in_flags.
        g.lean_ = true;
        g.lean_out_weight_ = out_weight_sums(n, out);
    } else {
        g.in_flags_ = std::move(in.flags);
        g.out_offsets_ = std::move(out.offsets);
        g.out_targets_ = std::move(out.ids);
        g.out_flags_ = std::move(out.flags);
        g.out_weights_ = std::move(out.weights);
    }
    g.in_weights_ = std::move(in.weights);
    return g;
}

csr_graph build_graph(std::size_t num_nodes, span<const node_id> src, span<const node_id> dst,
                      const build_options& options) {
    return graph_builder::build(num_nodes, src, dst, {}, {}, options);
}

csr_graph build_graph(std::size_t num_nodes, span<const node_id> src, span<const node_id> dst,
                      span<const edge_flags> flags, span<const edge_weight> weights,
                      const build_options& options) {
    return graph_builder::build(num_nodes, src, dst, flags, weights, options);
}

csr_graph build_graph(const edge_list& edges, const build_options& options) {
    return graph_builder::build(edges.num_nodes, edges.src, edges.dst, edges.flags, edges.weights,
                                options);
}

}  // namespace linkequity
