// SPDX-License-Identifier: MIT
// Distributed PageRank over MPI (docs/distributed.md): every rank holds one part of a
// partitioned graph (dist/partition.hpp) and pulls for its own node range. The contributions of
// the remote sources its in-edges reference (its ghosts, listed once at set-up) arrive every
// iteration through one MPI_Alltoallv; D, Z and the residual are summed per 4,096-node block,
// gathered from every rank and added in block order, as the single process adds them. Needs an
// MPI library (built as linkequity_mpi when MPI is found).
#pragma once

#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "linkequity/algo/pagerank_options.hpp"
#include "linkequity/algo/topic_pagerank.hpp"
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

/// Per-node vectors of a distributed run given as this rank's slices — entries for its own
/// nodes [part.first, part.last) only — so that no rank holds an n-vector. Same meaning and
/// checks as the pagerank_options fields of the same names (>= 0, finite, a positive sum over
/// the whole graph; normalised by that sum). A vector is given when some rank passes a
/// non-empty slice; then every rank passes num_local() entries (a rank without nodes, none).
struct local_vectors {
    std::vector<double> personalization;        ///< v (TrustRank: 1 on the seeds, else 0)
    std::vector<double> dangling_distribution;  ///< u, with dangling = dangling_policy::vector
    std::vector<double> start;                  ///< warm start
};

/// PageRank of the partitioned graph whose part `part` this rank holds; collective over `comm`,
/// whose size must be the part count and whose rank must be part.index. The equation, the
/// start vector, the convergence test, the quadratic extrapolation and the result are those of
/// pagerank() (algo/pagerank.hpp) with the power solver and the pull kernel in the graph's own
/// ids (node_order as_built, or automatic below 2^26 edges): per node the same arithmetic,
/// and every sum over the graph (D, Z, the residual, the extrapolation's dot products, the
/// vectors' normalisation) added in the single process's order — per fixed block of 4,096
/// nodes, then in block order, which needs parts cut at multiples of 4,096
/// (partition_bounds does). The scores then have the same bits as pagerank()'s on any number
/// of ranks and threads; on parts cut elsewhere they differ by the rounding of those sums
/// (≈1e-16). node_order, kernel and progress are ignored. Per-node vectors may be whole
/// (n entries, in `options`, every rank passing the same) or, in the overload below, slices.
///
/// solver = gauss_seidel: Gauss–Seidel inside each rank's range (the single-process sweep,
/// newest local scores and D, Z), Jacobi across ranks (remote contributions from the exchange
/// before the sweep), then the component-mass correction over the whole graph's weakly
/// connected components (joined across ranks once at set-up, on rank 0: O(ghosts) there).
/// On one rank this is the single-process solver bit for bit; on more it converges to the
/// same fixed point (tested to 1e-10 in L1 at tolerance 1e-13), in more sweeps the more links
/// cross ranks (on randomly numbered graphs close to the power method's count). Serial in a
/// rank; no extrapolation, as in pagerank().
///
/// solver = local_gauss_seidel: Gauss–Seidel inside each fixed block of 4,096 ids, Jacobi
/// between blocks, as in pagerank(). Parts are cut at whole blocks, so every block reads what
/// it reads in one process, and the iterate's mass is added in block order across the ranks:
/// the same bits as pagerank() on any number of ranks and threads, with a 48-byte record per
/// block instead of 40. solver = block_gauss_seidel and conjugate_gradient are refused.
///
/// Cost per iteration and rank: O(n_p + m_p) for the pull, one MPI_Alltoallv of 8 bytes per
/// ghost, one MPI_Allgather of the rank's block count and one MPI_Allgatherv of 40 bytes per
/// 4,096-node block of the whole graph. Set-up: O(m_p log m_p) for the ghost list, one
/// MPI_Alltoall and one MPI_Alltoallv of the ghost ids; the D and Z of the start (and after
/// each extrapolation), the vectors' sums and the final D and Z pass from rank to rank in
/// sequence (P − 1 messages). Memory: 8·(2·n_p + ghosts) bytes for the vectors plus 4·m_p
/// for the sources renumbered into [local | ghosts]; extrapolation adds 3 vectors of n_p.
/// @throws std::invalid_argument on every rank alike: evaporate mode or an unweighted run on
///         a weighted lean graph, a communicator that does not match the part, a bad
///         per-node vector (the ranks whose slice is wrong name it, the others name those
///         ranks).
mpi_pagerank_result mpi_pagerank(const graph_part& part, const pagerank_options& options,
                                 MPI_Comm comm);

/// The same with the per-node vectors given as this rank's slices (a vector may not be given
/// both ways). Collective.
mpi_pagerank_result mpi_pagerank(const graph_part& part, const pagerank_options& options,
                                 const local_vectors& slices, MPI_Comm comm);

/// Topic-sensitive PageRank over MPI (topic_pagerank(), docs/topics.md): for every topic, the
/// TrustRank of its seeds (v_t = the seed weights over their sum, duplicates added; u_t = v_t)
/// — one distributed run per topic, one after the other, on one set-up (out-weights and ghost
/// lists built once). Not batched: each topic pulls every in-edge once per iteration of its
/// own (topic_pagerank's batch pulls once for up to 8 topics). Each run is mpi_pagerank() with
/// that personalization, so its scores have the bits of pagerank() with the dense v_t, and
/// equal topic_pagerank()'s column to ≈1e-16. options: those of topic_pagerank_options
/// (power solver; node_order and progress ignored). Returns this rank's slice of each topic,
/// in the order given. Collective; every rank passes the same topics.
/// @throws std::invalid_argument on every rank alike: bad options or seeds (no seeds, a node
///         >= n, a negative or non-finite weight, weights summing to 0).
std::vector<mpi_pagerank_result> mpi_topic_pagerank(const graph_part& part,
                                                    const topic_pagerank_options& options,
                                                    const std::vector<topic_seeds>& topics,
                                                    MPI_Comm comm);

}  // namespace linkequity::dist
