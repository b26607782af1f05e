// SPDX-License-Identifier: MIT
// Partitioned graphs for distributed PageRank (docs/distributed.md): a csr_graph cut into P
// contiguous node ranges balanced by in-edges, written as P part files plus a manifest, every
// one a binary snapshot (io/snapshot.hpp: same header, version, per-section checksums). Part p
// holds the in-edges of its nodes (sources as global ids) and the out-edge weights and flags of
// its nodes (no targets), enough for the PageRank kernel to compute out(j) under any options.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/io/snapshot.hpp"
#include "linkequity/span.hpp"

namespace linkequity::dist {

/// Version of the partition layout (the arrays inside the part snapshots), stored in the
/// manifest and in every part.
inline constexpr std::uint64_t partition_format_version = 1;

/// The manifest of a partitioned graph (DIR/manifest.lqs).
struct partition_manifest {
    std::string dir;                  ///< the directory it was read from
    std::uint64_t version = 0;        ///< partition_format_version
    std::size_t parts = 0;            ///< P
    std::size_t num_nodes = 0;        ///< n of the whole graph
    std::size_t num_edges = 0;        ///< m of the whole graph
    std::uint64_t id = 0;             ///< identifies this partitioning; every part carries it
    bool lean = false;                ///< the graph was lean (out-weights only, no out-edges)
    bool weights = false;             ///< edges carry weights
    bool flags = false;               ///< edges carry flags
    std::vector<std::uint64_t> bounds;  ///< P+1 entries: part p holds nodes [bounds[p], bounds[p+1])
    std::vector<std::uint64_t> part_edges;      ///< in-edges of each part
    std::vector<std::uint64_t> part_checksums;  ///< header checksum of each part file

    /// Path of part p's file: DIR/part-<p>-of-<P>.lqs (5 digits each).
    std::string part_path(std::size_t p) const;
    /// The part that owns global node `node` (binary search in bounds). O(log P).
    std::size_t owner(std::uint64_t node) const;
};

/// The arrays of one part as its file stores them (what graph_part views after loading): rows
/// [first, last) of the whole graph, offsets from 0, sources as global ids. Arrays the manifest
/// says are absent (weights, flags; out-rows of a lean graph, lean_out_weight otherwise) are
/// empty spans.
struct part_arrays {
    std::uint64_t first = 0, last = 0;
    span<const edge_offset> in_offsets;
    span<const node_id> in_sources;
    span<const edge_weight> in_weights;
    span<const edge_flags> in_flags;
    span<const edge_offset> out_offsets;
    span<const edge_weight> out_weights;
    span<const edge_flags> out_flags;
    span<const double> lean_out_weight;
};

/// Writes part `index` of the partitioning `m` (file m.part_path(index); the manifest's
/// version, P, n, m, id and kinds, the part's index, range and edge count, then its arrays) and
/// returns the content checksum the manifest records for it. The one writer of part files:
/// save_partitions and the ranks of `linkequity-mpi snapshot` both call it. O(size of the part).
/// @throws std::system_error / std::runtime_error when the file cannot be written.
std::uint64_t write_part_file(const partition_manifest& m, std::size_t index,
                              const part_arrays& a);

/// Writes m's DIR/manifest.lqs (m.part_edges and m.part_checksums filled). O(P).
void write_manifest_file(const partition_manifest& m);

/// The identity of one partitioning (partition_manifest::id): a checksum of n, m, P, the kinds
/// of arrays and the checksums (io::snapshot_checksum) of the whole graph's in_offsets and
/// in_sources. A part of another graph or of another P never matches.
std::uint64_t partition_id(const partition_manifest& m, std::uint64_t in_offsets_checksum,
                           std::uint64_t in_sources_checksum);

/// One part, viewing its mapped snapshot (valid while this object lives; movable).
struct graph_part {
    std::size_t index = 0;            ///< p
    partition_manifest manifest;      ///< the manifest it was checked against
    std::uint64_t first = 0, last = 0;  ///< global node range [first, last)
    span<const edge_offset> in_offsets;  ///< last-first+1 entries, from 0
    span<const node_id> in_sources;      ///< global ids, each row in the whole graph's row order
    span<const edge_weight> in_weights;  ///< empty when unweighted
    span<const edge_flags> in_flags;     ///< empty without flags
    span<const edge_offset> out_offsets;  ///< last-first+1 entries (empty for a lean graph)
    span<const edge_weight> out_weights;  ///< weights of the out-edges in out-row order (or empty)
    span<const edge_flags> out_flags;     ///< flags of the out-edges (or empty)
    span<const double> lean_out_weight;   ///< a lean graph's stored out-weights (else empty)
    io::snapshot file;                    ///< the mapping

    std::size_t num_local() const noexcept { return static_cast<std::size_t>(last - first); }
};

/// Part boundaries fall on multiples of this many nodes (or at n): the fixed blocks in which
/// the single-process kernel sums D, Z and the residual (detail::sum_block), so that every
/// rank sums whole blocks and the distributed scores have the same bits as pagerank()'s.
inline constexpr std::size_t partition_alignment = 4096;

/// The contiguous ranges of a P-way partition, balanced by in-edges plus nodes (what an
/// iteration touches): bounds[p] is the multiple of partition_alignment (or n) nearest, in
/// in_offsets[i] + i, to the first node i where that reaches p · (m + n) / P (ties go to the
/// lower boundary). So every part is within about one block (4,096 rows and their in-edges)
/// of its share, and some parts are empty when there are more parts than blocks (n ≤ 4,096:
/// all nodes in one part). P+1 entries from 0 to n, non-decreasing. O(P log n).
/// `in_offsets`: the n + 1 offsets of the in-adjacency (in_offsets[i + 1] − in_offsets[i] is
/// node i's in-degree), for callers that hold only the degrees.
/// @throws std::invalid_argument when parts == 0 or in_offsets is empty.
std::vector<std::uint64_t> partition_bounds(span<const edge_offset> in_offsets, std::size_t parts);
/// The same for g's in-adjacency.
std::vector<std::uint64_t> partition_bounds(const csr_graph& g, std::size_t parts);

/// Writes `g` as `parts` part files plus DIR/manifest.lqs (created atomically, one file at a
/// time, the manifest last; DIR is created if needed). Zero-copy for the edge arrays; each part
/// file costs one write of its slice plus the checksum. Returns the manifest as written.
/// More parts than nodes is allowed: some ranges are then empty.
/// @throws std::invalid_argument  parts == 0 or parts > 99999.
/// @throws std::filesystem::filesystem_error  a file cannot be written.
partition_manifest save_partitions(const std::string& dir, const csr_graph& g, std::size_t parts);

/// Reads and checks DIR/manifest.lqs (bounds from 0 to n, non-decreasing, sums of edges).
/// @throws parse_error naming the manifest file and what is wrong; filesystem_error when absent.
partition_manifest load_partition_manifest(const std::string& dir,
                                           const io::snapshot_load_options& options = {});

/// Opens part `index` of `manifest` and checks that it belongs to it: same id, version, part
/// count, index, node range, edge count and header checksum; array lengths consistent; every
/// source < n (with verify >= structure). @throws parse_error naming the part file and the
/// mismatch ("part 2 of 4 is from another partitioning: id … expected …"); filesystem_error
/// when the file is missing; std::out_of_range when index >= parts.
graph_part load_graph_part(const partition_manifest& manifest, std::size_t index,
                           const io::snapshot_load_options& options = {});

}  // namespace linkequity::dist
