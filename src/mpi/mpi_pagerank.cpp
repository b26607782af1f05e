// SPDX-License-Identifier: MIT
// Distributed PageRank (dist/mpi_pagerank.hpp): out-weights of the local nodes, the teleport,
// dangling and start vectors as this rank's slices, the ghost lists (which remote
// contributions each rank needs, exchanged once), then the power iteration of
// src/algo/pagerank/reference.cpp — its update and pull, per fixed block of 4,096 nodes — with
// one MPI_Alltoallv of the ghosts' contributions per iteration; or the local Gauss–Seidel
// sweep of local_gauss_seidel.hpp on the same blocks, or Gauss–Seidel inside each rank. Every
// sum over the whole graph is added in the single process's order (rank_order.hpp), so the
// scores have its bits (Gauss–Seidel across ranks aside).
#include "linkequity/dist/mpi_pagerank.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "../algo/pagerank/extrapolation.hpp"
#include "../algo/pagerank/jacobi.hpp"
#include "../algo/pagerank/local_gauss_seidel.hpp"
#include "../algo/pagerank/mass_aggregates.hpp"
#include "linkequity/detail/kahan.hpp"
#include "linkequity/detail/parallel.hpp"
#include "dist_aggregates.hpp"
#include "rank_order.hpp"

namespace linkequity::dist {
namespace {

namespace lk = linkequity::detail;
using rank_order::agree;
using rank_order::fold_in_rank_order;
using rank_order::gather_in_rank_order;

static_assert(partition_alignment == lk::sum_block,
              "parts must cut at the single-process kernel's sum blocks");

[[noreturn]] void unsupported(const std::string& what) {
    throw std::invalid_argument(
        fmt::format("mpi_pagerank: {} is not supported by the distributed kernel", what));
}

/// The options other than the per-node vectors, checked as pagerank() checks them, and what
/// the distributed kernel does not run. Every rank sees the same options and throws alike.
void check_options(const graph_part& part, const pagerank_options& o, MPI_Comm comm) {
    pagerank_options scalars = o;  // the vectors are checked per slice (local_distribution)
    scalars.personalization.clear();
    scalars.start.clear();
    scalars.dangling_distribution.clear();
    if (scalars.dangling == dangling_policy::vector) scalars.dangling = dangling_policy::uniform;
    scalars.validate(part.manifest.num_nodes);
    if (part.manifest.lean && o.excluded_links == excluded_link_mode::evaporate)
        throw std::invalid_argument(
            "mpi_pagerank: excluded_links = evaporate needs the excluded links, which a lean "
            "graph dropped at build time");
    if (part.manifest.lean && !o.weighted && part.manifest.weights)
        unsupported("an unweighted run on a weighted lean graph");
    if (o.solver == pagerank_solver::block_gauss_seidel)
        unsupported("solver = block_gauss_seidel (a thread-level scheme of one process; use "
                    "gauss_seidel: Gauss-Seidel inside each rank, Jacobi across ranks)");
    if (o.solver == pagerank_solver::conjugate_gradient)
        unsupported("solver = conjugate_gradient (its symmetry check and inner products are "
                    "written for one process; use power)");
    const int size = rank_order::comm_size(comm), rank = rank_order::comm_rank(comm);
    if (static_cast<std::size_t>(size) != part.manifest.parts ||
        static_cast<std::size_t>(rank) != part.index)
        throw std::invalid_argument(fmt::format(
            "mpi_pagerank: rank {} of {} holds part {} of {}: run with as many ranks as parts",
            rank, size, part.index, part.manifest.parts));
}

/// One per-node vector of the run on this rank: given (as a whole vector in the options or as
/// slices), and if so its entries for this rank's nodes divided by the sum over the whole
/// graph — pagerank()'s normalisation, with the sum added in id order across the ranks.
struct local_vector {
    bool given = false;
    std::vector<double> values;
};

local_vector local_distribution(const std::vector<double>& full, const std::vector<double>& slice,
                                const graph_part& p, const char* name, MPI_Comm comm) {
    int here = slice.empty() ? 0 : 1, any = 0;
    MPI_Allreduce(&here, &any, 1, MPI_INT, MPI_MAX, comm);
    const std::size_t n = p.manifest.num_nodes, local = p.num_local();
    if (!full.empty() && any)
        throw std::invalid_argument(fmt::format(
            "mpi_pagerank: {} is given both in the options and as rank slices, expected one",
            name));
    local_vector v;
    if (full.empty() && !any) return v;
    if (!full.empty() && full.size() != n)
        throw std::invalid_argument(fmt::format(
            "mpi_pagerank: {} has {} entries, expected {} (one per node) or none", name,
            full.size(), n));
    v.given = true;
    const auto from = static_cast<std::ptrdiff_t>(p.first);
    const auto to = static_cast<std::ptrdiff_t>(p.last);
    v.values = full.empty() ? slice : std::vector<double>(full.begin() + from, full.begin() + to);
    std::string error;
    if (v.values.size() != local)
        error = fmt::format("mpi_pagerank: rank {}: its slice of {} has {} entries, expected {} "
                            "(its nodes [{}, {}))", p.index, name, v.values.size(), local,
                            p.first, p.last);
    for (std::size_t i = 0; i < v.values.size() && error.empty(); ++i)
        if (!(std::isfinite(v.values[i]) && v.values[i] >= 0))
            error = fmt::format("mpi_pagerank: {}[{}] is {}, expected a finite number >= 0", name,
                                p.first + i, v.values[i]);
    agree(error, comm);
    const double sum = fold_in_rank_order<1>(
        {0.0}, [&](std::array<double, 1>& s) { for (double x : v.values) s[0] += x; }, comm)[0];
    if (!(sum > 0))
        throw std::invalid_argument(
            fmt::format("mpi_pagerank: {} sums to {}, expected a positive sum", name, sum));
    for (double& x : v.values) x /= sum;
    return v;
}

/// What the iteration reads: the single-process problem for this rank's rows (k.n is the
/// global n, for the 1/n of the update equation; inv_out, evaporated, v, u and the rows are
/// local, the rows' sources renumbered into [local nodes | ghosts]), the sum blocks and the
/// send lists.
struct dist_problem {
    lk::pagerank_problem k;
    std::size_t n_local = 0;
    std::uint64_t first = 0;
    std::vector<node_id> sources;          // renumbered in-edge sources
    std::vector<std::uint64_t> blocks;     // rank_order::block_starts of the 4,096-node blocks
    std::vector<std::uint64_t> ghosts;     // global ids, ascending
    std::vector<int> recv_counts, recv_displs, send_counts, send_displs;
    std::vector<std::uint32_t> send_local;  // local index of each value sent, by requester
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

void set_out_weights(const graph_part& p, const pagerank_options& o, bool masked,
                     lk::pagerank_problem& k) {
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
void set_ghosts(const graph_part& p, MPI_Comm comm, dist_problem& d) {
    const partition_manifest& m = p.manifest;
    const int size = static_cast<int>(m.parts);
    for (node_id s : p.in_sources)
        if (s < p.first || s >= p.last) d.ghosts.push_back(s);
    std::sort(d.ghosts.begin(), d.ghosts.end());
    d.ghosts.erase(std::unique(d.ghosts.begin(), d.ghosts.end()), d.ghosts.end());
    d.recv_counts.assign(size, 0);
    for (std::uint64_t g : d.ghosts) ++d.recv_counts[m.owner(g)];
    d.send_counts.assign(size, 0);
    MPI_Alltoall(d.recv_counts.data(), 1, MPI_INT, d.send_counts.data(), 1, MPI_INT, comm);
    d.recv_displs.assign(size, 0);
    d.send_displs.assign(size, 0);
    for (int r = 1; r < size; ++r) {
        d.recv_displs[r] = d.recv_displs[r - 1] + d.recv_counts[r - 1];
        d.send_displs[r] = d.send_displs[r - 1] + d.send_counts[r - 1];
    }
    const std::vector<std::uint32_t> wanted(d.ghosts.begin(), d.ghosts.end());
    std::vector<std::uint32_t> requested(
        static_cast<std::size_t>(d.send_displs[size - 1] + d.send_counts[size - 1]));
    MPI_Alltoallv(wanted.data(), d.recv_counts.data(), d.recv_displs.data(), MPI_UINT32_T,
                  requested.data(), d.send_counts.data(), d.send_displs.data(), MPI_UINT32_T,
                  comm);
    d.send_local.resize(requested.size());
    for (std::size_t i = 0; i < requested.size(); ++i)
        d.send_local[i] = static_cast<std::uint32_t>(requested[i] - p.first);
    d.sources.resize(p.in_sources.size());
    for (std::size_t e = 0; e < p.in_sources.size(); ++e) {
        const node_id s = p.in_sources[e];
        d.sources[e] = s >= p.first && s < p.last
                           ? static_cast<std::uint32_t>(s - p.first)
                           : static_cast<std::uint32_t>(
                                 d.n_local + (std::lower_bound(d.ghosts.begin(), d.ghosts.end(), s) -
                                              d.ghosts.begin()));
    }
}

/// v, u and the start vector of this rank (set_teleport in pagerank.cpp, on slices); returns x.
std::vector<double> set_teleport(const graph_part& p, const pagerank_options& o,
                                 const local_vectors& slices, lk::pagerank_problem& k,
                                 MPI_Comm comm) {
    k.v = local_distribution(o.personalization, slices.personalization, p, "personalization",
                             comm).values;
    const local_vector u = local_distribution(o.dangling_distribution,
                                              slices.dangling_distribution, p,
                                              "dangling_distribution", comm);
    if (o.dangling == dangling_policy::vector && !u.given)
        throw std::invalid_argument(
            "mpi_pagerank: dangling = vector needs a dangling_distribution (options or slices)");
    if (o.dangling != dangling_policy::vector && u.given)
        throw std::invalid_argument(
            "mpi_pagerank: dangling_distribution is given but dangling is not vector");
    if (o.dangling == dangling_policy::personalization) k.u = k.v;
    if (o.dangling == dangling_policy::vector) k.u = u.values;
    local_vector x = local_distribution(o.start, slices.start, p, "start", comm);
    if (!x.given) {
        x.values.resize(p.num_local());
        for (std::size_t i = 0; i < x.values.size(); ++i) x.values[i] = k.v_at(i);
    }
    return std::move(x.values);
}

/// Fills d for this rank (options checked, out-weights, teleport, ghost lists, edge kinds)
/// and returns the start vector's slice.
std::vector<double> make_problem(const graph_part& p, const pagerank_options& o,
                                 const local_vectors& slices, MPI_Comm comm, dist_problem& d) {
    check_options(p, o, comm);
    lk::pagerank_problem& k = d.k;
    k.n = p.manifest.num_nodes;
    k.alpha = o.damping;
    d.n_local = p.num_local();
    d.first = p.first;
    bool masked = false;
    if (!p.in_flags.empty() && o.excluded != 0)
        for (edge_flags f : p.in_flags) masked = masked || (f & o.excluded) != 0;
    int any = masked ? 1 : 0, global_any = 0;
    MPI_Allreduce(&any, &global_any, 1, MPI_INT, MPI_MAX, comm);
    masked = global_any != 0;
    set_out_weights(p, o, masked, k);
    std::vector<double> x = set_teleport(p, o, slices, k, comm);
    set_ghosts(p, comm, d);
    k.offsets = p.in_offsets.data();
    k.sources = d.sources.data();
    k.last_edge = d.sources.empty() ? 0 : d.sources.size() - 1;
    k.weights = o.weighted && p.manifest.weights ? p.in_weights.data() : nullptr;
    k.flags = masked ? p.in_flags.data() : nullptr;
    k.mask = masked ? o.excluded : 0;
    d.blocks = rank_order::block_starts(p.first, p.last, lk::sum_block);
    return x;
}

using record5 = std::array<double, 5>;  // a block_sums as doubles: res, dang(_lo), evap(_lo)
using record6 = std::array<double, 6>;  // a record5 and the block's mass Σx

/// The blocks of all ranks, in block order, folded as one process folds its blocks. Records
/// of 6 carry the local sweep's block mass Σx after a record5: its plain sum in block order
/// (what the single process adds) goes to *mass.
template <std::size_t K>
lk::sweep_sums fold_blocks(const std::vector<std::array<double, K>>& mine, MPI_Comm comm,
                           double* mass = nullptr) {
    static_assert(K == 5 || K == 6, "a record5, or a record5 and the block's mass");
    const std::vector<std::array<double, K>> all = gather_in_rank_order<K>(mine, comm);
    std::vector<lk::block_sums> parts(all.size());
    if constexpr (K == 6) *mass = 0;
    for (std::size_t b = 0; b < all.size(); ++b) {
        parts[b] = {all[b][0], all[b][1], all[b][2], all[b][3], all[b][4]};
        if constexpr (K == 6) *mass += all[b][5];
    }
    return lk::in_block_order(parts);
}

/// D and Z of x as masses() (kernel.cpp) sums them: compensated per block of 2^16 nodes, the
/// blocks then folded in block order. A block may straddle ranks (parts cut at 4,096), so the
/// running sum is handed from rank to rank (fold_in_rank_order). At set-up and restarts only.
lk::sweep_sums global_masses(const dist_problem& d, const std::vector<double>& x,
                             MPI_Comm comm) {
    constexpr unsigned block_shift = 16;  // masses()'s block
    const lk::pagerank_problem& k = d.k;
    const bool last_rank = rank_order::comm_rank(comm) + 1 == rank_order::comm_size(comm);
    std::vector<record5> done;  // the blocks whose last node is on this rank
    // state: block index, dang, dang_lo, evap, evap_lo of the block being summed
    fold_in_rank_order<5>({0, 0, 0, 0, 0}, [&](record5& s) {
        for (std::size_t i = 0; i < d.n_local; ++i) {
            const auto b = static_cast<double>((d.first + i) >> block_shift);
            if (b != s[0]) {
                done.push_back({0, s[1], s[2], s[3], s[4]});
                s = {b, 0, 0, 0, 0};
            }
            if (k.inv_out[i] == 0.0) lk::kahan_add(s[1], s[2], x[i]);
            lk::kahan_add(s[3], s[4], x[i] * k.evaporated_at(i));
        }
        if (!last_rank) return;
        done.push_back({0, s[1], s[2], s[3], s[4]});
        if (k.n % (std::size_t{1} << block_shift) == 0) done.push_back({0, 0, 0, 0, 0});
    }, comm);
    return fold_blocks(done, comm);
}

/// Σ over this rank's blocks of what body(i, acc) adds, one record per block, blocks in
/// parallel (ordered_sums without its fold).
template <std::size_t K, class Body>
std::vector<std::array<double, K>> block_partials(const dist_problem& d, Body&& body) {
    const std::size_t nb = d.blocks.size() - 1;
    std::vector<std::array<double, K>> parts(nb);
#pragma omp parallel for schedule(dynamic, 1) if (d.n_local > lk::parallel_threshold)
    for (std::size_t j = 0; j < nb; ++j) {
        std::array<double, K> acc{};
        for (std::size_t i = d.blocks[j] - d.first; i < d.blocks[j + 1] - d.first; ++i)
            body(i, acc);
        parts[j] = acc;
    }
    return parts;
}

/// ordered_sums over the whole graph: the blocks' sums gathered and added in block order.
template <std::size_t K, class Body>
std::array<double, K> ordered_sums(const dist_problem& d, Body&& body, MPI_Comm comm) {
    std::array<double, K> total{};
    for (const auto& p : gather_in_rank_order<K>(block_partials<K>(d, body), comm))
        for (std::size_t k = 0; k < K; ++k) total[k] += p[k];
    return total;
}

/// quadratic_extrapolate (extrapolation.hpp) on the ranks' slices: the same arithmetic
/// (quadratic_extrapolate_by), its dot products and sum added as ordered_sums adds them.
void extrapolate(const dist_problem& d, const std::array<std::vector<double>, 3>& past,
                 std::vector<double>& x3, MPI_Comm comm) {
    lk::quadratic_extrapolate_by(past[0], past[1], past[2], x3, [&](auto k, auto&& body) {
        return ordered_sums<decltype(k)::value>(d, body, comm);
    });
}

/// This rank's rows of one Jacobi sweep, as reference_step (reference.cpp) runs them: per
/// block, pull and update every row in order; one record of the block's sums per block.
template <bool Weighted, bool Masked>
std::vector<record5> sweep(const dist_problem& d, const double* c,
                           const lk::jacobi_update& update) {
    const std::size_t nb = d.blocks.size() - 1;
    std::vector<record5> parts(nb);
#pragma omp parallel for schedule(dynamic, 1) if (d.n_local > lk::parallel_threshold)
    for (std::size_t j = 0; j < nb; ++j) {
        lk::block_sums b;
        for (std::size_t i = d.blocks[j] - d.first; i < d.blocks[j + 1] - d.first; ++i)
            update(i, lk::pull<Weighted, Masked>(d.k, c, i), b);
        parts[j] = {b.res, b.dang, b.dang_lo, b.evap, b.evap_lo};
    }
    return parts;
}

/// Sends this rank's contributions that other ranks read and receives the ghosts' into
/// c[n_local ..]: one MPI_Alltoallv. Adds its time to comm_seconds.
void exchange_ghosts(const dist_problem& d, lk::gather_vector& c, std::vector<double>& send,
                     MPI_Comm comm, double& comm_seconds) {
    const double t = MPI_Wtime();
    for (std::size_t i = 0; i < send.size(); ++i) send[i] = c[d.send_local[i]];
    MPI_Alltoallv(send.data(), d.send_counts.data(), d.send_displs.data(), MPI_DOUBLE,
                  c.data() + d.n_local, d.recv_counts.data(), d.recv_displs.data(), MPI_DOUBLE,
                  comm);
    comm_seconds += MPI_Wtime() - t;
}

/// What the steps that sweep from the previous iterate's contributions share (iteration,
/// local_gauss_seidel_step; jacobi_state's distributed form): x, c = x / out of the own nodes
/// followed by the ghosts' (filled by each exchange), a buffer for the next contributions, the
/// send buffer, and D, Z of x.
class dist_jacobi_state {
public:
    dist_jacobi_state(const dist_problem& d, std::vector<double>& x, MPI_Comm comm)
        : d_(d), x_(x), comm_(comm), c_(d.n_local + d.ghosts.size()), c_next_(c_.size()),
          send_(d.send_local.size()) {
        dist_jacobi_state::restart();
    }
    /// x changed from outside (start, extrapolation): c and D, Z follow it.
    void restart() {
        for (std::size_t i = 0; i < d_.n_local; ++i) c_[i] = x_[i] * d_.k.inv_out[i];
        m_ = global_masses(d_, x_, comm_);
    }

protected:
    const dist_problem& d_;
    std::vector<double>& x_;
    MPI_Comm comm_;
    lk::gather_vector c_, c_next_;
    std::vector<double> send_;
    lk::sweep_sums m_;
};

/// The power iteration: exchange the ghosts' contributions, pull and update every own row
/// (jacobi_update, per 4,096-node block), fold the blocks' sums in block order.
class iteration : public dist_jacobi_state {
public:
    using dist_jacobi_state::dist_jacobi_state;

    /// One iteration; returns the global residual. Adds the time spent in MPI to comm_seconds.
    double operator()(double& comm_seconds) {
        exchange_ghosts(d_, c_, send_, comm_, comm_seconds);
        const lk::jacobi_update update(d_.k, x_, c_next_, m_.dangling, m_.evaporated);
        std::vector<record5> parts;
        lk::with_edge_kind(d_.k, [&](auto weighted, auto masked) {
            parts = sweep<decltype(weighted)::value, decltype(masked)::value>(d_, c_.data(),
                                                                               update);
        });
        c_.swap(c_next_);  // the ghost region is refilled by the next exchange
        const double t = MPI_Wtime();
        m_ = fold_blocks(parts, comm_);
        comm_seconds += MPI_Wtime() - t;
        return m_.residual;
    }
};

/// Gauss–Seidel inside the rank, Jacobi across ranks: one in-place sweep over this rank's rows
/// in node order with the newest local scores and D, Z (gauss_seidel.cpp), the remote
/// contributions from the exchange before the sweep; then the component-mass correction (on
/// one rank mass_aggregates itself, so that P = 1 is the single-process solver bit for bit;
/// across ranks dist_aggregates), D and Z of the corrected x, and the residual (each rank's
/// sum in node order, added in rank order). Converges to the same fixed point as pagerank().
template <bool Weighted, bool Masked>
class gauss_seidel_step {
public:
    gauss_seidel_step(const dist_problem& d, std::vector<double>& x, MPI_Comm comm)
        : d_(d), x_(x), comm_(comm), c_(d.n_local + d.ghosts.size()), old_(d.n_local, 0.0),
          send_(d.send_local.size()) {
        const lk::pagerank_problem& k = d.k;
        if (rank_order::comm_size(comm) == 1) {
            single_ = std::make_unique<lk::mass_aggregates>(lk::aggregation_input{
                k.n, k.alpha, k.offsets, k.sources, k.flags, k.mask, k.inv_out.data(),
                k.evaporated.empty() ? nullptr : k.evaporated.data(), &k.v, &k.u});
        } else {
            spread_ = std::make_unique<dist_aggregates>(
                dist_aggregation_input{d.n_local, k.n, d.first, k.alpha, k.offsets, k.sources,
                                       k.flags, k.mask, k.inv_out.data(),
                                       k.evaporated.empty() ? nullptr : k.evaporated.data(),
                                       &k.v, &k.u, &d.ghosts, &d.send_local},
                comm);
        }
        restart();
    }
    void restart() {
        for (std::size_t i = 0; i < d_.n_local; ++i) c_[i] = x_[i] * d_.k.inv_out[i];
        m_ = global_masses(d_, x_, comm_);
    }

    double operator()(double& comm_seconds) {
        const lk::pagerank_problem& k = d_.k;
        exchange_ghosts(d_, c_, send_, comm_, comm_seconds);
        double dangling = m_.dangling, evaporated = m_.evaporated;
        for (std::size_t i = 0; i < d_.n_local; ++i) {
            const lk::update_equation next(k, dangling, evaporated);  // the newest D and Z
            const double xi = next(i, lk::pull<Weighted, Masked>(k, c_.data(), i));
            const double delta = xi - x_[i];
            if (k.inv_out[i] == 0.0) dangling += delta;
            evaporated += delta * k.evaporated_at(i);
            old_[i] = x_[i];
            x_[i] = xi;
            c_[i] = xi * k.inv_out[i];
        }
        double t = MPI_Wtime();
        if (single_) single_->correct(x_);
        else spread_->correct(x_);
        m_ = global_masses(d_, x_, comm_);
        comm_seconds += MPI_Wtime() - t;
        double residual = 0;
        for (std::size_t i = 0; i < d_.n_local; ++i) {
            c_[i] = x_[i] * k.inv_out[i];
            residual += std::fabs(x_[i] - old_[i]);
        }
        t = MPI_Wtime();
        m_.residual = rank_order_sum(residual);
        comm_seconds += MPI_Wtime() - t;
        return m_.residual;
    }

private:
    double rank_order_sum(double mine) const {
        std::vector<std::array<double, 1>> all = gather_in_rank_order<1>({{mine}}, comm_);
        double s = 0;
        for (const auto& a : all) s += a[0];
        return s;
    }

    const dist_problem& d_;
    std::vector<double>& x_;
    MPI_Comm comm_;
    lk::gather_vector c_;
    std::vector<double> old_, send_;
    std::unique_ptr<lk::mass_aggregates> single_;
    std::unique_ptr<dist_aggregates> spread_;
    lk::sweep_sums m_;
};

/// Local Gauss–Seidel (local_gauss_seidel.cpp) on this rank's rows: Gauss–Seidel inside each
/// 4,096-node block, Jacobi between blocks. Parts cut at whole blocks, so a ghost is never in
/// a node's block and a sweep reads what the single process's reads: each block is the same
/// local_gauss_seidel_block, and its sums and mass are added in global block order. The iterate
/// is kept at scale M = mass() (the homogeneous form); solve() divides by it at the end.
template <bool Weighted, bool Masked>
class local_gauss_seidel_step : public dist_jacobi_state {
public:
    local_gauss_seidel_step(const dist_problem& d, std::vector<double>& x, MPI_Comm comm)
        : dist_jacobi_state(d, x, comm) {
        sum_mass();
    }
    /// x changed from outside: c, D, Z and the mass follow it.
    void restart() {
        dist_jacobi_state::restart();
        sum_mass();
    }
    /// Σx of the current iterate, added in block order.
    double mass() const { return mass_; }

    /// One sweep; returns ‖x_new − x_old‖₁ / M, as the single process does.
    double operator()(double& comm_seconds) {
        exchange_ghosts(d_, c_, send_, comm_, comm_seconds);
        const lk::jacobi_update update(d_.k, x_, c_next_, m_.dangling, m_.evaporated, mass_);
        const std::size_t nb = d_.blocks.size() - 1;
        std::vector<record6> parts(nb);
#pragma omp parallel for schedule(dynamic, 1) if (d_.n_local > lk::parallel_threshold)
        for (std::size_t j = 0; j < nb; ++j) {
            lk::block_sums b;
            const double mass = lk::local_gauss_seidel_block<Weighted, Masked>(
                d_.k, c_.data(), update, d_.blocks[j] - d_.first, d_.blocks[j + 1] - d_.first, b);
            parts[j] = {b.res, b.dang, b.dang_lo, b.evap, b.evap_lo, mass};
        }
        c_.swap(c_next_);  // the ghost region is refilled by the next exchange
        const double t = MPI_Wtime(), old_mass = mass_;
        m_ = fold_blocks(parts, comm_, &mass_);
        comm_seconds += MPI_Wtime() - t;
        m_.residual /= old_mass;
        return m_.residual;
    }

private:
    void sum_mass() {
        mass_ = ordered_sums<1>(d_, [&](std::size_t i, auto& a) { a[0] += x_[i]; }, comm_)[0];
    }

    double mass_ = 1;
};

/// detail::drive's loop (driver.hpp) with the distributed extrapolation (power method only, as
/// there); no progress callback. Step: iteration, gauss_seidel_step or local_gauss_seidel_step.
template <class Step>
void drive(Step& step, std::vector<double>& x, const dist_problem& d,
           const pagerank_options& o, mpi_pagerank_result& r, MPI_Comm comm) {
    const bool extrapolating = o.acceleration == pagerank_acceleration::quadratic &&
                               o.solver == pagerank_solver::power;
    std::array<std::vector<double>, 3> past;
    std::size_t stored = 0;  // consecutive previous iterates held in `past` (oldest first)
    while (r.iterations < o.max_iterations) {
        if (extrapolating) {
            std::rotate(past.begin(), past.begin() + 1, past.end());
            past[2] = x;
            stored = std::min<std::size_t>(stored + 1, 3);
        }
        const double residual = step(r.comm_seconds);
        ++r.iterations;
        r.residual = residual;
        r.history.push_back(residual);
        if (residual < o.tolerance) {
            r.converged = true;
            break;
        }
        if (extrapolating && stored == 3 && r.iterations % o.acceleration_period == 0 &&
            r.iterations < o.max_iterations) {
            extrapolate(d, past, x, comm);
            step.restart();
            stored = 0;
        }
    }
}

/// Runs o's solver on the prepared problem d from x (this rank's slice), and fills r: scores,
/// iterations, timings, and D and Z as pagerank() reports them (plain sums in id order).
void solve(const dist_problem& d, std::vector<double> x, const pagerank_options& o, double t0,
           MPI_Comm comm, mpi_pagerank_result& r) {
    r.first = d.first;
    r.ghosts = d.ghosts.size();
    r.sent_values = d.send_local.size();
    if (d.k.n == 0) {
        r.converged = true;
        return;
    }
    double t1 = 0;
    if (o.solver == pagerank_solver::gauss_seidel) {
        lk::with_edge_kind(d.k, [&](auto weighted, auto masked) {
            gauss_seidel_step<decltype(weighted)::value, decltype(masked)::value> step(d, x, comm);
            r.setup_seconds = MPI_Wtime() - t0;
            t1 = MPI_Wtime();
            drive(step, x, d, o, r, comm);
        });
    } else if (o.solver == pagerank_solver::local_gauss_seidel) {
        lk::with_edge_kind(d.k, [&](auto weighted, auto masked) {
            local_gauss_seidel_step<decltype(weighted)::value, decltype(masked)::value> step(
                d, x, comm);
            r.setup_seconds = MPI_Wtime() - t0;
            t1 = MPI_Wtime();
            drive(step, x, d, o, r, comm);
            const double mass = step.mass();  // back to Σx = 1, as the single process
            for (double& xi : x) xi /= mass;
        });
    } else {
        iteration step(d, x, comm);
        r.setup_seconds = MPI_Wtime() - t0;
        t1 = MPI_Wtime();
        drive(step, x, d, o, r, comm);
    }
    r.seconds = MPI_Wtime() - t1;
    const lk::pagerank_problem& k = d.k;
    const auto dz = fold_in_rank_order<2>({0, 0}, [&](std::array<double, 2>& s) {
        for (std::size_t i = 0; i < d.n_local; ++i) {
            if (k.inv_out[i] == 0.0) s[0] += x[i];
            if (!k.evaporated.empty()) s[1] += x[i] * k.evaporated[i];
        }
    }, comm);
    r.dangling_mass = dz[0];
    r.evaporated_mass = dz[1];
    r.scores = std::move(x);
}

/// Topic t's seed weights on this rank's nodes (duplicates added in the order given), with
/// topic_pagerank's checks; every rank sees the same topics and throws alike.
std::vector<double> topic_slice(const topic_seeds& t, const graph_part& p) {
    const std::size_t n = p.manifest.num_nodes;
    if (t.nodes.empty())
        throw std::invalid_argument(fmt::format(
            "mpi_topic_pagerank: topic '{}' has no seeds, expected at least one", t.name));
    if (!t.weights.empty() && t.weights.size() != t.nodes.size())
        throw std::invalid_argument(fmt::format(
            "mpi_topic_pagerank: topic '{}' has {} seeds and {} weights, expected one weight "
            "per seed", t.name, t.nodes.size(), t.weights.size()));
    std::vector<double> v(p.num_local(), 0.0);
    for (std::size_t q = 0; q < t.nodes.size(); ++q) {
        const double w = t.weights.empty() ? 1.0 : t.weights[q];
        if (t.nodes[q] >= n || !(std::isfinite(w) && w >= 0))
            throw std::invalid_argument(fmt::format(
                "mpi_topic_pagerank: topic '{}': seed {} with weight {}: expected a node < {} "
                "and a finite weight >= 0", t.name, t.nodes[q], w, n));
        if (t.nodes[q] >= p.first && t.nodes[q] < p.last) v[t.nodes[q] - p.first] += w;
    }
    return v;
}

}  // namespace

mpi_pagerank_result mpi_pagerank(const graph_part& part, const pagerank_options& o,
                                 MPI_Comm comm) {
    return mpi_pagerank(part, o, local_vectors{}, comm);
}

mpi_pagerank_result mpi_pagerank(const graph_part& part, const pagerank_options& o,
                                 const local_vectors& slices, MPI_Comm comm) {
    mpi_pagerank_result r;
    const double t0 = MPI_Wtime();
    dist_problem d;
    std::vector<double> x = make_problem(part, o, slices, comm, d);
    solve(d, std::move(x), o, t0, comm, r);
    return r;
}

std::vector<mpi_pagerank_result> mpi_topic_pagerank(const graph_part& part,
                                                    const topic_pagerank_options& options,
                                                    const std::vector<topic_seeds>& topics,
                                                    MPI_Comm comm) {
    options.validate();
    pagerank_options o = options.pagerank;
    o.dangling = dangling_policy::personalization;
    std::vector<std::vector<double>> seeds;
    for (const topic_seeds& t : topics) seeds.push_back(topic_slice(t, part));
    dist_problem d;
    make_problem(part, o, local_vectors{}, comm, d);  // uniform v, u: replaced per topic
    std::vector<mpi_pagerank_result> results(topics.size());
    for (std::size_t t = 0; t < topics.size(); ++t) {
        const double t0 = MPI_Wtime();
        const std::string name = "the seeds of topic '" + topics[t].name + "'";
        d.k.v = local_distribution({}, seeds[t], part, name.c_str(), comm).values;
        d.k.u = d.k.v;
        solve(d, d.k.v, o, t0, comm, results[t]);
    }
    return results;
}

}  // namespace linkequity::dist
