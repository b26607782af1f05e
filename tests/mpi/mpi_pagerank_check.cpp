// SPDX-License-Identifier: MIT
// Run under mpirun (tests/mpi/CMakeLists.txt): every rank builds the same weighted graph with
// nofollow flags and dangling nodes, rank 0 partitions it into one part per rank, and each
// option set (exclude / evaporate / unweighted / nothing excluded) must give, put together, the
// single-process pagerank() of the graph to 1e-12 in L1, with the same iteration count.
// Usage: mpi_pagerank_check WORKDIR. Exit 0 when every case passes.
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <vector>

#include "linkequity/dist/mpi_pagerank.hpp"
#include "linkequity/linkequity.hpp"

using namespace linkequity;

namespace {

csr_graph sample_graph(std::size_t n) {
    edge_list e;
    e.num_nodes = n;
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 13 == 0) continue;  // dangling
        for (std::size_t t : {(5 * i + 2) % n, (11 * i + 7) % n, (i * i + 1) % n}) {
            if (t == i) continue;
            e.src.push_back(static_cast<node_id>(i));
            e.dst.push_back(static_cast<node_id>(t));
            e.weights.push_back(static_cast<edge_weight>(1 + (i + t) % 3));
            e.flags.push_back((i + t) % 4 == 0 ? flags::nofollow : flags::none);
        }
    }
    return build_graph(e);
}

/// L1 distance between the gathered distributed scores and the single-process ones (rank 0).
bool check(const dist::graph_part& part, const csr_graph& g, const pagerank_options& o,
           const char* name, int rank, int size) {
    const dist::mpi_pagerank_result r = dist::mpi_pagerank(part, o, MPI_COMM_WORLD);
    std::vector<int> counts(size), displs(size);
    const int mine = static_cast<int>(r.scores.size());
    MPI_Gather(&mine, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    for (int i = 1; i < size; ++i) displs[i] = displs[i - 1] + counts[i - 1];
    std::vector<double> all(g.num_nodes());
    MPI_Gatherv(r.scores.data(), mine, MPI_DOUBLE, all.data(), counts.data(), displs.data(),
                MPI_DOUBLE, 0, MPI_COMM_WORLD);
    int ok = 1;
    if (rank == 0) {
        const pagerank_result s = pagerank(g, o);
        double l1 = 0;
        for (std::size_t i = 0; i < all.size(); ++i) l1 += std::fabs(all[i] - s.scores[i]);
        ok = l1 < 1e-12 && s.iterations == r.iterations && s.converged == r.converged &&
             std::fabs(s.dangling_mass - r.dangling_mass) < 1e-14 &&
             std::fabs(s.evaporated_mass - r.evaporated_mass) < 1e-14;
        fmt::print("{:<12} P={} L1={:.3e} iterations {} / {} D {:.6f} / {:.6f} Z {:.6f} / {:.6f} "
                   "{}\n", name, size, l1, r.iterations, s.iterations, r.dangling_mass,
                   s.dangling_mass, r.evaporated_mass, s.evaporated_mass, ok ? "ok" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    return ok != 0;
}

}  // namespace

int main(int argc, char** argv) {
    MPI_Init(&argc, &argv);
    int rank = 0, size = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::string dir = argc > 1 ? argv[1] : "mpi_pagerank_check";
    const csr_graph g = sample_graph(500);
    if (rank == 0) {
        std::filesystem::remove_all(dir);
        dist::save_partitions(dir, g, static_cast<std::size_t>(size));
    }
    MPI_Barrier(MPI_COMM_WORLD);
    const dist::graph_part part =
        dist::load_graph_part(dist::load_partition_manifest(dir), static_cast<std::size_t>(rank));
    bool ok = true;
    pagerank_options o;
    o.node_order = pagerank_node_order::as_built;
    ok &= check(part, g, o, "exclude", rank, size);
    o.excluded_links = excluded_link_mode::evaporate;
    ok &= check(part, g, o, "evaporate", rank, size);
    o.weighted = false;
    o.damping = 0.6;
    ok &= check(part, g, o, "unweighted", rank, size);
    o = {};
    o.excluded = 0;
    o.tolerance = 1e-14;
    ok &= check(part, g, o, "no_excluded", rank, size);
    MPI_Finalize();
    return ok ? 0 : 1;
}
