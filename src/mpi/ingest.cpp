// SPDX-License-Identifier: MIT
// `linkequity-mpi snapshot EDGES --out DIR [--lean]` (ingest.hpp): the command, its phases —
// split and count lines, number them (MPI_Exscan), parse, build and write (ingest_build.cpp,
// ingest_parts.cpp) — each ended collectively, and rank 0's report in the words of `linkequity
// snapshot --partitions`.
#include "ingest.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "collective.hpp"

namespace linkequity::mpi_cli {
namespace {

/// At most this many parts: dist::save_partitions's numbering (5 digits).
constexpr int max_parts = 99999;

void report(const ingest_args& a, const ingest::file_share& s,
            const ingest::ingest_summary& r, double t_read, double t_build, int size) {
    fmt::print("input        {}: {} bytes, {}\n", a.edges, s.file_bytes,
               s.split ? fmt::format("{} shares of whole lines, one per rank", size)
                       : std::string("gzip, UTF-16 or Matrix Market: read whole by every rank"));
    fmt::print("graph        {} nodes, {} edges{}{} (read {:.3f} s, built and written {:.3f} s)\n",
               r.nodes, r.edges, a.lean ? ", lean" : "", r.weights ? ", weights" : "", t_read,
               t_build);
    fmt::print("partitions   {} parts in {}, id {:#018x}\n", size, a.out, r.id);
    for (int p = 0; p < size; ++p)
        fmt::print("  part {:>5}  nodes [{}, {})  {} in-edges\n", p, r.bounds[p], r.bounds[p + 1],
                   r.part_edges[p]);
}

}  // namespace

void add_ingest(CLI::App& app, ingest_args& a) {
    CLI::App* cmd = app.add_subcommand(
        "snapshot", "Write a partitioned graph from an integer edge list, one part per rank, "
                    "each rank reading its own share of the file");
    cmd->add_option("edges", a.edges,
                    "Integer edge list: 'src dst [weight]' lines (SNAP, GAPBS .el/.wel; '#' and "
                    "'%' comments), Matrix Market or gzip (these two read whole by every rank)")
        ->required();
    cmd->add_option("--out", a.out, "Directory of the parts and the manifest")->required();
    cmd->add_flag("--lean", a.lean, "Store the lean graph (in-edges and out-weights only)");
    cmd->footer("The directory equals, byte for byte, that of `linkequity snapshot --edges EDGES "
                "--partitions P --out DIR` with P the number of ranks (docs/distributed.md).");
}

int run_ingest(const ingest_args& a, MPI_Comm comm) {
    int rank = 0, size = 1;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    if (size > max_parts) {
        if (rank == 0)
            fmt::print(stderr, "linkequity-mpi: error: {} ranks, at most {} parts\n", size,
                       max_parts);
        return exit_usage;
    }
    const double t0 = MPI_Wtime();
    ingest::file_share share;
    int code = collectively([&] { share = ingest::open_share(a.edges, rank, size); }, rank, comm);
    if (code != exit_ok) return code;
    std::uint64_t lines_before = 0;  // lines of the ranks before this one: global line numbers
    MPI_Exscan(&share.lines, &lines_before, 1, MPI_UINT64_T, MPI_SUM, comm);
    if (rank == 0) lines_before = 0;
    ingest::edge_share edges;
    code = collectively([&] { edges = ingest::parse_share(share, lines_before, rank, size); },
                        rank, comm);
    if (code != exit_ok) return code;
    share.data.reset();
    const double t_read = MPI_Wtime() - t0;
    code = collectively([&] { if (rank == 0) std::filesystem::create_directories(a.out); }, rank,
                        comm);
    if (code != exit_ok) return code;
    ingest::ingest_summary summary;
    code = ingest::build_and_write(std::move(edges), a, comm, summary);
    if (code != exit_ok) return code;
    double t_read_max = 0;
    MPI_Reduce(&t_read, &t_read_max, 1, MPI_DOUBLE, MPI_MAX, 0, comm);
    if (rank == 0) report(a, share, summary, t_read_max, MPI_Wtime() - t0 - t_read, size);
    return exit_ok;
}

}  // namespace linkequity::mpi_cli
