// SPDX-License-Identifier: MIT
// csr_graph: an immutable directed graph in compressed sparse row form, made by graph_builder
// (builder.hpp). Out-adjacency (rows sorted by target) and in-adjacency (rows sorted by source),
// 32-bit node ids, 64-bit offsets, optional per-edge flags and float weights as parallel arrays.
// A "lean" graph keeps only the in-adjacency and each node's out-weight: what PageRank needs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

#include "linkequity/config.hpp"
#include "linkequity/detail/buffer.hpp"
#include "linkequity/graph/csr_view.hpp"
#include "linkequity/graph/edge_flags.hpp"
#include "linkequity/span.hpp"

namespace linkequity {

class graph_builder;

/// Immutable, movable CSR graph. Copy with clone(). Thread-safe for concurrent reads.
///
/// Memory: out and in adjacency take 4 bytes per edge each, offsets 8 bytes per node each;
/// flags add 1 byte per edge per stored direction and weights 4, only when present.
class csr_graph {
public:
    csr_graph() = default;
    /// Moving leaves the source an empty graph (0 nodes, 0 edges).
    csr_graph(csr_graph&& other) noexcept { *this = std::move(other); }
    csr_graph& operator=(csr_graph&& o) noexcept {
        if (this == &o) return *this;
        num_nodes_ = std::exchange(o.num_nodes_, 0);
        num_edges_ = std::exchange(o.num_edges_, 0);
        lean_ = std::exchange(o.lean_, false);
        out_offsets_ = std::move(o.out_offsets_);
        out_targets_ = std::move(o.out_targets_);
        out_flags_ = std::move(o.out_flags_);
        out_weights_ = std::move(o.out_weights_);
        in_offsets_ = std::move(o.in_offsets_);
        in_sources_ = std::move(o.in_sources_);
        in_flags_ = std::move(o.in_flags_);
        in_weights_ = std::move(o.in_weights_);
        lean_out_weight_ = std::move(o.lean_out_weight_);
        return *this;
    }
    csr_graph(const csr_graph&) = delete;
    csr_graph& operator=(const csr_graph&) = delete;

    /// A deep copy. O(n + m).
    csr_graph clone() const;

    /// A lean graph over the caller's in-adjacency arrays, without copying them: `in`'s
    /// offsets, sources and weights become the graph's arrays, kept alive by `owner` (released
    /// when the graph and its copies of the pointer are gone). Only the out-weights are
    /// computed (n doubles: out(j) = Σ weights of j's edges, its out-degree when unweighted,
    /// summed in edge order). The rows must be sorted by source (non-decreasing; equal sources
    /// are parallel edges, kept), as graph_builder makes them, and `in` must carry no flags
    /// (a lean graph's edges are all followable). O(n + m) time to check and sum.
    /// @throws std::invalid_argument when in.validate() fails, when `in` has flags, or naming
    ///         the first row out of order (node, position, sources).
    static csr_graph adopt_lean(const csr_view& in, std::shared_ptr<const void> owner);

    std::size_t num_nodes() const noexcept { return num_nodes_; }
    std::size_t num_edges() const noexcept { return num_edges_; }

    /// False for a lean graph (built with build_options::lean): only in-edges are stored.
    bool has_out_edges() const noexcept { return !lean_; }
    bool has_flags() const noexcept { return !in_flags_.empty(); }
    bool has_weights() const noexcept { return !in_weights_.empty(); }
    bool is_lean() const noexcept { return lean_; }

    // --- out-adjacency (throws std::logic_error on a lean graph) -----------------------------
    std::size_t out_degree(node_id u) const { return out_end(u) - out_begin(u); }
    span<const node_id> out_neighbors(node_id u) const {
        return {out_targets_.data() + out_begin(u), out_degree(u)};
    }
    span<const edge_flags> out_flags(node_id u) const {
        return has_flags() ? span<const edge_flags>{out_flags_.data() + out_begin(u), out_degree(u)}
                           : span<const edge_flags>{};
    }
    span<const edge_weight> out_weights(node_id u) const {
        return has_weights()
                   ? span<const edge_weight>{out_weights_.data() + out_begin(u), out_degree(u)}
                   : span<const edge_weight>{};
    }

    // --- in-adjacency (always present) --------------------------------------------------------
    std::size_t in_degree(node_id v) const { return in_offsets_[v + 1] - in_offsets_[v]; }
    span<const node_id> in_neighbors(node_id v) const {
        return {in_sources_.data() + in_offsets_[v], in_degree(v)};
    }
    span<const edge_flags> in_flags(node_id v) const {
        return has_flags() ? span<const edge_flags>{in_flags_.data() + in_offsets_[v], in_degree(v)}
                           : span<const edge_flags>{};
    }
    span<const edge_weight> in_weights(node_id v) const {
        return has_weights()
                   ? span<const edge_weight>{in_weights_.data() + in_offsets_[v], in_degree(v)}
                   : span<const edge_weight>{};
    }

    // --- raw arrays, for kernels and serialisation --------------------------------------------
    span<const edge_offset> out_offsets() const noexcept { return out_offsets_.view(); }
    span<const node_id> out_targets() const noexcept { return out_targets_.view(); }
    span<const edge_flags> out_flag_array() const noexcept { return out_flags_.view(); }
    span<const edge_weight> out_weight_array() const noexcept { return out_weights_.view(); }
    span<const edge_offset> in_offsets() const noexcept { return in_offsets_.view(); }
    span<const node_id> in_sources() const noexcept { return in_sources_.view(); }
    span<const edge_flags> in_flag_array() const noexcept { return in_flags_.view(); }
    span<const edge_weight> in_weight_array() const noexcept { return in_weights_.view(); }
    /// The in-adjacency as a csr_view (no copy; valid while the graph lives).
    csr_view in_view() const noexcept {
        return {num_nodes_, in_offsets_.view(), in_sources_.view(), in_weights_.view(),
                in_flags_.view()};
    }
    /// The out-adjacency as a csr_view: the in-adjacency of the transpose (edge j → i seen as
    /// i → j), so pagerank(g.out_view()) scores the reversed graph. Empty on a lean graph.
    csr_view out_view() const noexcept {
        if (lean_) return {};
        return {num_nodes_, out_offsets_.view(), out_targets_.view(), out_weights_.view(),
                out_flags_.view()};
    }
    /// Lean graphs only: the followable out-weight of every node (out-degree when unweighted).
    span<const double> lean_out_weight() const noexcept { return lean_out_weight_.view(); }

    /// Bytes held by the graph's arrays.
    std::size_t memory_bytes() const noexcept;

private:
    friend class graph_builder;
    friend struct graph_storage_access;  // binary snapshots (io/) build graphs from mapped arrays

    edge_offset out_begin(node_id u) const { return checked_out_offsets()[u]; }
    edge_offset out_end(node_id u) const { return checked_out_offsets()[u + 1]; }
    const edge_offset* checked_out_offsets() const;

    std::size_t num_nodes_ = 0;
    std::size_t num_edges_ = 0;
    bool lean_ = false;
    detail::buffer<edge_offset> out_offsets_;
    detail::buffer<node_id> out_targets_;
    detail::buffer<edge_flags> out_flags_;
    detail::buffer<edge_weight> out_weights_;
    detail::buffer<edge_offset> in_offsets_;
    detail::buffer<node_id> in_sources_;
    detail::buffer<edge_flags> in_flags_;
    detail::buffer<edge_weight> in_weights_;
    detail::buffer<double> lean_out_weight_;
};

}  // namespace linkequity
