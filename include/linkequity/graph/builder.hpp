// SPDX-License-Identifier: MIT
// graph_builder: the only way to make a csr_graph. Validates ids, weights and flags, then builds
// both directions by three stable counting sorts (one, when the input is already in (source,
// target) order) — O(n + m) time, no per-node allocation, parallel over edge chunks with
// OpenMP — and applies the self-loop and parallel-edge policies.
#pragma once

#include <cstddef>
#include <vector>

#include "linkequity/config.hpp"
#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/graph/edge_flags.hpp"
#include "linkequity/options.hpp"
#include "linkequity/span.hpp"

namespace linkequity {

/// What to do with an edge u → u.
enum class self_loop_policy { drop, keep };

/// What to do with several edges u → v.
///  - merge: one edge, followable when any copy is (followable = carries no bit of
///    build_options::merge_excluded): its flags are then the AND of the followable copies'
///    flags, else the OR of all copies' flags (so it stays excluded for every bit any copy
///    had); its weight is the sum of the copies' weights (unweighted input stays unweighted);
///  - count: one edge whose weight is the multiplicity (the sum of the copies' weights);
///  - keep: every copy stays a separate edge (multigraph).
enum class duplicate_policy { merge, count, keep };

inline constexpr enum_spelling<self_loop_policy> self_loop_policy_names[] = {
    {self_loop_policy::drop, "drop"}, {self_loop_policy::keep, "keep"}};
inline constexpr enum_spelling<duplicate_policy> duplicate_policy_names[] = {
    {duplicate_policy::merge, "merge"},
    {duplicate_policy::count, "count"},
    {duplicate_policy::keep, "keep"}};
/// The spellings of the policies, as every face reads them ("drop", "keep"; "merge", "count",
/// "keep"): see linkequity/options.hpp.
constexpr enum_names<self_loop_policy> spellings(self_loop_policy) {
    return make_enum_names(self_loop_policy_names);
}
constexpr enum_names<duplicate_policy> spellings(duplicate_policy) {
    return make_enum_names(duplicate_policy_names);
}

struct build_options {
    self_loop_policy self_loops = self_loop_policy::drop;
    duplicate_policy duplicates = duplicate_policy::merge;
    /// The bits that make a copy non-followable when parallel edges are merged.
    edge_flags merge_excluded = flags::default_excluded;
    /// Keep only the in-adjacency and each node's out-weight (what PageRank needs): about half
    /// the memory. Edges carrying any bit of `lean_excluded` are dropped at build time.
    bool lean = false;
    edge_flags lean_excluded = flags::default_excluded;
};

/// An edge list in structure-of-arrays form: what generators and parsers produce.
/// `flags` and `weights` are empty or have one entry per edge.
struct edge_list {
    std::size_t num_nodes = 0;
    std::vector<node_id> src;
    std::vector<node_id> dst;
    std::vector<edge_flags> flags;
    std::vector<edge_weight> weights;

    std::size_t num_edges() const noexcept { return src.size(); }
};

class graph_builder {
public:
    /// Builds a graph with `num_nodes` nodes from edges src[i] → dst[i].
    ///
    /// Rows come out sorted (out-rows by target, in-rows by source) whatever the input order.
    /// Cost: O(n + m) time with three counting-sort passes; memory peaks at the input plus
    /// 12 bytes per edge (+ flags/weights when given) plus 8·n·threads bytes of counters.
    /// Input already in (source, target) order, non-decreasing (checked in one O(m) pass),
    /// is copied into the out-rows instead of being sorted twice: one counting sort (the
    /// in-rows) and input plus out-rows plus in-rows at the peak. The result is the same.
    ///
    /// @throws std::invalid_argument  src/dst/flags/weights lengths differ, num_nodes > 2^32-1,
    ///                                a weight is NaN, infinite or negative.
    /// @throws std::out_of_range      an id is >= num_nodes (the message names the edge index).
    static csr_graph build(std::size_t num_nodes, span<const node_id> src, span<const node_id> dst,
                           span<const edge_flags> flags, span<const edge_weight> weights,
                           const build_options& options);

    /// See build_lean_graph (graph/edge_stream.hpp).
    static csr_graph build_lean(const struct edge_stream& stream, const build_options& options,
                                std::vector<node_id>* degree_order);
};

/// Builds an unweighted, flag-free graph. See graph_builder::build.
csr_graph build_graph(std::size_t num_nodes, span<const node_id> src, span<const node_id> dst,
                      const build_options& options = {});

/// Builds a graph with optional per-edge flags and weights (empty span = absent).
csr_graph build_graph(std::size_t num_nodes, span<const node_id> src, span<const node_id> dst,
                      span<const edge_flags> flags, span<const edge_weight> weights,
                      const build_options& options = {});

/// Builds from an edge_list.
csr_graph build_graph(const edge_list& edges, const build_options& options = {});

}  // namespace linkequity
