// SPDX-License-Identifier: MIT
// graph_builder: validate → counting sort by target (input → in-grouped temp) → counting sort by
// source (temp → out rows sorted by target) → merge parallel edges → counting sort by target
// (out rows → in rows sorted by source). Each sort is stable and parallel over edge chunks.
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

}  // namespace

csr_graph graph_builder::build(std::size_t n, span<const node_id> src, span<const node_id> dst,
                               span<const edge_flags> flags, span<const edge_weight> weights,
                               const build_options& options) {
    validate_input(n, src, dst, flags, weights);
    const std::size_t m = src.size();
    const bool has_flags = !flags.empty();
    bool has_weights = !weights.empty();
    const bool drop_loops = options.self_loops == self_loop_policy::drop;
    const edge_flags drop_mask = options.lean && has_flags ? options.lean_excluded : 0;

    // Pass 1: input → temp grouped by target (ids = sources), in input order within a group.
    buffer<node_id> tmp(m);
    buffer<edge_flags> tmp_flags(has_flags ? m : 0);
    buffer<edge_weight> tmp_weights(has_weights ? m : 0);
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
    buffer<edge_offset> tmp_offsets =
        counting_scatter(n, c1, visit_input,
                         {tmp.data(), has_flags ? tmp_flags.data() : nullptr,
                          has_weights ? tmp_weights.data() : nullptr, flags.data(), weights.data()});
    const std::size_t kept = tmp_offsets[n];

    // Pass 2: temp → out rows, sorted by target because temp is visited in target order.
    csr_graph g;
    g.num_nodes_ = n;
    g.out_targets_ = buffer<node_id>(kept);
    if (has_flags) g.out_flags_ = buffer<edge_flags>(kept);
    if (has_weights) g.out_weights_ = buffer<edge_weight>(kept);
    {
        const int c2 = chunk_count(kept);
        const auto bounds = balanced_rows(tmp_offsets.view(), c2);
        g.out_offsets_ = counting_scatter(
            n, c2, csr_visitor(tmp_offsets, tmp, bounds),
            {g.out_targets_.data(), has_flags ? g.out_flags_.data() : nullptr,
             has_weights ? g.out_weights_.data() : nullptr, tmp_flags.data(), tmp_weights.data()});
    }
    tmp.reset();
    tmp_flags.reset();
    tmp_weights.reset();
    tmp_offsets.reset();

    // Parallel edges: rows are sorted, so copies are adjacent. Compact in place (serial: rows
    // move left over their predecessors).
    if (options.duplicates != duplicate_policy::keep) {
        const bool count = options.duplicates == duplicate_policy::count;
        if (count && !has_weights) {
            g.out_weights_ = buffer<edge_weight>(kept);
            std::fill(g.out_weights_.data(), g.out_weights_.data() + kept, edge_weight(1));
            has_weights = true;
        }
        const edge_flags excluded = options.merge_excluded;
        bool followable = false;  // whether the edge at w - 1 has a followable copy
        edge_offset w = 0, row_begin = 0;
        for (std::size_t u = 0; u < n; ++u) {
            const edge_offset new_begin = w, end = g.out_offsets_[u + 1];
            for (edge_offset e = row_begin; e < end; ++e) {
                if (w > new_begin && g.out_targets_[w - 1] == g.out_targets_[e]) {
                    if (has_flags) {
                        const edge_flags f = g.out_flags_[e];
                        const bool f_followable = (f & excluded) == 0;
                        edge_flags& merged = g.out_flags_[w - 1];
                        if (followable && f_followable) merged &= f;
                        else if (f_followable) merged = f, followable = true;
                        else if (!followable) merged |= f;
                    }
                    if (has_weights) g.out_weights_[w - 1] += g.out_weights_[e];
                    continue;
                }
                g.out_targets_[w] = g.out_targets_[e];
                if (has_flags) {
                    g.out_flags_[w] = g.out_flags_[e];
                    followable = (g.out_flags_[e] & excluded) == 0;
                }
                if (has_weights) g.out_weights_[w] = g.out_weights_[e];
                ++w;
            }
            g.out_offsets_[u] = new_begin;
            row_begin = end;
        }
        g.out_offsets_[n] = w;
        g.out_targets_.shrink(w);
        if (has_flags) g.out_flags_.shrink(w);
        if (has_weights) g.out_weights_.shrink(w);
    }
    g.num_edges_ = g.out_offsets_[n];

    // Pass 3: out rows → in rows, sorted by source because out rows are visited in source order.
    const std::size_t me = g.num_edges_;
    g.in_sources_ = buffer<node_id>(me);
    if (has_flags) g.in_flags_ = buffer<edge_flags>(me);
    if (has_weights) g.in_weights_ = buffer<edge_weight>(me);
    {
        const int c3 = chunk_count(me);
        const auto bounds = balanced_rows(g.out_offsets_.view(), c3);
        g.in_offsets_ = counting_scatter(
            n, c3, csr_visitor(g.out_offsets_, g.out_targets_, bounds),
            {g.in_sources_.data(), has_flags ? g.in_flags_.data() : nullptr,
             has_weights ? g.in_weights_.data() : nullptr, g.out_flags_.data(),
             g.out_weights_.data()});
    }

    if (options.lean) {
        g.lean_ = true;
        g.lean_out_weight_ = buffer<double>(n);
        for (std::size_t u = 0; u < n; ++u) {
            double s = 0;
            for (edge_offset e = g.out_offsets_[u]; e < g.out_offsets_[u + 1]; ++e)
                s += has_weights ? static_cast<double>(g.out_weights_[e]) : 1.0;
            g.lean_out_weight_[u] = s;
        }
        g.out_offsets_.reset();
        g.out_targets_.reset();
        g.out_flags_.reset();
        g.out_weights_.reset();
        g.in_flags_.reset();  // excluded edges are gone; the rest are followable by construction
    }
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
