// SPDX-License-Identifier: MIT
// Run under mpirun (tests/mpi/CMakeLists.txt): every rank builds the same weighted graphs with
// nofollow flags and dangling nodes (70,000 nodes: parts cut inside the 2^16-node blocks of the
// masses; 500 nodes: one block, so all but one rank hold no node), rank 0 partitions each into
// one part per rank, and each option set must give, put together, the single-process
// pagerank() (or trustrank()) bit for bit: the same scores, iterations, D and Z. Options:
// exclude, evaporate, unweighted, personalization (whole and as slices), TrustRank seeds,
// start and dangling vectors, quadratic extrapolation, local Gauss–Seidel. Gauss–Seidel: bit
// for bit on one rank, to 1e-10 in L1 on more; topics (mpi_topic_pagerank, power and local
// Gauss–Seidel) against pagerank() and topic_pagerank(); and the refusals, on every rank alike.
// Usage: mpi_pagerank_check WORKDIR. Exit 0 when every case passes.
#include <fmt/format.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <functional>
#include <stdexcept>
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

/// A per-node vector with zeros and unequal weights (not a distribution: pagerank normalises).
std::vector<double> weights_vector(std::size_t n, std::size_t salt) {
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = (i * 7 + salt) % 5 == 0 ? 0.0 : 0.25 + static_cast<double>((i * salt) % 9);
    return v;
}

/// This rank's slice of a whole vector.
std::vector<double> slice(const std::vector<double>& v, const dist::graph_part& p) {
    return {v.begin() + static_cast<std::ptrdiff_t>(p.first),
            v.begin() + static_cast<std::ptrdiff_t>(p.last)};
}

struct context {
    const dist::graph_part& part;
    const csr_graph& g;
    int rank, size;
};

/// The distributed scores gathered on rank 0 must equal the single-process result `single`
/// (computed on rank 0 only) bit for bit, with the same iterations, D and Z — or, with
/// `within` > 0, to `within` in L1 (D and Z too), both converged.
bool check(const context& c, const pagerank_options& o, const dist::local_vectors& slices,
           const std::function<pagerank_result()>& single, const char* name,
           double within = 0) {
    const dist::mpi_pagerank_result r = dist::mpi_pagerank(c.part, o, slices, MPI_COMM_WORLD);
    std::vector<int> counts(c.size), displs(c.size);
    const int mine = static_cast<int>(r.scores.size());
    MPI_Gather(&mine, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    for (int i = 1; i < c.size; ++i) displs[i] = displs[i - 1] + counts[i - 1];
    std::vector<double> all(c.g.num_nodes());
    MPI_Gatherv(r.scores.data(), mine, MPI_DOUBLE, all.data(), counts.data(), displs.data(),
                MPI_DOUBLE, 0, MPI_COMM_WORLD);
    int ok = 1;
    if (c.rank == 0) {
        const pagerank_result s = single();
        std::size_t differ = 0;
        double l1 = 0;
        for (std::size_t i = 0; i < all.size(); ++i) {
            differ += std::memcmp(&all[i], &s.scores[i], sizeof(double)) != 0;
            l1 += std::fabs(all[i] - s.scores[i]);
        }
        if (within > 0)
            ok = l1 < within && s.converged && r.converged &&
                 std::fabs(s.dangling_mass - r.dangling_mass) < within &&
                 std::fabs(s.evaporated_mass - r.evaporated_mass) < within;
        else
            ok = differ == 0 && s.iterations == r.iterations && s.converged == r.converged &&
                 s.dangling_mass == r.dangling_mass && s.evaporated_mass == r.evaporated_mass;
        fmt::print("{:<16} n={} P={}: {} of {} scores differ in bits (L1 {:.3e}), iterations "
                   "{} / {}, D {:.17g} / {:.17g}, Z {:.17g} / {:.17g} {}\n", name, all.size(),
                   c.size, differ, all.size(), l1, r.iterations, s.iterations, r.dangling_mass,
                   s.dangling_mass, r.evaporated_mass, s.evaporated_mass, ok ? "ok" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    return ok != 0;
}

/// The run must throw std::invalid_argument on every rank, with `what` in rank 0's message.
bool refused(const context& c, const pagerank_options& o, const dist::local_vectors& slices,
             const char* what, const char* name) {
    std::string message = "no error";
    try {
        dist::mpi_pagerank(c.part, o, slices, MPI_COMM_WORLD);
    } catch (const std::invalid_argument& e) {
        message = e.what();
    }
    int threw = message != "no error" ? 1 : 0, everywhere = 0;
    MPI_Allreduce(&threw, &everywhere, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    const bool ok = everywhere == 1 && (c.rank != 0 || message.find(what) != std::string::npos);
    if (c.rank == 0) fmt::print("{:<16} refused: {} {}\n", name, message, ok ? "ok" : "FAIL");
    int all_ok = ok ? 1 : 0, global = 0;
    MPI_Allreduce(&all_ok, &global, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    return global == 1;
}

/// mpi_topic_pagerank with `solver`: each topic gathered on rank 0 has the bits of pagerank()
/// with the dense seed vector, and equals topic_pagerank()'s column to 1e-12 in L1.
bool check_topics(const context& c, pagerank_solver solver) {
    const std::size_t n = c.g.num_nodes();
    const auto id = [](std::size_t i) { return static_cast<node_id>(i); };
    std::vector<topic_seeds> topics(3);
    topics[0] = {"uniform", {3, id(n / 2), id(n - 1)}, {}};
    topics[1] = {"weighted", {7, id(n / 3), 7, id(n - 2)}, {1.0, 2.5, 0.5, 4.0}};  // 7 twice
    topics[2] = {"one", {id(n / 5)}, {}};
    topic_pagerank_options o;
    o.pagerank.excluded_links = excluded_link_mode::evaporate;
    o.pagerank.solver = solver;
    o.pagerank.node_order = pagerank_node_order::as_built;
    const auto mine = dist::mpi_topic_pagerank(c.part, o, topics, MPI_COMM_WORLD);
    int ok = mine.size() == topics.size() ? 1 : 0;
    const topic_pagerank_result batch =
        c.rank == 0 ? topic_pagerank(c.g, topics, o) : topic_pagerank_result{};
    for (std::size_t t = 0; t < topics.size(); ++t) {
        std::vector<int> counts(c.size), displs(c.size);
        const int count = static_cast<int>(mine[t].scores.size());
        MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
        for (int i = 1; i < c.size; ++i) displs[i] = displs[i - 1] + counts[i - 1];
        std::vector<double> all(n);
        MPI_Gatherv(mine[t].scores.data(), count, MPI_DOUBLE, all.data(), counts.data(),
                    displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
        if (c.rank != 0) continue;
        pagerank_options single = o.pagerank;
        single.personalization.assign(n, 0.0);
        for (std::size_t q = 0; q < topics[t].nodes.size(); ++q)
            single.personalization[topics[t].nodes[q]] +=
                topics[t].weights.empty() ? 1.0 : topics[t].weights[q];
        const pagerank_result s = pagerank(c.g, single);
        double l1_batch = 0;
        std::size_t differ = 0;
        for (std::size_t i = 0; i < n; ++i) {
            differ += std::memcmp(&all[i], &s.scores[i], sizeof(double)) != 0;
            l1_batch += std::fabs(all[i] - batch.score(i, t));
        }
        const bool good = differ == 0 && s.iterations == mine[t].iterations &&
                          l1_batch < 1e-12 && batch.iterations[t] == mine[t].iterations;
        ok = ok && good;
        fmt::print("topic {:<10} {} n={} P={}: {} scores differ in bits from pagerank(v_t), L1 "
                   "to topic_pagerank {:.3e}, iterations {} / {} / {} {}\n", topics[t].name,
                   to_string(solver), n, c.size, differ, l1_batch, mine[t].iterations,
                   s.iterations, batch.iterations[t], good ? "ok" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    return ok != 0;
}

bool run_cases(const context& c) {
    const std::size_t n = c.g.num_nodes();
    bool ok = true;
    pagerank_options o;
    o.node_order = pagerank_node_order::as_built;
    auto same = [&](const pagerank_options& opt, const dist::local_vectors& sl, const char* name,
                    std::function<pagerank_result()> single = {}, double within = 0) {
        if (!single) single = [&] { return pagerank(c.g, opt); };
        ok = check(c, opt, sl, single, name, within) && ok;
    };
    same(o, {}, "exclude");
    o.excluded_links = excluded_link_mode::evaporate;
    same(o, {}, "evaporate");
    o.weighted = false;
    o.damping = 0.6;
    same(o, {}, "unweighted");
    o = {};
    o.excluded = 0;
    o.tolerance = 1e-14;
    same(o, {}, "no_excluded");
    // Personalization as a whole vector (dangling like it), then as slices (dangling uniform).
    o = {};
    o.personalization = weights_vector(n, 3);
    same(o, {}, "personalization");
    pagerank_options whole = o;
    whole.dangling = dangling_policy::uniform;
    o.personalization.clear();
    o.dangling = dangling_policy::uniform;
    same(o, {slice(whole.personalization, c.part), {}, {}}, "pers_slices",
         [&] { return pagerank(c.g, whole); });
    // TrustRank: each rank passes 1/|S| on its seeds (what trustrank() puts in v).
    seed_set seeds;
    for (std::size_t i = 3; i < n; i += n / 7 + 1) seeds.nodes.push_back(static_cast<node_id>(i));
    std::vector<double> trust(n, 0.0);
    for (node_id s : seeds.nodes) trust[s] = 1.0 / static_cast<double>(seeds.nodes.size());
    o = {};
    same(o, {slice(trust, c.part), {}, {}}, "trustrank",
         [&] { return trustrank(c.g, seeds, pagerank_options{}); });
    // Start and dangling vectors (slices and whole), evaporate mode.
    whole = {};
    whole.excluded_links = excluded_link_mode::evaporate;
    whole.start = weights_vector(n, 5);
    whole.dangling = dangling_policy::vector;
    whole.dangling_distribution = weights_vector(n, 7);
    o = whole;
    o.start.clear();
    same(o, {{}, {}, slice(whole.start, c.part)}, "start_dangling",
         [&] { return pagerank(c.g, whole); });
    // Quadratic extrapolation, uniform and personalised, exclude and evaporate.
    o = {};
    o.acceleration = pagerank_acceleration::quadratic;
    o.acceleration_period = 5;
    o.tolerance = 1e-13;
    same(o, {}, "quadratic");
    o.personalization = weights_vector(n, 11);
    o.excluded_links = excluded_link_mode::evaporate;
    same(o, {}, "quadratic_pers");
    // Gauss–Seidel: on one rank the single-process solver bit for bit; on more, Gauss–Seidel
    // inside each rank and Jacobi across ranks, which converges to the same fixed point.
    const double gs_within = c.size == 1 ? 0 : 1e-10;
    o = {};
    o.solver = pagerank_solver::gauss_seidel;
    o.tolerance = 1e-13;
    o.max_iterations = 1000;
    same(o, {}, "gauss_seidel", {}, gs_within);
    o.excluded_links = excluded_link_mode::evaporate;
    o.personalization = weights_vector(n, 13);
    same(o, {}, "gs_evap_pers", {}, gs_within);
    o.dangling = dangling_policy::uniform;
    o.excluded = 0;
    same(o, {}, "gs_unmasked", {}, gs_within);
    // Local Gauss–Seidel: bit for bit on any number of ranks (parts cut at whole blocks).
    o = {};
    o.solver = pagerank_solver::local_gauss_seidel;
    o.node_order = pagerank_node_order::as_built;
    o.tolerance = 1e-13;
    same(o, {}, "local_gs");
    o.excluded_links = excluded_link_mode::evaporate;
    o.personalization = weights_vector(n, 17);
    same(o, {}, "local_gs_evap");
    whole = o;
    whole.start = weights_vector(n, 19);
    whole.dangling = dangling_policy::vector;
    whole.dangling_distribution = weights_vector(n, 23);
    whole.weighted = false;
    o = whole;
    o.start.clear();
    o.dangling_distribution.clear();
    same(o, {{}, slice(whole.dangling_distribution, c.part), slice(whole.start, c.part)},
         "local_gs_slices", [&] { return pagerank(c.g, whole); });
    // Refusals: on every rank alike, even when only one rank's slice is wrong.
    o = {};
    std::vector<double> bad = slice(whole.start, c.part);
    if (c.rank == c.size - 1) bad.push_back(1.0);
    ok = refused(c, o, {bad, {}, {}}, c.rank == c.size - 1 ? "slice of personalization" : "rank",
                 "bad_slice") && ok;
    o.personalization = whole.start;
    ok = refused(c, o, {slice(whole.start, c.part), {}, {}}, "both", "both_ways") && ok;
    return ok;
}

}  // namespace

int main(int argc, char** argv) {
    MPI_Init(&argc, &argv);
    int rank = 0, size = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::string dir = argc > 1 ? argv[1] : "mpi_pagerank_check";
    bool ok = true;
    for (std::size_t n : {70000, 500}) {
        const csr_graph g = sample_graph(n);
        const std::string parts = fmt::format("{}/n{}", dir, n);
        if (rank == 0) {
            std::filesystem::remove_all(parts);
            dist::save_partitions(parts, g, static_cast<std::size_t>(size));
        }
        MPI_Barrier(MPI_COMM_WORLD);
        const dist::graph_part part = dist::load_graph_part(dist::load_partition_manifest(parts),
                                                            static_cast<std::size_t>(rank));
        if (rank == 0) {
            const auto& b = part.manifest.bounds;
            fmt::print("n={} bounds", n);
            for (auto x : b) fmt::print(" {}", x);
            fmt::print("\n");
        }
        ok = run_cases({part, g, rank, size}) && ok;
        for (const auto solver : {pagerank_solver::power, pagerank_solver::local_gauss_seidel})
            ok = check_topics({part, g, rank, size}, solver) && ok;
    }
    MPI_Finalize();
    return ok ? 0 : 1;
}
