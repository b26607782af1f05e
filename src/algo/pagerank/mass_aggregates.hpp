// SPDX-License-Identifier: MIT
// Internal to the PageRank kernel: the aggregation step that makes Gauss–Seidel pay off on graphs
// made of many pieces. PageRank mass moves between weakly connected components only through
// teleportation and the dangling/evaporated share, so the total mass of each component at the
// fixed point follows from a tiny aggregated system (iterative aggregation–disaggregation,
// Takahashi 1975; Stewart, "Introduction to the Numerical Solution of Markov Chains", ch. 6).
// Gauss–Seidel alone lets every small closed component (a symmetrized Kronecker graph has
// thousands of 2-node ones) converge its mass at α² per sweep — no faster than the power method
// — after each sweep, mass_aggregates rescales every component to its exact share instead.
#pragma once

#include <cstddef>
#include <vector>

#include "linkequity/config.hpp"
#include "linkequity/graph/edge_flags.hpp"

namespace linkequity::detail {

/// The graph seen by the aggregation: in-adjacency, masked edges skipped (they carry nothing).
struct aggregation_input {
    std::size_t n = 0;
    double alpha = 0.85;
    const edge_offset* offsets = nullptr;
    const node_id* sources = nullptr;
    const edge_flags* flags = nullptr;  ///< null = no masking
    edge_flags mask = 0;
    const double* inv_out = nullptr;     ///< 1 / out(j), 0 for dangling j
    const double* evaporated = nullptr;  ///< evaporated share of j's out-weight (null = none)
    const std::vector<double>* v = nullptr;  ///< personalization (empty = uniform)
    const std::vector<double>* u = nullptr;  ///< dangling distribution (empty = uniform)
};

/// The nodes grouped into aggregates, and the exact mass of each as a function of the shape of
/// the iterate inside it.
///
/// Aggregates: every weakly connected component (over followable edges) with no dangling and
/// no evaporating node is one aggregate ("pure": its fixed-point mass is exactly
/// ((1−α+αZ) v(C) + αD u(C)) / (1−α)); so is every component made only of dangling nodes
/// (mass (1−α+αZ) v(C) + αD u(C)); all other components together form aggregate 0, whose
/// dangling and evaporated fractions δ, ζ are taken from the current iterate. With
/// s_C = 1 − α(1 − δ_C − ζ_C), each aggregate's mass solves M_C s_C = (1−α+αZ) v(C) + αD u(C),
/// where D = Σ δ_C M_C and Z = Σ ζ_C M_C: a 2×2 linear system for (D, Z); the masses then sum
/// to 1. At the fixed point every factor is 1, so the correction never moves the answer.
class mass_aggregates {
public:
    /// Union–find (boost::disjoint_sets) over the followable in-edges: O(m α(n)) time, 13 bytes
    /// per node while building, 4 per node kept (plus 32 per aggregate).
    explicit mass_aggregates(const aggregation_input& in);

    struct parallel_components_t {};
    static constexpr parallel_components_t parallel_components{};
    /// The same aggregates from a parallel, lock-free union–find (each set's root is its
    /// smallest id, so the aggregates' numbering, by smallest member, is the same on any thread
    /// count and may differ from the serial constructor's). Two in-edges of every row are
    /// united first and the sets flattened (the sampling of Afforest, Sutton et al. 2018); the
    /// pass over every edge then skips, with one independent load, each edge whose ends
    /// already share a parent. O(m α(n)) work, 4 bytes per node.
    mass_aggregates(const aggregation_input& in, parallel_components_t);

    /// Rescales x so that each aggregate holds its exact mass given the shape of x inside it
    /// (see the class comment). O(n). Aggregates holding no mass are left as they are.
    void correct(std::vector<double>& x);

    /// Groups the nodes by aggregate (ascending within each) for correct_in_blocks: a counting
    /// sort, O(n + aggregates), 4 bytes per node + 8 per aggregate; and sums v(C), u(C) again
    /// with compensation (correct() too then uses those). Called once, after which
    /// correct_in_blocks may be used.
    void index_members();

    /// The same correction as correct(), in parallel with a fixed order of its sums: each
    /// aggregate's mass, dangling and evaporated sums are taken over its members (in node
    /// order, compensated) per fixed run of sum_block members and folded in run order; the 2×2 system's
    /// sums over aggregates use ordered_sums. So x gets the same bits on any thread count (not
    /// necessarily correct()'s bits: the fold differs for aggregates over sum_block members).
    /// Needs index_members(). O(n), parallel.
    void correct_in_blocks(std::vector<double>& x);

    std::size_t count() const noexcept { return v_mass_.size(); }

private:
    aggregation_input in_;
    std::vector<node_id> of_;       // aggregate of each node
    std::vector<double> v_mass_;    // v(C)
    std::vector<double> u_mass_;    // u(C)
    std::vector<double> mass_, dangling_, evaporated_, factor_;  // per sweep
    std::vector<edge_offset> member_start_;  // index_members: aggregate a's members are
    std::vector<node_id> members_;           // members_[member_start_[a] .. member_start_[a+1])

    /// One run's compensated partial sums for one aggregate (correct_in_blocks).
    struct run_sums {
        double mass = 0, mass_lo = 0, dangling = 0, dangling_lo = 0, evaporated = 0,
               evaporated_lo = 0;
    };
    void sum_members_in_runs(const double* x);
    /// Aggregates, their v(C), u(C) and the per-sweep buffers from each node's set root.
    void classify(const std::vector<node_id>& parent);
    /// Each node's component root (its smallest id) over the followable edges, in parallel.
    std::vector<node_id> components_in_parallel() const;
    void store(std::size_t a, const run_sums& s);
};

/// The dangling and evaporated masses (D, Z) at the fixed point given the sums over the
/// aggregates holding mass of δ v / s, δ u / s, ζ v / s, ζ u / s (mass_aggregates):
/// (I − α B)(D, Z) = (1 − α)(dv, zv) with B = [du, dv; zu, zv]. Nonsingular: (δ + ζ)/s ≤ 1
/// (s − δ − ζ = (1 − α)(1 − δ − ζ) ≥ 0), so B's columns sum to ≤ 1 and ρ(αB) ≤ α < 1. O(1).
inline void fixed_point_masses(double alpha, double dv, double du, double zv, double zu,
                               double& D, double& Z) {
    const double a11 = 1.0 - alpha * du, a12 = -alpha * dv;
    const double a21 = -alpha * zu, a22 = 1.0 - alpha * zv;
    const double b1 = (1.0 - alpha) * dv, b2 = (1.0 - alpha) * zv;
    const double det = a11 * a22 - a12 * a21;
    D = (b1 * a22 - a12 * b2) / det;
    Z = (a11 * b2 - a21 * b1) / det;
}

}  // namespace linkequity::detail
