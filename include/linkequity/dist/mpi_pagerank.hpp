// SPDX-License-Identifier: MIT
// Distributed PageRank over MPI (docs/distributed.md): every rank holds one part of a
// partitioned graph (dist/partition.hpp) and pulls for its own node range. The contributions of
// the remote sources its in-edges reference (its ghosts, listed once at set-up) arrive every
// iteration through one MPI_Alltoallv; D, Z and the residual are gathered from every rank and
// added in rank order. Needs an MPI library (built as linkequity_mpi when MPI is found).
#pragma once

#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "linkequity/algo/pagerank_options.hpp"
#include "linkequity/dist/partition.hpp"

namespace linkequity::dist {

/// One rank's share of a distributed PageRank.
struct mpi_pagerank_result {
    std::uint64_t first = 0;      ///< global id of scores[0]
    std::vector<double> scores;   ///< this rank's slice: x_i for i in [first, first + size)
    std::size_t iterations = 0;   ///< iterations performed (the same on every rank)
    double residual = 0.0;        ///< L1 change of the last iteration, over the whole graph
    bool converged = false;       ///< residual < tolerance
    std::vector<double> history;  ///< residual of every iteration
    double seconds = 0.0;         ///< wall time of the iterations (this rank)
    double comm_seconds = 0.0;    ///< of which in the contribution exchange and the reductions
    double setup_seconds = 0.0;   ///< out-weights and ghost lists
    double dangling_mass = 0.0;   ///< D of the returned scores (whole graph)
    double evaporated_mass = 0.0; ///< Z of the returned scores (whole graph)
    std::uint64_t ghosts = 0;     ///< distinct remote sources this rank receives per iteration
    std::uint64_t sent_values = 0;  ///< contributions this rank sends per iteration
};

/// PageRank of the partitioned graph whose part `part` this rank holds; collective over `comm`,
/// whose size must be the part count and whose rank must be part.index. The equation, the
/// start vector, the convergence test and the result are those of pagerank() (algo/pagerank.hpp)
/// with the pull kernel in the graph's own ids: per node the same sums in the same order, so
/// the scores equal the single-process ones up to the rounding of the D, Z and residual sums
/// (≈1e-16). Options: damping, tolerance, max_iterations, weighted, excluded, excluded_links,
/// dangling (personalization or uniform: both uniform here); node_order and kernel are ignored.
///
/// Cost per iteration and rank: O(n_p + m_p) for the pull, one MPI_Alltoallv of 8 bytes per
/// ghost, one MPI_Allgather of 3 doubles. Set-up: O(m_p log m_p) for the ghost list, one
/// MPI_Alltoall and one MPI_Alltoallv of the ghost ids. Memory: 8·(2·n_p + ghosts) bytes for
/// the vectors plus 4·m_p for the sources renumbered into [local | ghosts].
/// @throws std::invalid_argument  options the distributed kernel does not support (a
///         personalization, start or dangling vector, gauss_seidel, acceleration), evaporate
///         mode or an unweighted run on a weighted lean graph, a communicator that does not
///         match the part. The check is local: every rank sees the same options and throws alike.
mpi_pagerank_result mpi_pagerank(const graph_part& part, const pagerank_options& options,
                                 MPI_Comm comm);

}  // namespace linkequity::dist
