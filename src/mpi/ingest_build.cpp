// SPDX-License-Identifier: MIT
// `linkequity-mpi snapshot`, building (ingest.hpp): the edges go to the owner of their target in
// a uniform split, where they are grouped by target, sorted by source and merged as graph_builder
// does (self-loops dropped, copies of u → v one edge whose weight is their float sum in file
// order); the in-degrees feed dist::partition_bounds on rank 0; then every merged edge goes to
// the owners of its target (in-rows) and of its source (out-rows) in the balanced ranges.
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <numeric>
#include <stdexcept>

#include "collective.hpp"
#include "ingest.hpp"
#include "ingest_parts.hpp"

namespace linkequity::mpi_cli::ingest {
namespace {

MPI_Datatype rec_type() {
    static const MPI_Datatype t = [] {
        MPI_Datatype x;
        MPI_Type_contiguous(static_cast<int>(sizeof(edge_rec)), MPI_BYTE, &x);
        MPI_Type_commit(&x);
        return x;
    }();
    return t;
}

/// The rank owning `node` in contiguous ranges (the last r with bounds[r] <= node).
std::size_t owner(const std::vector<std::uint64_t>& bounds, std::uint64_t node) {
    return static_cast<std::size_t>(std::upper_bound(bounds.begin(), bounds.end(), node) -
                                    bounds.begin()) - 1;
}

/// MPI int counts and displacements of `counts` (records); all ranks throw the same error when
/// a rank's total does not fit an int.
void to_ints(const std::vector<std::uint64_t>& counts, std::vector<int>& c, std::vector<int>& d,
             std::uint64_t worst) {
    if (worst > static_cast<std::uint64_t>(INT_MAX))
        throw std::invalid_argument(fmt::format(
            "linkequity-mpi snapshot: a rank sends or receives {} edges in one exchange, more "
            "than MPI's int counts allow ({}): run with more ranks", worst, INT_MAX));
    c.resize(counts.size());
    d.resize(counts.size());
    int at = 0;
    for (std::size_t r = 0; r < counts.size(); ++r) {
        c[r] = static_cast<int>(counts[r]);
        d[r] = at;
        at += c[r];
    }
}

/// Sends counts[r] records from `send` (grouped by destination, in rank order) to each rank r;
/// returns what this rank receives, in the senders' rank order. Collective.
std::vector<edge_rec> exchange(const edge_rec* send, const std::vector<std::uint64_t>& counts,
                               MPI_Comm comm) {
    std::vector<std::uint64_t> rcounts(counts.size());
    MPI_Alltoall(counts.data(), 1, MPI_UINT64_T, rcounts.data(), 1, MPI_UINT64_T, comm);
    const std::uint64_t st = std::accumulate(counts.begin(), counts.end(), std::uint64_t{0});
    const std::uint64_t rt = std::accumulate(rcounts.begin(), rcounts.end(), std::uint64_t{0});
    std::uint64_t mine = std::max(st, rt), worst = 0;
    MPI_Allreduce(&mine, &worst, 1, MPI_UINT64_T, MPI_MAX, comm);
    std::vector<int> sc, sd, rc, rd;
    to_ints(counts, sc, sd, worst);
    to_ints(rcounts, rc, rd, worst);
    std::vector<edge_rec> recv(rt);
    MPI_Alltoallv(send, sc.data(), sd.data(), rec_type(), recv.data(), rc.data(), rd.data(),
                  rec_type(), comm);
    return recv;
}

/// Self-loops dropped, the rest grouped by the owner of their target (file order kept) and sent.
std::vector<edge_rec> to_target_owners(std::vector<edge_rec>&& mine,
                                       const std::vector<std::uint64_t>& bounds, MPI_Comm comm) {
    std::vector<std::uint64_t> counts(bounds.size() - 1, 0);
    for (const edge_rec& e : mine)
        if (e.src != e.dst) ++counts[owner(bounds, e.dst)];
    std::vector<std::uint64_t> at(counts.size(), 0);
    for (std::size_t r = 1; r < counts.size(); ++r) at[r] = at[r - 1] + counts[r - 1];
    std::vector<edge_rec> send(at.back() + counts.back());
    for (const edge_rec& e : mine)
        if (e.src != e.dst) send[at[owner(bounds, e.dst)]++] = e;
    release(mine);
    return exchange(send.data(), counts, comm);
}

/// Edges with targets in [first, last), in file order → rows by target, each sorted by source
/// (stable: copies stay in file order), copies merged (weights added in that order, as
/// graph_builder's merge does). `degree` gets each row's length.
std::vector<edge_rec> merge_rows(std::vector<edge_rec>&& in, std::uint64_t first,
                                 std::uint64_t last, std::vector<std::uint32_t>& degree) {
    const std::size_t rows = static_cast<std::size_t>(last - first);
    std::vector<std::uint64_t> start(rows + 1, 0);
    for (const edge_rec& e : in) ++start[e.dst - first + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<edge_rec> sorted(in.size());
    {
        std::vector<std::uint64_t> at(start.begin(), start.end() - 1);
        for (const edge_rec& e : in) sorted[at[e.dst - first]++] = e;
    }
    release(in);
    degree.assign(rows, 0);
    std::size_t w = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        const auto b = sorted.begin() + static_cast<std::ptrdiff_t>(start[i]);
        const auto e = sorted.begin() + static_cast<std::ptrdiff_t>(start[i + 1]);
        std::stable_sort(b, e, [](const edge_rec& x, const edge_rec& y) { return x.src < y.src; });
        const std::size_t row_begin = w;
        for (auto it = b; it != e; ++it) {
            if (w > row_begin && sorted[w - 1].src == it->src) sorted[w - 1].w += it->w;
            else sorted[w++] = *it;
        }
        degree[i] = static_cast<std::uint32_t>(w - row_begin);
    }
    sorted.resize(w);
    sorted.shrink_to_fit();
    return sorted;
}

/// The balanced ranges: rank 0 gathers every node's in-degree and calls
/// dist::partition_bounds (ingest_parts.cpp); every rank gets the result. Collective.
int balanced_bounds(const std::vector<std::uint32_t>& degree, std::uint64_t n,
                    const std::vector<std::uint64_t>& uniform, std::vector<std::uint64_t>& bounds,
                    int rank, MPI_Comm comm) {
    const std::size_t ranks = uniform.size() - 1;
    if (ranks > 1 && n / ranks + 1 > static_cast<std::uint64_t>(INT_MAX)) {
        if (rank == 0)
            fmt::print(stderr, "linkequity-mpi: error: {} nodes on {} ranks: more than {} per "
                               "rank, run with more ranks\n", n, ranks, INT_MAX);
        return exit_usage;
    }
    // Rank 0 receives each rank's in-degrees at its offset (point to point: the offsets can
    // pass 2^31 where MPI_Gatherv's int displacements could not).
    std::vector<std::uint32_t> all;
    if (rank == 0) {
        all.resize(n);
        std::copy(degree.begin(), degree.end(), all.begin());
        for (std::size_t r = 1; r < ranks; ++r)
            MPI_Recv(all.data() + uniform[r], static_cast<int>(uniform[r + 1] - uniform[r]),
                     MPI_UINT32_T, static_cast<int>(r), 7, comm, MPI_STATUS_IGNORE);
    } else {
        MPI_Send(degree.data(), static_cast<int>(degree.size()), MPI_UINT32_T, 0, 7, comm);
    }
    bounds.assign(ranks + 1, 0);
    const int code = collectively(
        [&] {
            if (rank == 0) bounds = bounds_from_degrees(std::move(all), ranks);
        },
        rank, comm);
    if (code != exit_ok) return code;
    MPI_Bcast(bounds.data(), static_cast<int>(ranks + 1), MPI_UINT64_T, 0, comm);
    return exit_ok;
}

/// Merged edges (sorted by target, then source) → this rank's in-rows (sorted by target, then
/// source) and out-edges (sorted by target: senders come in rank order, each with increasing
/// targets, so ingest_parts.cpp makes the out-rows with one stable counting pass). Collective.
void to_final_owners(std::vector<edge_rec>&& merged, const std::vector<std::uint64_t>& bounds,
                     std::vector<edge_rec>& in, std::vector<edge_rec>& out, MPI_Comm comm) {
    std::vector<std::uint64_t> counts(bounds.size() - 1, 0);
    for (const edge_rec& e : merged) ++counts[owner(bounds, e.src)];
    {
        std::vector<std::uint64_t> at(counts.size(), 0);
        for (std::size_t r = 1; r < counts.size(); ++r) at[r] = at[r - 1] + counts[r - 1];
        std::vector<edge_rec> send(merged.size());
        for (const edge_rec& e : merged) send[at[owner(bounds, e.src)]++] = e;
        out = exchange(send.data(), counts, comm);
    }
    const auto by_target = [](const edge_rec& e, std::uint64_t v) { return e.dst < v; };
    for (std::size_t r = 0; r < counts.size(); ++r) {  // sorted by target: one run per owner
        const auto lo = std::lower_bound(merged.begin(), merged.end(), bounds[r], by_target);
        const auto hi = std::lower_bound(merged.begin(), merged.end(), bounds[r + 1], by_target);
        counts[r] = static_cast<std::uint64_t>(hi - lo);
    }
    in = exchange(merged.data(), counts, comm);
    release(merged);
}

}  // namespace

int build_and_write(edge_share&& share, const ingest_args& a, MPI_Comm comm,
                    ingest_summary& summary) {
    int rank = 0, size = 1;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    const std::size_t ranks = static_cast<std::size_t>(size);
    std::uint64_t n = 0;
    int weighted = share.weighted ? 1 : 0, any_weighted = 0;
    MPI_Allreduce(&share.nodes, &n, 1, MPI_UINT64_T, MPI_MAX, comm);
    MPI_Allreduce(&weighted, &any_weighted, 1, MPI_INT, MPI_MAX, comm);
    std::vector<std::uint64_t> uniform(ranks + 1);
    for (std::size_t r = 0; r <= ranks; ++r) uniform[r] = n * r / ranks;
    std::vector<std::uint32_t> degree;
    std::vector<edge_rec> merged;
    int code = collectively(
        [&] {
            merged = merge_rows(to_target_owners(std::move(share.edges), uniform, comm),
                                uniform[rank], uniform[rank + 1], degree);
        },
        rank, comm);
    if (code != exit_ok) return code;
    std::vector<std::uint64_t> bounds;
    code = balanced_bounds(degree, n, uniform, bounds, rank, comm);
    if (code != exit_ok) return code;
    release(degree);
    std::vector<edge_rec> in, out;
    code = collectively([&] { to_final_owners(std::move(merged), bounds, in, out, comm); }, rank,
                        comm);
    if (code != exit_ok) return code;
    part_input pi{n, bounds, any_weighted != 0, a.lean, a.out};
    return write_parts(pi, std::move(in), std::move(out), comm, summary);
}

}  // namespace linkequity::mpi_cli::ingest
