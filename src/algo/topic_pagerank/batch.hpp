// SPDX-License-Identifier: MIT
// Internal to topic_pagerank: the batched problem (k right-hand sides over one in-adjacency,
// scores stored node-major with a row stride padded to whole 64-byte lines) and its solver,
// a step of the shared PageRank driver (src/algo/pagerank/driver.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "../pagerank/kernel.hpp"
#include "linkequity/algo/topic_pagerank.hpp"

namespace linkequity::detail {

/// Doubles per node row of a batch are a multiple of this (one 64-byte cache line).
inline constexpr std::size_t topic_lanes = 8;

/// The row stride of a batch of k topics: k rounded up to a multiple of topic_lanes.
constexpr std::size_t topic_stride(std::size_t k) noexcept {
    return (k + topic_lanes - 1) / topic_lanes * topic_lanes;
}

/// What a batched iteration needs that does not change between iterations.
struct topic_problem {
    std::size_t n = 0;       ///< nodes
    std::size_t k = 0;       ///< topics
    std::size_t stride = 0;  ///< k rounded up to a multiple of topic_lanes (padding stays 0)
    double alpha = 0.85;
    std::vector<double> inv_out;     ///< 1 / out(j), 0 for dangling j
    std::vector<double> evaporated;  ///< share of out(j) that evaporates (empty: none)
    const edge_offset* offsets = nullptr;  ///< in-adjacency
    const node_id* sources = nullptr;
    edge_offset last_edge = 0;             ///< m − 1 (0 when m = 0): the prefetch bound
    const edge_weight* weights = nullptr;  ///< null = unweighted
    const edge_flags* flags = nullptr;     ///< set up only: drop_masked_edges nulls it
    edge_flags mask = 0;
    /// The personalisation, by node: seeds of node i are entries seed_offsets[i] ..
    /// seed_offsets[i+1] of seed_topic / seed_weight (topic ascending; weights normalised per
    /// topic, so v_{it} = seed_weight).
    std::vector<std::size_t> seed_offsets;
    std::vector<std::uint32_t> seed_topic;
    std::vector<double> seed_weight;
};

/// The per-node rows a batch's passes work in besides x, kept across the batches of one
/// topic_pagerank() call: every batch has the same stride, so the later ones reuse the first's
/// memory instead of faulting in fresh pages (slow on some VMs: 0.25 s for 256 MiB measured).
struct topic_buffers {
    gather_vector c, c_next;  ///< contributions x_j / out(j), this pass's and the next's
    std::vector<double> part;  ///< per-block partial sums
};

/// Iterates x (n × stride, node-major, x_t = v_t at the start) by o's damping, tolerance,
/// max_iterations and progress, with power steps or (o.solver = local_gauss_seidel) local
/// Gauss–Seidel sweeps, whose columns are divided by their masses at the end; fills
/// r.iterations, residual, converged (per topic), passes and cancelled. O(m · stride) per pass;
/// `buffers` are resized to 2 · n · stride doubles (+ the block sums) and overwritten.
/// @throws std::logic_error if p.flags is set (the excluded links must have been dropped:
/// drop_masked_edges).
void solve_topics(const topic_problem& p, std::vector<double>& x, const pagerank_options& o,
                  topic_buffers& buffers, topic_pagerank_result& r);

}  // namespace linkequity::detail
