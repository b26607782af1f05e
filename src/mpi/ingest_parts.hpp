// SPDX-License-Identifier: MIT
// `linkequity-mpi snapshot`, the files (ingest_parts.cpp): the balanced ranges through
// dist::partition_bounds, this rank's part arrays from its in- and out-rows, the partitioning's
// id from checksums computed across the ranks, part <rank> and (rank 0) the manifest, in the
// layout dist::save_partitions writes. Internal to linkequity-mpi.
#pragma once

#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ingest.hpp"

namespace linkequity::mpi_cli::ingest {

/// What every rank knows before writing.
struct part_input {
    std::uint64_t nodes = 0;
    std::vector<std::uint64_t> bounds;  ///< P+1 entries: rank r holds [bounds[r], bounds[r+1])
    bool weighted = false;              ///< some line of the file had a weight
    bool lean = false;
    std::string dir;
};

/// dist::partition_bounds for the in-degrees `degree` (freed once summed): the n + 1 in-offsets,
/// 8(n+1) bytes, are the only O(n) array it builds. O(n) time. Local (rank 0).
std::vector<std::uint64_t> bounds_from_degrees(std::vector<std::uint32_t>&& degree,
                                               std::size_t parts);

/// Builds this rank's part from `in` (its in-edges, sorted by target then source) and `out`
/// (its out-edges, sorted by target), computes the partitioning's id across the
/// ranks, writes part <rank> in p.dir and, on rank 0, the manifest. Fills `summary` (on rank
/// 0). Collective; returns the exit code every rank agrees on.
int write_parts(const part_input& p, std::vector<edge_rec>&& in, std::vector<edge_rec>&& out,
                MPI_Comm comm, ingest_summary& summary);

/// snapshot_checksum of the concatenation, in rank order, of every rank's `bytes` at `data`,
/// without gathering the data: each rank hashes the 1 MiB blocks that start in its slice
/// (receiving the rest of its last block, under 1 MiB, from the next ranks) and the digests are
/// chained on every rank. Collective; every rank gets the result.
std::uint64_t distributed_checksum(const void* data, std::uint64_t bytes, MPI_Comm comm);

}  // namespace linkequity::mpi_cli::ingest
