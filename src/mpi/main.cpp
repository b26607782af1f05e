// SPDX-License-Identifier: MIT
// `linkequity-mpi`: the distributed commands (docs/distributed.md; `score` is in score.cpp).
// `mpirun -np P linkequity-mpi pagerank --snapshot DIR` opens part <rank> of a partitioned graph
// on every rank (a failure on any rank is reported by that rank and ends every rank with the
// same exit code, no hang), runs dist::mpi_pagerank and has rank 0 print `linkequity
// pagerank`'s report and write --scores.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <memory>
#include <system_error>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <new>
#include <stdexcept>

#include "../cli/node_seeds.hpp"
#include "../cli/option_flags.hpp"
#include "collective.hpp"
#include "ingest.hpp"
#include "score.hpp"
#include "linkequity/dist/mpi_pagerank.hpp"
#include "linkequity/error.hpp"
#include "linkequity/io/atomic_file.hpp"
#include "linkequity/version.hpp"

#if defined(LINKEQUITY_USE_OPENMP) && defined(_OPENMP)
#include <omp.h>
#endif

namespace linkequity::mpi_cli {
namespace {

using cli::add_option_flags;
using cli::choice_names;

struct pagerank_args {
    std::string snapshot;
    std::string verify = "checksums";
    std::string scores;
    std::string trusted;  ///< --trusted FILE: TrustRank seeds (node ids)
    std::size_t top = 10;
    int threads = 0;
    pagerank_options options;
};

/// Part <rank> of DIR, checked against the manifest and the communicator's size.
dist::graph_part open_part(const pagerank_args& a, int rank, int size) {
    io::snapshot_load_options lo;
    lo.verify = parse_enum<io::snapshot_verify>(a.verify, option_info("snapshot_verify", ""),
                                                "linkequity-mpi");
    const dist::partition_manifest m = dist::load_partition_manifest(a.snapshot, lo);
    if (m.parts != static_cast<std::size_t>(size))
        throw std::invalid_argument(fmt::format(
            "{} has {} parts, but {} ranks run: start mpirun with -np {}", a.snapshot, m.parts,
            size, m.parts));
    return dist::load_graph_part(m, static_cast<std::size_t>(rank), lo);
}

/// One row of the top-k table as gathered on rank 0.
struct top_row {
    double score;
    double node, in_degree, out_degree;  // doubles: one MPI datatype for the whole row
};

/// This rank's k best nodes (score descending, id ascending on ties), padded with score -1.
std::vector<top_row> local_top(const dist::graph_part& p, const dist::mpi_pagerank_result& r,
                               std::size_t k) {
    std::vector<std::size_t> order(r.scores.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const std::size_t kk = std::min(k, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(kk), order.end(),
                      [&](std::size_t x, std::size_t y) {
                          return r.scores[x] > r.scores[y] || (r.scores[x] == r.scores[y] && x < y);
                      });
    std::vector<top_row> rows(k, top_row{-1, 0, 0, 0});
    for (std::size_t i = 0; i < kk; ++i) {
        const std::size_t j = order[i];
        const double out = p.manifest.lean ? std::floor(p.lean_out_weight[j])
                                           : double(p.out_offsets[j + 1] - p.out_offsets[j]);
        rows[i] = {r.scores[j], double(p.first + j), double(p.in_offsets[j + 1] - p.in_offsets[j]),
                   out};
    }
    return rows;
}

/// Rank 0 writes every score, receiving the other ranks' slices in rank order.
void write_scores(const std::string& path, const dist::mpi_pagerank_result& r, int rank, int size,
                  MPI_Comm comm) {
    constexpr int chunk = 1 << 24;
    // Rank 0 first checks it can create the file, so that no rank blocks in a send it never
    // receives.
    int ok = 1;
    std::unique_ptr<io::atomic_output> probe;
    std::string why;
    if (rank == 0) {
        try {
            probe = std::make_unique<io::atomic_output>(path);
        } catch (const std::exception& e) {
            ok = 0, why = e.what();
        }
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, comm);
    if (!ok) {
        if (rank == 0) throw std::filesystem::filesystem_error(
            why, std::filesystem::path(path), std::make_error_code(std::errc::io_error));
        return;
    }
    if (rank != 0) {
        const std::uint64_t n = r.scores.size();
        MPI_Send(&n, 1, MPI_UINT64_T, 0, 1, comm);
        for (std::uint64_t i = 0; i < n; i += chunk)
            MPI_Send(r.scores.data() + i, static_cast<int>(std::min<std::uint64_t>(chunk, n - i)),
                     MPI_DOUBLE, 0, 2, comm);
        return;
    }
    io::atomic_output& out = *probe;
    out.stream() << "node,score\n";
    std::uint64_t node = 0;
    auto emit = [&](const double* x, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) out.stream() << fmt::format("{},{:.17g}\n", node++, x[i]);
    };
    emit(r.scores.data(), r.scores.size());
    std::vector<double> buf;
    for (int src = 1; src < size; ++src) {
        std::uint64_t n = 0;
        MPI_Recv(&n, 1, MPI_UINT64_T, src, 1, comm, MPI_STATUS_IGNORE);
        for (std::uint64_t i = 0; i < n; i += chunk) {
            buf.resize(std::min<std::uint64_t>(chunk, n - i));
            MPI_Recv(buf.data(), static_cast<int>(buf.size()), MPI_DOUBLE, src, 2, comm,
                     MPI_STATUS_IGNORE);
            emit(buf.data(), buf.size());
        }
    }
    out.commit();
}

/// Max and sum over the ranks of one number (every rank gets both).
std::pair<double, double> max_sum(double v, MPI_Comm comm) {
    double mx = 0, sm = 0;
    MPI_Allreduce(&v, &mx, 1, MPI_DOUBLE, MPI_MAX, comm);
    MPI_Allreduce(&v, &sm, 1, MPI_DOUBLE, MPI_SUM, comm);
    return {mx, sm};
}

void report(const pagerank_args& a, const dist::graph_part& p, const dist::mpi_pagerank_result& r,
            double t_open, int rank, int size, MPI_Comm comm) {
    const auto [ghost_max, ghost_sum] = max_sum(double(r.ghosts), comm);
    const auto [sent_max, sent_sum] = max_sum(8.0 * double(r.sent_values), comm);
    const auto [secs, secs_sum] = max_sum(r.seconds, comm);
    const auto [comm_max, comm_sum] = max_sum(r.comm_seconds, comm);
    const auto [open_max, open_sum] = max_sum(t_open, comm);
    std::vector<top_row> mine = local_top(p, r, a.top), all(rank == 0 ? a.top * size : 0);
    MPI_Gather(mine.data(), static_cast<int>(4 * a.top), MPI_DOUBLE, all.data(),
               static_cast<int>(4 * a.top), MPI_DOUBLE, 0, comm);
    if (!a.scores.empty()) write_scores(a.scores, r, rank, size, comm);
    if (rank != 0) return;
    const auto& m = p.manifest;
    const std::size_t it = std::max<std::size_t>(1, r.iterations);
    fmt::print("graph        partitioned snapshot {} ({} parts, opened and verified ({}) in "
               "{:.3f} s): {} nodes, {} edges{}\n", a.snapshot, m.parts, a.verify, open_max,
               m.num_nodes, m.num_edges, m.lean ? " (lean)" : "");
    fmt::print("ranks        {}: ghosts per rank max {:.0f} (total {:.0f}), sent per iteration "
               "max {:.0f} bytes per rank (total {:.0f})\n", size, ghost_max, ghost_sum, sent_max,
               sent_sum);
    fmt::print("pagerank     {:.3f} s, {} iterations, {:.2f} ms/iteration, {:.3f} "
               "ns/edge/iteration\n", secs, r.iterations, 1e3 * secs / it,
               1e9 * secs / (it * std::max<std::size_t>(1, m.num_edges)));
    fmt::print("comm         {:.3f} s max per rank ({:.2f} ms/iteration in the exchange and "
               "reductions)\n", comm_max, 1e3 * comm_max / it);
    fmt::print("converged    {} (residual {:.3e}, tolerance {:.1e})\n", r.converged ? "yes" : "NO",
               r.residual, a.options.tolerance);
    if (!r.converged)
        fmt::print(stderr, "linkequity-mpi: warning: not converged after {} iterations\n",
                   r.iterations);
    std::stable_sort(all.begin(), all.end(), [](const top_row& x, const top_row& y) {
        return x.score > y.score || (x.score == y.score && x.node < y.node);
    });
    fmt::print("\n{:>5}  {:>10}  {:>12}  {:>8}  {:>8}\n", "rank", "node", "score", "in-deg",
               "out-deg");
    for (std::size_t i = 0; i < std::min(a.top, std::size_t(m.num_nodes)); ++i)
        fmt::print("{:>5}  {:>10.0f}  {:>12.6e}  {:>8.0f}  {:>8.0f}\n", i + 1, all[i].node,
                   all[i].score, all[i].in_degree, all[i].out_degree);
}

/// This rank's slice of the TrustRank teleport (--trusted): every rank reads the seed file
/// and keeps only its own nodes' entries, the bits of trustrank()'s vector.
dist::local_vectors teleport_slices(const pagerank_args& a, const dist::graph_part& p) {
    dist::local_vectors s;
    if (a.trusted.empty()) return s;
    if (a.options.dangling != dangling_policy::personalization)
        throw std::invalid_argument(fmt::format(
            "--trusted: dangling must stay personalization (dangling score goes to the seeds), "
            "got {}", to_string(a.options.dangling)));
    s.personalization = cli::read_node_seeds(a.trusted).distribution(
        p.manifest.num_nodes, "linkequity-mpi pagerank --trusted", p.first, p.last);
    return s;
}

int run_pagerank(const pagerank_args& a, MPI_Comm comm) {
    int rank = 0, size = 0;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
#if defined(LINKEQUITY_USE_OPENMP) && defined(_OPENMP)
    if (a.threads > 0) omp_set_num_threads(a.threads);
#endif
    dist::graph_part part;
    const double t0 = MPI_Wtime();
    int code = collectively([&] { part = open_part(a, rank, size); }, rank, comm);
    if (code != exit_ok) return code;
    const double t_open = MPI_Wtime() - t0;
    dist::local_vectors slices;
    code = collectively([&] { slices = teleport_slices(a, part); }, rank, comm);
    if (code != exit_ok) return code;
    dist::mpi_pagerank_result r;
    code = collectively([&] { r = dist::mpi_pagerank(part, a.options, slices, comm); }, rank,
                        comm);
    if (code != exit_ok) return code;
    return collectively([&] { report(a, part, r, t_open, rank, size, comm); }, rank, comm);
}

void add_pagerank(CLI::App& app, pagerank_args& a) {
    CLI::App* cmd = app.add_subcommand(
        "pagerank", "PageRank of a partitioned graph (`linkequity snapshot --partitions P "
                    "--out DIR`), one part per rank");
    cmd->add_option("--snapshot", a.snapshot, "Directory of the partitioned graph")->required();
    cmd->add_option("--snapshot-verify", a.verify,
                    "Checks on opening: none (trusted files), structure, checksums")
        ->check(CLI::IsMember(choice_names<io::snapshot_verify>()))
        ->capture_default_str();
    cmd->add_option("--scores", a.scores,
                    "Rank 0 writes every node's score to this CSV file (node,score; 17 digits)");
    cmd->add_option("--trusted", a.trusted,
                    "TrustRank: teleport to the seed node ids in this file (one per line, "
                    "optionally with a weight; # comments), dangling score too; every rank "
                    "reads it and keeps its own nodes");
    cmd->add_option("--top", a.top, "How many top nodes to print")->capture_default_str();
    cmd->add_option("--threads", a.threads, "OpenMP threads per rank (default: OMP_NUM_THREADS)")
        ->check(CLI::NonNegativeNumber);
    add_option_flags(*cmd, a.options, "pagerank");
}

}  // namespace
}  // namespace linkequity::mpi_cli

int main(int argc, char** argv) {
    using namespace linkequity::mpi_cli;
    MPI_Init(&argc, &argv);
    int rank = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    CLI::App app{"linkequity-mpi — linkequity's scores on an MPI cluster (run under mpirun)"};
    app.set_version_flag("--version", std::string(linkequity::version_string));
    app.require_subcommand(1);
    app.footer("Exit codes: 0 success; 1 bad input data or part file; 2 bad command line, option "
               "or rank count; 3 a file could not be read or written; 4 internal error.");
    pagerank_args pr;
    add_pagerank(app, pr);
    score_args sc;
    add_score(app, sc);
    ingest_args in;  // `snapshot EDGES --out DIR`: ingest.cpp
    add_ingest(app, in);
    int code = exit_ok;
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // Every rank parsed the same arguments: only rank 0 prints.
        code = rank == 0 ? app.exit(e) : (e.get_exit_code() == 0 ? 0 : 1);
        code = code == 0 ? exit_ok : exit_usage;
        MPI_Finalize();
        return code;
    }
    if (app.got_subcommand("pagerank")) code = run_pagerank(pr, MPI_COMM_WORLD);
    if (app.got_subcommand("score")) code = run_score(sc, MPI_COMM_WORLD);
    if (app.got_subcommand("snapshot")) code = run_ingest(in, MPI_COMM_WORLD);
    MPI_Finalize();
    return code;
}
