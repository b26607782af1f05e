// SPDX-License-Identifier: MIT
// Distributed PageRank (dist/mpi_pagerank.hpp): out-weights of the local nodes, the ghost
// lists (which remote contributions each rank needs, exchanged once), then the power
// iteration of src/algo/pagerank/reference.cpp with one MPI_Alltoallv of the ghosts'
// contributions per iteration and D, Z, residual added in rank order.
#include "linkequity/dist/mpi_pagerank.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <type_traits>

#include "linkequity/detail/kahan.hpp"
#include "linkequity/detail/parallel.hpp"

namespace linkequity::dist {
namespace {

using linkequity::detail::kahan_add;

void check_options(const graph_part& part, const pagerank_options& o, MPI_Comm comm) {
    o.validate(part.manifest.num_nodes);
    auto unsupported = [](const char* what) {
        throw std::invalid_argument(
            fmt::format("mpi_pagerank: {} is not supported by the distributed kernel", what));
    };
    if (!o.personalization.empty()) unsupported("a personalization vector");
    if (!o.start.empty()) unsupported("a start vector");
    if (o.dangling == dangling_policy::vector) unsupported("dangling = vector");
    if (o.solver != pagerank_solver::power) unsupported("solver = gauss_seidel");
    if (o.acceleration != pagerank_acceleration::none) unsupported("acceleration = quadratic");
    if (part.manifest.lean && o.excluded_links == excluded_link_mode::evaporate)
        throw std::invalid_argument(
            "mpi_pagerank: excluded_links = evaporate needs the excluded links, which a lean "
            "graph dropped at build time");
    if (part.manifest.lean && !o.weighted && part.manifest.weights)
        unsupported("an unweighted run on a weighted lean graph");
    int size = 0, rank = 0;
    MPI_Comm_size(comm, &size);
    MPI_Comm_rank(comm, &rank);
    if (static_cast<std::size_t>(size) != part.manifest.parts ||
        static_cast<std::size_t>(rank) != part.index)
        throw std::invalid_argument(fmt::format(
            "mpi_pagerank: rank {} of {} holds part {} of {}: run with as many ranks as parts",
            rank, size, part.index, part.manifest.parts));
}

/// What the iteration reads: 1/out(j), the evaporating share, the in-rows with sources
/// renumbered into [local nodes | ghosts], and the send lists.
struct dist_problem {
    std::size_t n_global = 0, n_local = 0;
    double alpha = 0.85;
    std::vector<double> inv_out, evaporated;  // per local node (evaporated may be empty)
    std::vector<std::uint32_t> sources;       // renumbered in-edge sources
    const edge_offset* offsets = nullptr;
    const edge_weight* weights = nullptr;     // null = unweighted
    const edge_flags* flags = nullptr;        // null = no masking
    edge_flags mask = 0;
    std::vector<std::uint64_t> ghosts;        // global ids, ascending
    std::vector<int> recv_counts, recv_displs, send_counts, send_displs;
    std::vector<std::uint32_t> send_local;    // local index of each value sent, by requester
};

/// out(j) of local node j as the single-process kernel computes it (row order of the
/// out-adjacency, or the lean graph's stored weight).
std::vector<double> local_out_weight(const graph_part& p, bool weighted, edge_flags mask) {
    if (p.manifest.lean) return {p.lean_out_weight.begin(), p.lean_out_weight.end()};
    std::vector<double> w(p.num_local());
    for (std::size_t j = 0; j < w.size(); ++j) {
        double s = 0;
        for (edge_offset e = p.out_offsets[j]; e < p.out_offsets[j + 1]; ++e) {
            if (mask && (p.out_flags[e] & mask)) continue;
            s += weighted ? static_cast<double>(p.out_weights[e]) : 1.0;
        }
        w[j] = s;
    }
    return w;
}

void set_out_weights(const graph_part& p, const pagerank_options& o, bool masked, dist_problem& k) {
    const bool weighted = o.weighted && p.manifest.weights;
    const bool flags = p.manifest.flags && !p.manifest.lean;
    const bool evaporate = o.excluded_links == excluded_link_mode::evaporate;
    const std::vector<double> out =
        local_out_weight(p, weighted, !evaporate && flags ? o.excluded : edge_flags(0));
    k.inv_out.resize(out.size());
    for (std::size_t j = 0; j < out.size(); ++j) k.inv_out[j] = out[j] > 0 ? 1.0 / out[j] : 0.0;
    if (evaporate && masked) {
        const std::vector<double> follow = local_out_weight(p, weighted, o.excluded);
        k.evaporated.resize(out.size());
        for (std::size_t j = 0; j < out.size(); ++j)
            k.evaporated[j] = out[j] > 0 ? (out[j] - follow[j]) / out[j] : 0.0;
    }
}

/// The ghost lists: which remote sources this rank reads (grouped by owner, ascending), which
/// of its own nodes each other rank reads, and the in-edges' sources renumbered.
void set_ghosts(const graph_part& p, MPI_Comm comm, dist_problem& k) {
    const partition_manifest& m = p.manifest;
    const int size = static_cast<int>(m.parts);
    for (node_id s : p.in_sources)
        if (s < p.first || s >= p.last) k.ghosts.push_back(s);
    std::sort(k.ghosts.begin(), k.ghosts.end());
    k.ghosts.erase(std::unique(k.ghosts.begin(), k.ghosts.end()), k.ghosts.end());
    k.recv_counts.assign(size, 0);
    for (std::uint64_t g : k.ghosts) ++k.recv_counts[m.owner(g)];
    k.send_counts.assign(size, 0);
    MPI_Alltoall(k.recv_counts.data(), 1, MPI_INT, k.send_counts.data(), 1, MPI_INT, comm);
    k.recv_displs.assign(size, 0);
    k.send_displs.assign(size, 0);
    for (int r = 1; r < size; ++r) {
        k.recv_displs[r] = k.recv_displs[r - 1] + k.recv_counts[r - 1];
        k.send_displs[r] = k.send_displs[r - 1] + k.send_counts[r - 1];
    }
    const std::vector<std::uint32_t> wanted(k.ghosts.begin(), k.ghosts.end());
    std::vector<std::uint32_t> requested(
        static_cast<std::size_t>(k.send_displs[size - 1] + k.send_counts[size - 1]));
    MPI_Alltoallv(wanted.data(), k.recv_counts.data(), k.recv_displs.data(), MPI_UINT32_T,
                  requested.data(), k.send_counts.data(), k.send_displs.data(), MPI_UINT32_T,
                  comm);
    k.send_local.resize(requested.size());
    for (std::size_t i = 0; i < requested.size(); ++i)
        k.send_local[i] = static_cast<std::uint32_t>(requested[i] - p.first);
    k.sources.resize(p.in_sources.size());
    for (std::size_t e = 0; e < p.in_sources.size(); ++e) {
        const node_id s = p.in_sources[e];
        k.sources[e] = s >= p.first && s < p.last
                           ? static_cast<std::uint32_t>(s - p.first)
                           : static_cast<std::uint32_t>(
                                 k.n_local + (std::lower_bound(k.ghosts.begin(), k.ghosts.end(), s) -
                                              k.ghosts.begin()));
    }
}

/// Σ over ranks, in rank order, of each rank's `count` partial sums.
std::vector<double> sum_in_rank_order(const double* partial, int count, MPI_Comm comm) {
    int size = 0;
    MPI_Comm_size(comm, &size);
    std::vector<double> all(static_cast<std::size_t>(count) * size);
    MPI_Allgather(partial, count, MPI_DOUBLE, all.data(), count, MPI_DOUBLE, comm);
    std::vector<double> sum(count, 0.0);
    for (int r = 0; r < size; ++r)
        for (int i = 0; i < count; ++i) sum[i] += all[static_cast<std::size_t>(r) * count + i];
    return sum;
}

/// D and Z of the local slice x (compensated, id order), summed over the ranks.
std::vector<double> global_masses(const dist_problem& k, const std::vector<double>& x,
                                  MPI_Comm comm) {
    double d = 0, d_lo = 0, z = 0, z_lo = 0;
    for (std::size_t i = 0; i < k.n_local; ++i) {
        if (k.inv_out[i] == 0.0) kahan_add(d, d_lo, x[i]);
        if (!k.evaporated.empty()) kahan_add(z, z_lo, x[i] * k.evaporated[i]);
    }
    const double partial[2] = {d + d_lo, z + z_lo};
    return sum_in_rank_order(partial, 2, comm);
}

/// This rank's rows of one Jacobi sweep: x' by the update equation of kernel.hpp (uniform
/// teleport), c' = x' / out(i); returns the local residual, D and Z (compensated, as the
/// single-process step sums them). Sums per row in row order, like pull() there.
template <bool Weighted, bool Masked>
std::array<double, 3> sweep(const dist_problem& k, const double* c, double* c_next,
                            std::vector<double>& x, double dangling, double evaporated) {
    const double to_u = k.alpha * dangling;
    const double to_v = k.alpha * evaporated + (1.0 - k.alpha);
    const double teleport = (to_u + to_v) / static_cast<double>(k.n_global);
    const double* ev = k.evaporated.empty() ? nullptr : k.evaporated.data();
    const std::size_t n = k.n_local;
    // Per fixed block of rows, then in block order: the same bits on any thread count and in
    // every run (an OpenMP reduction clause adds in thread-arrival order).
    const auto s = linkequity::detail::ordered_sums<5>(n, [&](std::size_t i, auto& a) {
        double pulled = 0;
        for (edge_offset e = k.offsets[i]; e < k.offsets[i + 1]; ++e) {
            if constexpr (Masked) {
                if (k.flags[e] & k.mask) continue;
            }
            if constexpr (Weighted) pulled += c[k.sources[e]] * static_cast<double>(k.weights[e]);
            else pulled += c[k.sources[e]];
        }
        const double xi = k.alpha * pulled + teleport;
        a[0] += std::fabs(xi - x[i]);
        x[i] = xi;
        const double inv = k.inv_out[i];
        c_next[i] = xi * inv;
        if (inv == 0.0) kahan_add(a[1], a[2], xi);
        if (ev) kahan_add(a[3], a[4], xi * ev[i]);
    });
    return {s[0], s[1] + s[2], s[3] + s[4]};
}

/// The power iteration: exchange the ghosts' contributions, pull, update, reduce.
class iteration {
public:
    iteration(const dist_problem& k, std::vector<double>& x, MPI_Comm comm)
        : k_(k), x_(x), comm_(comm), c_(k.n_local + k.ghosts.size()), c_next_(c_.size()),
          send_(k.send_local.size()) {
        for (std::size_t i = 0; i < k.n_local; ++i) c_[i] = x[i] * k.inv_out[i];
        const std::vector<double> dz = global_masses(k, x, comm);
        dangling_ = dz[0];
        evaporated_ = dz[1];
    }

    /// One iteration; returns the global residual. Adds the time spent in MPI to comm_seconds.
    double operator()(double& comm_seconds) {
        double t = MPI_Wtime();
        for (std::size_t i = 0; i < send_.size(); ++i) send_[i] = c_[k_.send_local[i]];
        MPI_Alltoallv(send_.data(), k_.send_counts.data(), k_.send_displs.data(), MPI_DOUBLE,
                      c_.data() + k_.n_local, k_.recv_counts.data(), k_.recv_displs.data(),
                      MPI_DOUBLE, comm_);
        comm_seconds += MPI_Wtime() - t;
        std::array<double, 3> partial{};
        auto run = [&](auto weighted, auto masked) {
            partial = sweep<decltype(weighted)::value, decltype(masked)::value>(
                k_, c_.data(), c_next_.data(), x_, dangling_, evaporated_);
        };
        using yes = std::true_type;
        using no = std::false_type;
        if (k_.weights && k_.flags) run(yes{}, yes{});
        else if (k_.weights) run(yes{}, no{});
        else if (k_.flags) run(no{}, yes{});
        else run(no{}, no{});
        c_.swap(c_next_);  // the ghost region is refilled by the next exchange
        t = MPI_Wtime();
        const std::vector<double> s = sum_in_rank_order(partial.data(), 3, comm_);
        comm_seconds += MPI_Wtime() - t;
        dangling_ = s[1];
        evaporated_ = s[2];
        return s[0];
    }

private:
    const dist_problem& k_;
    std::vector<double>& x_;
    MPI_Comm comm_;
    std::vector<double> c_, c_next_, send_;
    double dangling_ = 0, evaporated_ = 0;
};

/// The problem of this rank: options checked, out-weights, ghost lists, edge kinds.
dist_problem make_problem(const graph_part& p, const pagerank_options& o, MPI_Comm comm) {
    check_options(p, o, comm);
    dist_problem k;
    k.n_global = p.manifest.num_nodes;
    k.n_local = p.num_local();
    k.alpha = o.damping;
    bool masked = false;
    if (!p.in_flags.empty() && o.excluded != 0)
        for (edge_flags f : p.in_flags) masked = masked || (f & o.excluded) != 0;
    int any = masked ? 1 : 0, global_any = 0;
    MPI_Allreduce(&any, &global_any, 1, MPI_INT, MPI_MAX, comm);
    masked = global_any != 0;
    set_out_weights(p, o, masked, k);
    set_ghosts(p, comm, k);
    k.offsets = p.in_offsets.data();
    k.weights = o.weighted && p.manifest.weights ? p.in_weights.data() : nullptr;
    k.flags = masked ? p.in_flags.data() : nullptr;
    k.mask = masked ? o.excluded : 0;
    return k;
}

}  // namespace

mpi_pagerank_result mpi_pagerank(const graph_part& part, const pagerank_options& o,
                                 MPI_Comm comm) {
    mpi_pagerank_result r;
    r.first = part.first;
    const double t0 = MPI_Wtime();
    const dist_problem k = make_problem(part, o, comm);
    r.ghosts = k.ghosts.size();
    r.sent_values = k.send_local.size();
    std::vector<double> x(k.n_local, 1.0 / static_cast<double>(std::max<std::size_t>(1, k.n_global)));
    if (k.n_global == 0) {
        r.converged = true;
        return r;
    }
    iteration step(k, x, comm);
    r.setup_seconds = MPI_Wtime() - t0;
    const double t1 = MPI_Wtime();
    while (r.iterations < o.max_iterations) {  // detail::drive's loop, without extrapolation
        const double residual = step(r.comm_seconds);
        ++r.iterations;
        r.residual = residual;
        r.history.push_back(residual);
        if (residual < o.tolerance) {
            r.converged = true;
            break;
        }
    }
    r.seconds = MPI_Wtime() - t1;
    const std::vector<double> dz = global_masses(k, x, comm);
    r.dangling_mass = dz[0];
    r.evaporated_mass = dz[1];
    r.scores = std::move(x);
    return r;
}

}  // namespace linkequity::dist
