// SPDX-License-Identifier: MIT
// Seeded synthetic graphs: R-MAT/Kronecker (Graph500 parameters) and Erdős–Rényi G(n, m).
// Edges are drawn in fixed blocks, each from its own counter-based random stream, so the output
// is identical whatever the thread count; the blocks are generated in parallel.
#pragma once

#include <cstddef>
#include <cstdint>

#include "linkequity/graph/builder.hpp"
#include "linkequity/graph/edge_stream.hpp"

namespace linkequity {

/// The synthetic graph families, as `linkequity pagerank --generator` names them.
enum class graph_generator { kronecker, erdos_renyi };
inline constexpr enum_spelling<graph_generator> graph_generator_names[] = {
    {graph_generator::kronecker, "kronecker"},
    {graph_generator::erdos_renyi, "erdos_renyi"},
    {graph_generator::erdos_renyi, "erdos-renyi", true}};
constexpr enum_names<graph_generator> spellings(graph_generator) {
    return make_enum_names(graph_generator_names);
}

struct kronecker_options {
    unsigned scale = 16;          ///< 2^scale nodes, scale in [1, 32]
    double edge_factor = 16;      ///< edge_factor · 2^scale edges drawn (before any merging)
    std::uint64_t seed = 27491095;
    double a = 0.57, b = 0.19, c = 0.19;  ///< quadrant probabilities (Graph500); d = 1 − a − b − c
    bool permute = true;          ///< relabel nodes by a seeded random permutation (Graph500, GAPBS)
    bool symmetrize = false;      ///< also emit every edge reversed (undirected benchmark graphs)

    /// @throws std::invalid_argument for scale outside [1, 32], a negative edge factor, or
    ///         probabilities outside [0, 1] / summing above 1.
    void validate() const;
};

/// R-MAT edges (Chakrabarti, Zhan, Faloutsos 2004): each edge descends `scale` levels of the
/// adjacency matrix choosing quadrant a/b/c/d. O(m · scale) time, parallel. Self-loops and
/// duplicates are kept in the list; the builder's policies decide what happens to them.
edge_list kronecker_edges(const kronecker_options& options);

/// The same edges as kronecker_edges, as a re-playable stream (for build_lean_graph). The node
/// permutation (4 bytes per node) is computed once and shared by the stream's copies.
edge_stream kronecker_stream(const kronecker_options& options);

/// Erdős–Rényi G(n, m): m edges with independent uniform endpoints (with replacement). O(m).
/// @throws std::invalid_argument when n == 0 and m > 0, or n > 2^32 − 1.
edge_list erdos_renyi_edges(std::size_t num_nodes, std::size_t num_edges, std::uint64_t seed);

/// The same edges as erdos_renyi_edges, as a re-playable stream.
edge_stream erdos_renyi_stream(std::size_t num_nodes, std::size_t num_edges, std::uint64_t seed);

namespace detail {
__extension__ using uint128 = unsigned __int128;

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny counter-based generator, one stream per block.
struct splitmix64 {
    std::uint64_t state;
    std::uint64_t next() noexcept {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, bound) by Lemire's multiply-shift (bias below 2^-32 for bound < 2^32).
    std::uint64_t below(std::uint64_t bound) noexcept {
        return static_cast<std::uint64_t>((static_cast<uint128>(next()) * bound) >> 64);
    }
};
/// The independent stream of block `block` of a run seeded with `seed`.
inline splitmix64 stream(std::uint64_t seed, std::uint64_t block) noexcept {
    splitmix64 s{seed ^ (block * 0xD1B54A32D192ED03ull)};
    s.state = s.next() ^ block;
    return s;
}
}  // namespace detail

}  // namespace linkequity
