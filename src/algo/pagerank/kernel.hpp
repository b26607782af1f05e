// SPDX-License-Identifier: MIT
// Internal to the PageRank kernel: the vocabulary every solver shares. The problem (in-adjacency,
// 1/out(j), teleport vectors), the update equation — written once, here — the gather of one row,
// and the O(n) helpers around an iteration (contributions, masses D and Z, compensated sums).
// How solvers are put together: driver.hpp.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <type_traits>
#include <vector>

#include "linkequity/config.hpp"
#include "linkequity/detail/huge_pages.hpp"
#include "linkequity/detail/kahan.hpp"
#include "linkequity/graph/edge_flags.hpp"

namespace linkequity::detail {

/// The contributions the pull loop gathers at random: on transparent huge pages when large.
using gather_vector = std::vector<double, huge_page_allocator<double>>;

/// Everything an iteration needs that does not change between iterations, in the numbering the
/// solver iterates in (make_problem in solvers.hpp builds it).
struct pagerank_problem {
    std::size_t n = 0;
    double alpha = 0.85;
    std::vector<double> inv_out;     // 1 / out(j), 0 for dangling j
    std::vector<double> evaporated;  // fraction of j's out-weight that evaporates (may be empty)
    std::vector<double> v;           // personalization (empty = uniform)
    std::vector<double> u;           // dangling distribution (empty = uniform)
    const edge_offset* offsets = nullptr;  // in-adjacency: row i holds the sources j of j → i
    const node_id* sources = nullptr;
    edge_offset last_edge = 0;             // m − 1 (0 when m = 0): the prefetch bound
    const edge_weight* weights = nullptr;  // null = unweighted
    const edge_flags* flags = nullptr;     // null = no masking
    edge_flags mask = 0;
    bool rows_sorted = true;               // each row ascending by source (the blocked kernel)
    bool symmetric = false;  // the followable links are symmetric (checked only for the solver
                             // that needs it: conjugate_gradient)

    double v_at(std::size_t i) const { return v.empty() ? 1.0 / static_cast<double>(n) : v[i]; }
    double u_at(std::size_t i) const { return u.empty() ? 1.0 / static_cast<double>(n) : u[i]; }
    double evaporated_at(std::size_t i) const { return evaporated.empty() ? 0.0 : evaporated[i]; }
};

/// The update equation, the one place it is written:
///
///     x'_i = α Σ_{j→i} x_j w_ji / out(j)  +  α D u_i  +  (α Z + 1 − α) v_i
///            └── `pulled` (a row's gather) ┘   └──────── teleport(i) ────────┘
///
/// with D, Z the dangling and evaporated mass of the iterate the row was pulled from (Jacobi)
/// or the newest ones (Gauss–Seidel, which builds one per node). With `mass` M ≠ 1 the
/// iterate is taken at M times its scale (Σx = M) and (1 − α) v_i becomes (1 − α) M v_i: the
/// homogeneous form, whose fixed points are M times PageRank (local_gauss_seidel.cpp).
class update_equation {
public:
    update_equation(const pagerank_problem& k, double dangling, double evaporated,
                    double mass = 1.0)
        : k_(k),
          to_u_(k.alpha * dangling),
          to_v_(k.alpha * evaporated + (1.0 - k.alpha) * mass),
          base_uniform_((to_u_ + to_v_) / static_cast<double>(k.n)),
          uniform_(k.v.empty() && k.u.empty()) {}

    double teleport(std::size_t i) const {
        return uniform_ ? base_uniform_ : to_u_ * k_.u_at(i) + to_v_ * k_.v_at(i);
    }
    /// x'_i from the pulled sum of node i.
    double operator()(std::size_t i, double pulled) const {
        return k_.alpha * pulled + teleport(i);
    }

private:
    const pagerank_problem& k_;
    double to_u_, to_v_, base_uniform_;
    bool uniform_;
};

/// c_j · w_ji for in-edge e of the row, or 0 when the edge is masked.
template <bool Weighted, bool Masked>
inline double term(const pagerank_problem& k, const double* c, edge_offset e) {
    if constexpr (Masked) {
        if (k.flags[e] & k.mask) return 0.0;
    }
    if constexpr (Weighted) {
        return c[k.sources[e]] * static_cast<double>(k.weights[e]);
    } else {
        return c[k.sources[e]];
    }
}

/// How many in-edges ahead (across row ends) the kernels prefetch the contribution they will
/// gather. The hardware cannot predict the indirect c[sources[e]], and out of order alone keeps
/// only a few misses in flight. Measured on Kronecker graphs, 2 threads, steady iterations:
/// scale 26 blocked 1.6–1.9 s → 1.46–1.52 s per iteration with 64–256 (flat in between), scale
/// 22 pull 67–82 → 54–61 ms; 128 chosen (benchmarks/README.md, "software prefetch").
constexpr edge_offset prefetch_distance = 128;

/// Asks for c[sources[e + prefetch_distance]] when that source is below `limit` (the blocked
/// kernel's hot prefix; n for the pull kernel), else for c[0]: a cold source would be a wasted
/// DRAM access. Branch-free; a hint only, so results never depend on it.
inline void prefetch_contribution(const pagerank_problem& k, const double* c, edge_offset e,
                                  node_id limit) {
#if defined(__GNUC__)
    const node_id j = k.sources[std::min(e + prefetch_distance, k.last_edge)];
    __builtin_prefetch(c + (j < limit ? j : 0));
#else
    (void)k, (void)c, (void)e, (void)limit;
#endif
}

/// Σ over followable in-edges of i of c_j · w_ji, in row order (fixed per row, so results do
/// not depend on the thread count). One accumulator: measured faster than four partial sums
/// here, since rows are short and the loop waits on memory, not on the add chain.
template <bool Weighted, bool Masked>
inline double pull(const pagerank_problem& k, const double* c, std::size_t i) {
    double s = 0;
    const edge_offset end = k.offsets[i + 1];
    const auto all = static_cast<node_id>(k.n);
    for (edge_offset e = k.offsets[i]; e < end; ++e) {
        prefetch_contribution(k, c, e, all);
        s += term<Weighted, Masked>(k, c, e);
    }
    return s;
}

/// What an iteration reports: ‖x' − x‖₁ and the masses D, Z of the new iterate x'.
struct sweep_sums {
    double residual = 0, dangling = 0, evaporated = 0;
};

/// One fixed block's share of a sweep's sums: ‖x' − x‖₁, and D and Z with their
/// compensations (kahan_add).
struct block_sums {
    double res = 0, dang = 0, dang_lo = 0, evap = 0, evap_lo = 0;
};

/// A sweep's totals from its blocks' sums, added in block order (D and Z compensated): a
/// fixed order, so every run on any thread count gives the same bits. O(blocks).
inline sweep_sums in_block_order(const std::vector<block_sums>& parts) {
    sweep_sums s;
    double dang_lo = 0, evap_lo = 0;
    for (const block_sums& p : parts) {
        s.residual += p.res;
        kahan_add(s.dangling, dang_lo, p.dang);
        dang_lo += p.dang_lo;
        kahan_add(s.evaporated, evap_lo, p.evap);
        evap_lo += p.evap_lo;
    }
    s.dangling += dang_lo;
    s.evaporated += evap_lo;
    return s;
}

/// The dangling mass D and evaporated mass Z of x: compensated sums over fixed blocks of
/// 2^16 nodes, added in block order, so the result does not depend on the thread count.
/// O(n), parallel. (residual is left 0.)
sweep_sums masses(const pagerank_problem& k, const std::vector<double>& x);

/// c_i = x_i / out(i) for every node (0 for dangling ones). O(n), parallel; also the first
/// touch of c's pages, which are then spread over the threads that gather from them.
void contributions(const pagerank_problem& k, const std::vector<double>& x, gather_vector& c);

/// Calls f(std::bool_constant<Weighted>, std::bool_constant<Masked>) for k's kind of edges:
/// the solvers' loops are compiled once per kind, with no per-edge test of the other kinds.
template <class F>
void with_edge_kind(const pagerank_problem& k, F&& f) {
    using yes = std::true_type;
    using no = std::false_type;
    if (k.weights && k.flags) f(yes{}, yes{});
    else if (k.weights) f(yes{}, no{});
    else if (k.flags) f(no{}, yes{});
    else f(no{}, no{});
}

}  // namespace linkequity::detail
