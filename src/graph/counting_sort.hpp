// SPDX-License-Identifier: MIT
// Internal: the project's counting sorts — the stable parallel counting sort behind
// graph_builder's passes, the kernel's degree-ordered relabelling and cold-edge bins, and the
// web layer's link and member orders (counting_order). Not installed, not part of the API.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include "linkequity/config.hpp"
#include "linkequity/detail/buffer.hpp"
#include "linkequity/detail/parallel.hpp"
#include "linkequity/graph/edge_flags.hpp"
#include "linkequity/span.hpp"

namespace linkequity::detail {

/// Destination arrays of one counting-sort pass; flags/weights are null when absent.
struct scatter_target {
    node_id* ids;
    edge_flags* flags;
    edge_weight* weights;
    const edge_flags* src_flags;
    const edge_weight* src_weights;
};

/// Stable parallel counting sort. `visit(t, f)` calls f(key, item...) for every item of chunk t
/// in order (the same sequence on both calls); `place(slot, item...)` then stores the item at
/// its slot: the items of bucket `key` fill [offsets[key], offsets[key + 1]), chunk by chunk in
/// order, so the result is the serial stable sort whatever `chunks`. Returns the bucket offsets
/// (num_keys + 1). Extra memory: 8 · num_keys · chunks bytes.
template <class Visit, class Place>
buffer<edge_offset> counting_sort(std::size_t num_keys, int chunks, Visit&& visit, Place&& place) {
    std::vector<edge_offset> next(static_cast<std::size_t>(chunks) * num_keys, 0);
#pragma omp parallel for schedule(static, 1) if (chunks > 1)
    for (int t = 0; t < chunks; ++t) {
        edge_offset* count = next.data() + static_cast<std::size_t>(t) * num_keys;
        visit(t, [count](node_id key, auto&&...) { ++count[key]; });
    }
    buffer<edge_offset> offsets(num_keys + 1);
    edge_offset run = 0;
    for (std::size_t k = 0; k < num_keys; ++k) {
        offsets[k] = run;
        for (int t = 0; t < chunks; ++t) {
            edge_offset& c = next[static_cast<std::size_t>(t) * num_keys + k];
            const edge_offset here = c;
            c = run;
            run += here;
        }
    }
    offsets[num_keys] = run;
#pragma omp parallel for schedule(static, 1) if (chunks > 1)
    for (int t = 0; t < chunks; ++t) {
        edge_offset* slot = next.data() + static_cast<std::size_t>(t) * num_keys;
        visit(t, [slot, &place](node_id key, auto&&... item) { place(slot[key]++, item...); });
    }
    return offsets;
}

/// counting_sort of graph edges: `visit(t, f)` calls f(key, id, edge); the item lands at its
/// slot as ids[slot] = id, flags[slot] = src_flags[edge], weights[slot] = src_weights[edge].
template <class Visit>
buffer<edge_offset> counting_scatter(std::size_t num_keys, int chunks, Visit&& visit,
                                     const scatter_target& out) {
    return counting_sort(num_keys, chunks, visit,
                         [&out](edge_offset s, node_id id, edge_offset e) {
                             out.ids[s] = id;
                             if (out.flags) out.flags[s] = out.src_flags[e];
                             if (out.weights) out.weights[s] = out.src_weights[e];
                         });
}

/// How many chunks a pass over m items uses: 1 below the parallel threshold, else the threads.
inline int chunk_count(std::size_t m) {
    return m < parallel_threshold ? 1 : std::max(1, max_threads());
}

/// Items [first, second) of chunk t when n items are cut into `chunks` contiguous chunks of
/// near-equal size (the chunks counting_sort's callers visit). O(1).
inline std::pair<std::size_t, std::size_t> chunk_slice(std::size_t n, int chunks, int t) {
    const auto parts = static_cast<std::size_t>(chunks);
    return {n * static_cast<std::size_t>(t) / parts, n * static_cast<std::size_t>(t + 1) / parts};
}

/// The stable order of items 0..n-1 (or of `order`, when given) by key(item) in
/// [0, num_keys): returns the permuted items. counting_sort over contiguous chunks of the
/// sequence, one per thread (serial below parallel_threshold items), so the order is the
/// serial stable one on any thread count. key must be safe to call from several threads.
/// O(n + num_keys · chunks) time; 8 · num_keys · (chunks + 1) bytes of counts. `Index`, the
/// type of the returned items, may be narrower than std::size_t when every item fits it
/// (the caller's promise): half the memory and traffic with std::uint32_t. With `offsets`,
/// also hands back counting_sort's bucket offsets (num_keys + 1): the items of key k are
/// out[offsets[k], offsets[k + 1]).
template <class Index = std::size_t, class Key>
std::vector<Index> counting_order(std::size_t num_keys, const std::vector<std::size_t>& order,
                                  std::size_t n, Key key,
                                  buffer<edge_offset>* offsets = nullptr) {
    std::vector<Index> out(n);
    const int chunks = chunk_count(n);
    buffer<edge_offset> buckets = counting_sort(
        num_keys, chunks,
        [&](int t, auto&& f) {
            const auto [lo, hi] = chunk_slice(n, chunks, t);
            for (std::size_t i = lo; i < hi; ++i) {
                const std::size_t item = order.empty() ? i : order[i];
                f(static_cast<node_id>(key(item)), item);
            }
        },
        [&out](edge_offset slot, std::size_t item) { out[slot] = static_cast<Index>(item); });
    if (offsets) *offsets = std::move(buckets);
    return out;
}

/// Row boundaries splitting a CSR (offsets of n + 1 entries) into `chunks` row ranges with
/// about equal edge counts.
inline std::vector<std::size_t> balanced_rows(span<const edge_offset> offsets, int chunks) {
    const std::size_t n = offsets.size() - 1;
    const edge_offset m = offsets[n];
    std::vector<std::size_t> bounds(static_cast<std::size_t>(chunks) + 1, n);
    bounds[0] = 0;
    for (int t = 1; t < chunks; ++t) {
        const edge_offset goal = m / static_cast<edge_offset>(chunks) * static_cast<edge_offset>(t);
        bounds[t] = static_cast<std::size_t>(
            std::lower_bound(offsets.begin(), offsets.begin() + n, goal) - offsets.begin());
    }
    return bounds;
}

/// Numbers nodes by decreasing `degree`, ties by id: old_of[new] = old, new_of[old] = new.
/// A stable counting sort (counting_sort) over chunk_count(n) chunks of ids: O(n + max degree ·
/// chunks), parallel, and the same numbering whatever the chunk count. Extra memory: 8 · (max
/// degree + 1) · chunks bytes.
template <class Degree>
void order_by_decreasing(const std::vector<Degree>& degree, std::vector<node_id>& old_of,
                         std::vector<node_id>& new_of) {
    const std::size_t n = degree.size();
    Degree max_degree = 0;
#pragma omp parallel for reduction(max : max_degree) if (n > parallel_threshold)
    for (std::size_t u = 0; u < n; ++u) max_degree = std::max(max_degree, degree[u]);
    old_of.resize(n);
    new_of.resize(n);
    const int chunks = chunk_count(n);
    const auto top = static_cast<std::size_t>(max_degree);
    counting_sort(
        top + 1, chunks,
        [&](int t, auto&& f) {
            const auto [first, last] = chunk_slice(n, chunks, t);
            for (std::size_t u = first; u < last; ++u)
                f(static_cast<node_id>(top - static_cast<std::size_t>(degree[u])),
                  static_cast<node_id>(u));
        },
        [&](edge_offset slot, node_id u) {
            old_of[slot] = u;
            new_of[u] = static_cast<node_id>(slot);
        });
}

}  // namespace linkequity::detail
