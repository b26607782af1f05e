// SPDX-License-Identifier: MIT
// Internal to the PageRank kernel: one block of a local Gauss–Seidel sweep
// (pagerank_solver::local_gauss_seidel), shared by the single-process solver
// (local_gauss_seidel.cpp) and the distributed one (src/mpi/mpi_pagerank.cpp), so that a block
// gives the same bits in both.
#pragma once

#include <cstddef>
#include <cstdint>

#include "jacobi.hpp"
#include "kernel.hpp"
#include "linkequity/detail/kahan.hpp"

namespace linkequity::detail {

/// Sweeps the nodes first .. end − 1 (one block) in order: node i pulls c_next (this sweep's
/// contribution, written by update) for its in-neighbours j with first <= j < i, and c (the
/// previous sweep's) for every other j, then update writes x_i, c_next_i and adds to `sums`.
/// Ids are those of k's rows (a rank's local ids in the distributed kernel, where the ghosts
/// come after every local node and so are never in the block). Returns Σ x'_i over the block,
/// compensated (kahan_add) and folded once at the end. O(in-edges of the block).
template <bool Weighted, bool Masked>
double local_gauss_seidel_block(const pagerank_problem& k, const double* c,
                                const jacobi_update& update, std::size_t first, std::size_t end,
                                block_sums& sums) {
    // A link reads c_next when its source was updated earlier in this sweep and block, else
    // c: the address is picked without a branch, by adding (c_next − c) under a mask, in
    // integers (pointer arithmetic across two arrays would be undefined). In a host-ordered
    // page graph about half the links stay in their block, in no pattern a branch predictor
    // could follow.
    const auto c_at = reinterpret_cast<std::uintptr_t>(c);
    const std::uintptr_t to_next = reinterpret_cast<std::uintptr_t>(update.c_next) - c_at;
    const auto all = static_cast<node_id>(k.n);
    double mass = 0, mass_lo = 0;
    for (std::size_t i = first; i < end; ++i) {
        const std::size_t updated = i - first;  // ids first .. i − 1 hold this sweep's
        double pulled = 0;
        for (edge_offset e = k.offsets[i]; e < k.offsets[i + 1]; ++e) {
            prefetch_contribution(k, c, e, all);
            const std::size_t j = k.sources[e];  // j − first wraps when j < first
            const std::uintptr_t mask = 0 - std::uintptr_t{j - first < updated};
            const auto* from = reinterpret_cast<const double*>(c_at + (mask & to_next));
            pulled += term<Weighted, Masked>(k, from, e);
        }
        update(i, pulled, sums);
        kahan_add(mass, mass_lo, update.x[i]);
    }
    return mass + mass_lo;
}

}  // namespace linkequity::detail
