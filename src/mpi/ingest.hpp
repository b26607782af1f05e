// SPDX-License-Identifier: MIT
// `linkequity-mpi snapshot EDGES --out DIR [--lean]` (docs/distributed.md#writing-the-parts-on-
// the-ranks): every rank reads its own byte range of an integer edge list, the ranks build the
// P parts together and each writes its own, rank 0 the manifest — the files `linkequity snapshot
// --edges EDGES --partitions P --out DIR` writes, byte for byte. Internal to linkequity-mpi:
// ingest_read.cpp (the split and the parse), ingest_build.cpp (exchanges, rows, checksums, files).
#pragma once

#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "linkequity/config.hpp"

namespace linkequity::mpi_cli {

struct ingest_args {
    std::string edges;  ///< the integer edge list (SNAP / GAPBS .el / .wel, Matrix Market, gzip)
    std::string out;    ///< the directory of the parts
    bool lean = false;  ///< --lean: in-edges and out-weights only
};

/// Registers the `snapshot` subcommand, filling `a`.
void add_ingest(CLI::App& app, ingest_args& a);

/// Runs it collectively; returns the exit code every rank agrees on.
int run_ingest(const ingest_args& a, MPI_Comm comm);

namespace ingest {

/// Frees a vector's memory now (`v = {}` clears it but keeps its capacity).
template <class T>
void release(std::vector<T>& v) {
    std::vector<T>().swap(v);
}

/// One edge on the move between ranks (12 bytes; the weight is 1 for unweighted lines).
struct edge_rec {
    node_id src;
    node_id dst;
    edge_weight w;
};

/// This rank's share of the input file, before parsing.
struct file_share {
    std::string path;
    std::shared_ptr<const char> data;  ///< the mapped file (null when empty or not split)
    std::uint64_t file_bytes = 0;
    std::uint64_t begin = 0, end = 0;  ///< this rank's bytes [begin, end): whole lines
    std::uint64_t lines = 0;           ///< line ends in [begin, end) (CR, LF or CR LF)
    bool split = true;  ///< false: gzip, UTF-16 or Matrix Market, read whole by every rank
};

/// This rank's parsed edges, in file order.
struct edge_share {
    std::vector<edge_rec> edges;
    bool weighted = false;      ///< some line of this share had a weight
    std::uint64_t nodes = 0;    ///< largest id in this share + 1 (0 without edges)
    std::uint64_t lines = 0;    ///< lines of the file (known when read whole)
};

/// Maps `path` and finds this rank's whole lines: rank r of P reads the lines that start in
/// [r·S/P, (r+1)·S/P) of the S bytes. Local (no communication). O(S/P) to count line ends.
/// @throws std::filesystem::filesystem_error when the file cannot be opened or mapped.
file_share open_share(const std::string& path, int rank, int size);

/// Parses the share with the reader of `linkequity pagerank FILE` (io::read_edge_list, strict).
/// `lines_before` is the number of line ends in the shares of the ranks before this one (an
/// exclusive prefix sum): a bad line's message names the file, its line in the whole file, the
/// value and what was expected. A share that is not split is read whole and this rank keeps edges
/// [r·m/P, (r+1)·m/P). Unmaps the file once parsed. @throws parse_error for a bad line or an
/// empty file.
edge_share parse_share(file_share& share, std::uint64_t lines_before, int rank, int size);

/// What run_ingest reports on rank 0.
struct ingest_summary {
    std::uint64_t nodes = 0, edges = 0, id = 0;
    bool weights = false;
    std::vector<std::uint64_t> bounds, part_edges;
};

/// The rest, collectively: agrees on n and the weights, sends every edge to the rank owning its
/// target in a uniform split (where duplicates merge and self-loops drop, as graph_builder
/// does), balances the ranges with dist::partition_bounds, moves each edge to the owners of its
/// target and of its source, and writes part <rank> (DIR must exist) and, on rank 0, the
/// manifest. Fills the summary (complete on rank 0). Each phase that may throw on some ranks
/// only ends in mpi_cli::collectively; returns the exit code every rank agrees on.
int build_and_write(edge_share&& share, const ingest_args& a, MPI_Comm comm,
                    ingest_summary& summary);

}  // namespace ingest
}  // namespace linkequity::mpi_cli
