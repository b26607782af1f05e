// SPDX-License-Identifier: MIT
// edge_stream: a re-playable edge source in numbered, independent blocks — what lets the builder
// make a graph without ever holding the whole edge list (count pass, then fill pass), and lets
// generators run in parallel with output independent of the thread count.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "linkequity/config.hpp"
#include "linkequity/graph/builder.hpp"

namespace linkequity {

struct edge_stream {
    std::size_t num_nodes = 0;
    std::size_t num_edges = 0;   ///< edges over all blocks
    std::size_t block_size = 0;  ///< edges per block; the last block may hold fewer
    /// Writes the edges of block b into src[0 .. block_edges(b)) and dst[...]. Must write the
    /// same edges every time it is called with the same b, and be safe to call concurrently
    /// for different blocks.
    std::function<void(std::size_t block, node_id* src, node_id* dst)> fill;

    std::size_t num_blocks() const noexcept {
        return block_size == 0 ? 0 : (num_edges + block_size - 1) / block_size;
    }
    std::size_t block_edges(std::size_t b) const noexcept {
        const std::size_t begin = b * block_size;
        return begin >= num_edges ? 0
               : num_edges - begin < block_size ? num_edges - begin
                                                 : block_size;
    }
};

/// All edges of the stream as an edge_list (blocks filled in parallel, in block order). O(m).
edge_list materialize(const edge_stream& stream);

/// Builds a lean graph (in-adjacency + out-weights, see build_options::lean) from a stream
/// without materialising it: pass 1 counts in-degrees, pass 2 replays the stream and scatters
/// sources into place, then every row is sorted and parallel edges merged (or counted) in place.
/// Peak memory: 4 bytes per edge + 16 bytes per node (+ one block per thread).
/// Self-loops follow options.self_loops; options.duplicates must be merge or keep
/// (count would need per-edge weights); flags and weights are not supported here.
/// When `degree_order` is not null, nodes are renumbered by decreasing out-degree (counted in
/// pass 1, before parallel edges merge; ties by original id) and *degree_order receives
/// new id → original id: the graph uses the new ids throughout, so PageRank's gathers hit a
/// compact hot set (what pagerank_node_order::by_degree does, without a second copy).
/// Costs 8 bytes per node more during pass 1.
/// @throws std::invalid_argument for duplicates == count or num_nodes > 2^32 − 1;
///         std::out_of_range when the stream emits an id >= num_nodes.
csr_graph build_lean_graph(const edge_stream& stream, const build_options& options = {},
                           std::vector<node_id>* degree_order = nullptr);

}  // namespace linkequity
