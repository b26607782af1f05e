// SPDX-License-Identifier: MIT
// Spam mass (Gyöngyi, Berkhin, Garcia-Molina, Pedersen, VLDB 2006) in its linear form
// (docs/trust.md): the share of a node's PageRank that comes from outside a good core C. Both
// PageRank vectors, p (teleport to all) and p′ (teleport to C), are iterated in one Jacobi pass
// over the in-adjacency per iteration (two right-hand sides) and scaled to the linear form.
#pragma once

#include <cstddef>
#include <vector>

#include "linkequity/algo/pagerank_options.hpp"
#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/options.hpp"

namespace linkequity {

struct spam_mass_options {
    double damping = 0.85;             ///< α, in (0, 1)
    double tolerance = 1e-10;          ///< stop when both L1 changes of an iteration are < this
    std::size_t max_iterations = 200;  ///< k: the k-th iterates are returned when not converged
    bool weighted = true;              ///< use edge weights when the graph has them
    edge_flags excluded = flags::default_excluded;  ///< links with any of these bits pass nothing
    excluded_link_mode excluded_links = excluded_link_mode::exclude;

    /// @throws std::invalid_argument "spam_mass: NAME must be RANGE, got VALUE".
    void validate() const { check_fields(*this, "spam_mass"); }

    /// The option table (see pagerank_options::fields): the CLI flags, Python keywords, checks.
    template <class Self, class Visitor>
    static void fields(Self& o, Visitor&& v) {
        v(o.damping, option_info("damping", "Damping factor α: the probability of following a "
                                            "link").open(0, 1));
        v(o.tolerance, option_info("tolerance", "Stop when the L1 change of both vectors in an "
                                                "iteration is < tolerance").above(0));
        v(o.max_iterations, option_info("max_iterations", "Iteration limit k: the k-th iterates "
                                                          "are returned when not converged")
                                .at_least(0));
        v(o.weighted, option_info("weighted", "Use the edge weights when the graph has them"));
        v(o.excluded, option_info("excluded", "Links with any of these flags pass nothing"));
        v(o.excluded_links, option_info("excluded_links", "exclude: excluded links do not exist "
                                        "for scoring; evaporate: they count in the source's "
                                        "out-weight and pass nothing"));
    }
};

/// What spam_mass() computes, indexed by node id.
struct spam_mass_result {
    std::vector<double> pagerank;       ///< p: linear PageRank with teleport 𝟙/N (sum <= 1)
    std::vector<double> core_pagerank;  ///< p′: the same with teleport 𝟙_C/N (p′ <= p)
    std::vector<double> absolute;       ///< M = p − p′ (>= 0)
    std::vector<double> relative;       ///< m = 1 − p′/p, in [0, 1]
    std::size_t iterations = 0;         ///< iterations performed
    double residual = 0.0;              ///< the larger L1 change of the last iteration
    bool converged = false;             ///< residual < tolerance
    std::vector<double> history;        ///< residual of every iteration
    double seconds = 0.0;               ///< wall time of the iterations
};

/// Spam mass of every node of g for the good core C = `core` (docs/trust.md), in the linear
/// form: with T the followable transition matrix (T_jk = w_jk / out(j), out(j) as pagerank()
/// measures it; rows of dangling nodes zero — no redistribution of their score),
///
///     p  = (1−α)(I − αTᵀ)⁻¹ 𝟙/N,        p′ = (1−α)(I − αTᵀ)⁻¹ 𝟙_C/N,
///     M  = p − p′,                       m  = 1 − p′/p   (p_i >= (1−α)/N > 0)
///
/// p sums to 1 only without dangling nodes and excluded-but-counted links: score reaching a
/// dangling node leaves the system. Solved through the normalised (PageRank) form, which
/// converges in far fewer iterations than the linear form's Neumann series: both PageRank
/// vectors π (teleport and lost mass L to 𝟙/N) and π_C (to 𝟙_C/|C|) are iterated together,
/// one Jacobi pass over the in-adjacency per iteration for both (x' = αTᵀx + (αL + 1 − α)v),
/// from v, until both L1 changes are < tolerance; then p = (1−α) π / (1 − α + α L) and
/// p′ = (|C|/N) (1−α) π_C / (1 − α + α L_C), L the mass T loses from the final iterate.
/// m is clipped to [0, 1] against rounding. Nodes in C have m <= 1 − (1−α)/(N p_i) < 1; nodes
/// no path from C reaches have m = 1.
/// Cost: O(n + m) per iteration, parallel; memory about 50 bytes per node. Results are identical on
/// any thread count (per-row sums in row order).
/// @throws std::invalid_argument for bad options, an empty core (so also on an empty graph),
///         or a core node listed twice;
///         std::out_of_range for a core node >= n; as pagerank() for evaporate mode on a lean
///         graph.
spam_mass_result spam_mass(const csr_graph& g, const std::vector<node_id>& core,
                           const spam_mass_options& options = {});

}  // namespace linkequity
