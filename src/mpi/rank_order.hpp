// SPDX-License-Identifier: MIT
// Internal to the distributed kernel (mpi_pagerank.cpp): sums over the whole graph that keep
// the single process's order of additions, so that the distributed scores have its bits —
// per-block partial sums gathered from every rank and folded in block order, sequential folds
// handed from rank to rank, and an agreement on rank-local checks before any collective.
#pragma once

#include <mpi.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace linkequity::dist::rank_order {

inline int comm_rank(MPI_Comm comm) {
    int r = 0;
    MPI_Comm_rank(comm, &r);
    return r;
}
inline int comm_size(MPI_Comm comm) {
    int s = 0;
    MPI_Comm_size(comm, &s);
    return s;
}

/// Every rank learns whether some rank's local check failed (`error` non-empty): a failing
/// rank throws its own message, the others a message naming the failed ranks. Collective; so a
/// check that only some ranks can fail never leaves the others waiting in a collective.
/// @throws std::invalid_argument when any rank's error is non-empty.
inline void agree(const std::string& error, MPI_Comm comm) {
    const int size = comm_size(comm);
    int bad = error.empty() ? 0 : 1;
    std::vector<int> all(static_cast<std::size_t>(size));
    MPI_Allgather(&bad, 1, MPI_INT, all.data(), 1, MPI_INT, comm);
    if (bad) throw std::invalid_argument(error);
    std::string ranks;
    for (int r = 0; r < size; ++r)
        if (all[static_cast<std::size_t>(r)])
            ranks += (ranks.empty() ? "" : ", ") + std::to_string(r);
    if (!ranks.empty())
        throw std::invalid_argument("mpi_pagerank: rank(s) " + ranks +
                                    " rejected their input (see their messages)");
}

/// A fold over all nodes in id order, which no rank can do alone: rank r receives the state
/// rank r − 1 handed on (rank 0 starts from `state`), applies fold(state) to its own nodes and
/// hands the state to rank r + 1; the last rank's state is then broadcast to every rank. Same
/// additions in the same order as one process; costs P − 1 messages in sequence, so it is
/// used at set-up and at the end, never per iteration. Collective.
template <std::size_t K, class Fold>
std::array<double, K> fold_in_rank_order(std::array<double, K> state, Fold&& fold,
                                         MPI_Comm comm) {
    const int rank = comm_rank(comm), size = comm_size(comm);
    constexpr int tag = 7;
    if (rank > 0)
        MPI_Recv(state.data(), static_cast<int>(K), MPI_DOUBLE, rank - 1, tag, comm,
                 MPI_STATUS_IGNORE);
    fold(state);
    if (rank + 1 < size)
        MPI_Send(state.data(), static_cast<int>(K), MPI_DOUBLE, rank + 1, tag, comm);
    MPI_Bcast(state.data(), static_cast<int>(K), MPI_DOUBLE, size - 1, comm);
    return state;
}

/// Every rank's K-double records (per block), concatenated in rank order on every rank: with
/// contiguous ranges, that is block order. One MPI_Allgather of the counts, one
/// MPI_Allgatherv. Collective.
template <std::size_t K>
std::vector<std::array<double, K>> gather_in_rank_order(
    const std::vector<std::array<double, K>>& mine, MPI_Comm comm) {
    const int size = comm_size(comm);
    int count = static_cast<int>(mine.size() * K);
    std::vector<int> counts(static_cast<std::size_t>(size)), displs(counts.size(), 0);
    MPI_Allgather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, comm);
    for (std::size_t r = 1; r < counts.size(); ++r) displs[r] = displs[r - 1] + counts[r - 1];
    std::vector<std::array<double, K>> all(
        static_cast<std::size_t>(displs.back() + counts.back()) / K);
    MPI_Allgatherv(mine.empty() ? nullptr : mine.front().data(), count, MPI_DOUBLE,
                   all.empty() ? nullptr : all.front().data(), counts.data(), displs.data(),
                   MPI_DOUBLE, comm);
    return all;
}

/// The first node of each of this rank's blocks and its end: the global blocks of `block`
/// nodes that meet [first, last), cut at first and last. Aligned ranges give whole blocks.
inline std::vector<std::uint64_t> block_starts(std::uint64_t first, std::uint64_t last,
                                               std::uint64_t block) {
    std::vector<std::uint64_t> s;
    for (std::uint64_t i = first; i < last; i = (i / block + 1) * block) s.push_back(i);
    s.push_back(last);
    return s;
}

}  // namespace linkequity::dist::rank_order
