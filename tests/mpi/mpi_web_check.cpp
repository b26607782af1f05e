// SPDX-License-Identifier: MIT
// Run under mpirun (tests/mpi/CMakeLists.txt) on a directory written by `linkequity snapshot
// --web LINKS --partitions P --out DIR`: the page, host and domain PageRanks that
// dist::mpi_pagerank computes from DIR/pages, DIR/hosts and DIR/domains, put together, must
// equal the `score` column of compute_authority on DIR/web.lqs (what `linkequity score` writes)
// bit for bit, with the same iteration counts. Usage: mpi_web_check DIR. Exit 0 when equal.
#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "linkequity/dist/mpi_pagerank.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/web_graph.hpp"

using namespace linkequity;

namespace {

/// The distributed scores of DIR/<level>, gathered on every rank.
std::vector<double> distributed_scores(const std::string& dir, const pagerank_options& o,
                                       std::size_t& iterations, int rank, int size) {
    const auto part = dist::load_graph_part(dist::load_partition_manifest(dir),
                                            static_cast<std::size_t>(rank));
    const auto r = dist::mpi_pagerank(part, o, MPI_COMM_WORLD);
    iterations = r.iterations;
    std::vector<int> counts(size), displs(size);
    const int mine = static_cast<int>(r.scores.size());
    MPI_Allgather(&mine, 1, MPI_INT, counts.data(), 1, MPI_INT, MPI_COMM_WORLD);
    for (int i = 1; i < size; ++i) displs[i] = displs[i - 1] + counts[i - 1];
    std::vector<double> all(part.manifest.num_nodes);
    MPI_Allgatherv(r.scores.data(), mine, MPI_DOUBLE, all.data(), counts.data(), displs.data(),
                   MPI_DOUBLE, MPI_COMM_WORLD);
    return all;
}

}  // namespace

int main(int argc, char** argv) {
    MPI_Init(&argc, &argv);
    int rank = 0, size = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::string dir = argc > 1 ? argv[1] : ".";
    const web::web_graph g = web::web_graph::open_snapshot(dir + "/web.lqs");
    web::authority_options ao;
    ao.compute_hosts = true;
    const web::authority_result single = web::compute_authority(g, ao);
    bool ok = true;
    const std::pair<const char*, const web::authority_table*> levels[] = {
        {"pages", &single.pages}, {"hosts", &single.hosts}, {"domains", &single.domains}};
    for (const auto& [name, table] : levels) {
        std::size_t iterations = 0;
        const auto x = distributed_scores(dir + "/" + name, ao.pagerank, iterations, rank, size);
        double l1 = 0;
        for (std::size_t i = 0; i < x.size(); ++i) l1 += std::fabs(x[i] - table->score[i]);
        const bool same = x == table->score && iterations == table->iterations;
        ok = ok && same;
        if (rank == 0)
            fmt::print("{:<8} P={} {} nodes, L1 = {:.3e}, iterations {} / {}: {}\n", name, size,
                       x.size(), l1, iterations, table->iterations, same ? "ok" : "FAIL");
    }
    MPI_Finalize();
    return ok ? 0 : 1;
}
