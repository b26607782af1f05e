// SPDX-License-Identifier: MIT
// `linkequity-mpi score --snapshot DIR --out OUT [--hosts]`: the PageRank of the page, domain
// (and host) graphs runs distributed over the parts in DIR/pages, DIR/domains, DIR/hosts; rank
// 0 then makes the tables of `linkequity score --snapshot DIR/web.lqs` from the web snapshot —
// link counts, 0–100 scale, ranks — and writes the same CSV files.
#include "score.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "collective.hpp"
#include "linkequity/dist/mpi_pagerank.hpp"
#include "linkequity/io/atomic_file.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/consolidation.hpp"
#include "linkequity/web/tables.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::mpi_cli {
namespace {

/// One level's distributed result, gathered on rank 0 (scores empty elsewhere).
struct level_result {
    dist::mpi_pagerank_result r;
    std::vector<double> all;
};

/// Part <rank> of DIR/<level>, checked against the communicator's size.
dist::graph_part open_level(const std::string& dir, const char* level, int rank, int size) {
    const auto m = dist::load_partition_manifest((std::filesystem::path(dir) / level).string());
    if (m.parts != static_cast<std::size_t>(size))
        throw std::invalid_argument(fmt::format(
            "{}/{} has {} parts, but {} ranks run: start mpirun with -np {}", dir, level, m.parts,
            size, m.parts));
    return dist::load_graph_part(m, static_cast<std::size_t>(rank));
}

/// The level's distributed PageRank, with every rank's slice gathered on rank 0.
level_result run_level(const dist::graph_part& p, const pagerank_options& o, int rank, int size,
                       MPI_Comm comm) {
    level_result l;
    l.r = dist::mpi_pagerank(p, o, comm);
    std::vector<int> counts(size), displs(size);
    const int mine = static_cast<int>(l.r.scores.size());
    MPI_Gather(&mine, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, comm);
    for (int i = 1; i < size; ++i) displs[i] = displs[i - 1] + counts[i - 1];
    if (rank == 0) l.all.resize(p.manifest.num_nodes);
    MPI_Gatherv(l.r.scores.data(), mine, MPI_DOUBLE, l.all.data(), counts.data(), displs.data(),
                MPI_DOUBLE, 0, comm);
    return l;
}

/// t's PageRank fields from the distributed run: scores, convergence, D, Z, floor, scale, ranks.
void install(web::authority_table& t, level_result&& l, double damping, const char* level) {
    if (l.all.size() != t.nodes)
        throw std::invalid_argument(fmt::format(
            "the {} graph has {} nodes but the web snapshot has {}: DIR/{} was not written "
            "with this web.lqs", level, l.all.size(), t.nodes, level));
    t.score = std::move(l.all);
    t.iterations = l.r.iterations;
    t.residual = l.r.residual;
    t.converged = l.r.converged || t.nodes == 0;
    t.seconds = l.r.seconds;
    t.dangling_mass = l.r.dangling_mass;
    t.evaporated_mass = l.r.evaporated_mass;
    t.floor = web::authority_floor(damping, t.dangling_mass, t.evaporated_mass, t.nodes);
    t.authority = web::authority_scale(t.score, t.floor);
    t.rank = web::competition_ranks(t.score);
    fmt::print("{:<13}{} nodes, {} edges: {} iterations, residual {:.2e}, {:.3f} s{}\n",
               std::string(level) + " rank", t.nodes, t.edges, t.iterations, t.residual,
               t.seconds, t.converged ? "" : "  NOT CONVERGED");
}

/// Rank 0: the web snapshot's tables with the distributed scores, written as `score` does.
void write_tables(const score_args& a, const web::authority_options& ao,
                  std::vector<level_result>& levels) {
    const web::web_graph g =
        web::web_graph::open_snapshot((std::filesystem::path(a.snapshot) / "web.lqs").string());
    // The counts and the graphs' sizes come from compute_authority with no iteration; the
    // PageRank fields are then replaced by the distributed ones.
    web::authority_options counts_only = ao;
    counts_only.pagerank.max_iterations = 0;
    web::authority_result r = web::compute_authority(g, counts_only);
    install(r.pages, std::move(levels[0]), ao.pagerank.damping, "page");
    install(r.domains, std::move(levels[1]), ao.pagerank.damping, "domain");
    if (a.hosts) install(r.hosts, std::move(levels[2]), ao.pagerank.damping, "host");
    std::filesystem::create_directories(a.out);
    const std::filesystem::path dir(a.out);
    std::vector<std::unique_ptr<io::atomic_output>> files;
    auto write = [&](web::table_level level, web::authority_table&& t, const char* name) {
        const web::score_table table = web::make_score_table(g, level, std::move(t));
        files.push_back(std::make_unique<io::atomic_output>(dir / name));
        io::atomic_output& out = *files.back();
        web::write_csv(table, g, [&out](std::string_view s) { out.write(s); });
    };
    write(web::table_level::pages, std::move(r.pages), "pages.csv");
    write(web::table_level::domains, std::move(r.domains), "domains.csv");
    if (a.hosts) write(web::table_level::hosts, std::move(r.hosts), "hosts.csv");
    if (!g.redirects().empty()) {
        files.push_back(std::make_unique<io::atomic_output>(dir / "redirects.csv"));
        io::atomic_output& out = *files.back();
        web::write_redirects_csv(g.redirects(), [&out](std::string_view s) { out.write(s); });
    }
    std::vector<io::atomic_output*> outs;
    for (auto& f : files) outs.push_back(f.get());
    io::commit_all(outs);
    fmt::print("wrote        {}\n", a.out);
}

}  // namespace

void add_score(CLI::App& app, score_args& a) {
    CLI::App* cmd = app.add_subcommand(
        "score", "Page, domain (and host) authority files of a web snapshot partitioned with "
                 "`linkequity snapshot --web LINKS --partitions P --out DIR`, one part per rank");
    cmd->add_option("--snapshot", a.snapshot, "Directory of the partitioned web snapshot")
        ->required();
    cmd->add_option("--out", a.out, "Output directory (pages.csv, domains.csv, hosts.csv)")
        ->required();
    cmd->add_flag("--hosts", a.hosts, "Also score hosts (hosts.csv)");
    cmd->add_option("--damping", a.damping, "Damping factor α")->capture_default_str();
    cmd->add_option("--tolerance", a.tolerance, "L1 change at which to stop")
        ->capture_default_str();
    cmd->add_option("--max-iterations", a.max_iterations, "Iteration limit")
        ->capture_default_str();
    cmd->add_option("--solver", a.solver,
                    "power, or local_gauss_seidel (Gauss-Seidel inside fixed blocks of 4,096 ids: "
                    "fewer iterations on page graphs); either writes the files `linkequity score "
                    "--solver` writes, byte for byte")
        ->check(CLI::IsMember({"power", "local_gauss_seidel"}))
        ->capture_default_str();
}

int run_score(const score_args& a, MPI_Comm comm) {
    int rank = 0, size = 0;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    web::authority_options ao;
    ao.compute_hosts = a.hosts;
    ao.pagerank.damping = a.damping;
    ao.pagerank.tolerance = a.tolerance;
    ao.pagerank.max_iterations = a.max_iterations;
    if (a.solver == "local_gauss_seidel") ao.pagerank.solver = pagerank_solver::local_gauss_seidel;
    std::vector<const char*> names = {"pages", "domains"};
    if (a.hosts) names.push_back("hosts");
    std::vector<dist::graph_part> parts(names.size());
    int code = collectively([&] {
        ao.validate();
        for (std::size_t i = 0; i < names.size(); ++i)
            parts[i] = open_level(a.snapshot, names[i], rank, size);
    }, rank, comm);
    if (code != exit_ok) return code;
    std::vector<level_result> levels(3);
    code = collectively([&] {
        for (std::size_t i = 0; i < parts.size(); ++i)
            levels[i] = run_level(parts[i], ao.pagerank, rank, size, comm);
    }, rank, comm);
    if (code != exit_ok) return code;
    return collectively([&] { if (rank == 0) write_tables(a, ao, levels); }, rank, comm);
}

}  // namespace linkequity::mpi_cli
