// SPDX-License-Identifier: MIT
// Internal to the distributed kernel: the component-mass correction of Gauss–Seidel
// (src/algo/pagerank/mass_aggregates.hpp) when the graph is cut into ranks. Weakly connected
// components are found per rank, then joined across ranks through the ghost lists on rank 0
// (one gather of the cut's pairs at set-up); each sweep the masses of the components that
// span ranks, and of the mixed aggregate, are summed in rank order on every rank.
#pragma once

#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "linkequity/config.hpp"
#include "linkequity/graph/edge_flags.hpp"

namespace linkequity::dist {

/// One rank's view of the graph for the aggregation (its rows, sources renumbered into
/// [local nodes | ghosts]; per-node arrays local).
struct dist_aggregation_input {
    std::size_t n_local = 0, n_global = 0;
    std::uint64_t first = 0;
    double alpha = 0.85;
    const edge_offset* offsets = nullptr;
    const node_id* sources = nullptr;      ///< renumbered: < n_local local, else ghost index
    const edge_flags* flags = nullptr;     ///< null = no masking
    edge_flags mask = 0;
    const double* inv_out = nullptr;
    const double* evaporated = nullptr;    ///< null = none
    const std::vector<double>* v = nullptr;  ///< local slice (empty = uniform 1/n_global)
    const std::vector<double>* u = nullptr;
    const std::vector<std::uint64_t>* ghosts = nullptr;  ///< global ids of the ghosts
    const std::vector<std::uint32_t>* sent = nullptr;    ///< local nodes other ranks read
};

/// mass_aggregates across ranks: the same aggregates (pure components, all-dangling
/// components, and every other node in aggregate 0) and the same correction, with the sums
/// over an aggregate that spans ranks added in rank order. Collective (construction and
/// correct()). Set-up: union–find over the rank's rows, O(m_p α); rank 0 unions the pairs
/// (component, ghost) of every rank — O(total ghosts) memory on rank 0, once.
class dist_aggregates {
public:
    dist_aggregates(const dist_aggregation_input& in, MPI_Comm comm);

    /// Rescales this rank's x (its slice) so that every aggregate holds its exact mass.
    /// Collective: one MPI_Allgather of 3 doubles per spanning aggregate (plus the mixed one)
    /// and one of 4 doubles.
    void correct(std::vector<double>& x);

private:
    dist_aggregation_input in_;
    MPI_Comm comm_;
    std::vector<std::uint32_t> of_;  // per local node: 0 mixed, then local, then spanning
    std::size_t local_ = 0;          // aggregates 1 .. local_ hold only this rank's nodes
    std::vector<double> v_mass_, u_mass_;  // per aggregate, whole-graph totals
    std::vector<double> mass_, dangling_, evaporated_, factor_;
};

}  // namespace linkequity::dist
