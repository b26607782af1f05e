// SPDX-License-Identifier: MIT
// The parallel form of the aggregates' mass correction (mass_aggregates::correct_in_blocks), for
// the block Gauss–Seidel solver: every sum is taken per fixed run of members or aggregates and
// folded in a fixed order, so the corrected scores have the same bits on any thread count.
#include <algorithm>
#include <array>
#include <utility>

#include "linkequity/detail/kahan.hpp"

#include "linkequity/detail/parallel.hpp"
#include "mass_aggregates.hpp"

namespace linkequity::detail {
namespace {

node_id load(const node_id* p) { return __atomic_load_n(p, __ATOMIC_RELAXED); }

/// In-edges per row that components_in_parallel unites before flattening (Afforest uses 2).
constexpr int sampled = 2;

/// The root of x's set, halving the path on the way (parent[x] <= x always).
node_id find_root(node_id* parent, node_id x) {
    for (;;) {
        node_id p = load(parent + x);
        if (p == x) return x;
        const node_id g = load(parent + p);
        if (g != p) __atomic_compare_exchange_n(parent + x, &p, g, false, __ATOMIC_RELAXED,
                                                __ATOMIC_RELAXED);
        x = g;
    }
}

/// Joins the sets of a and b, hooking the larger root under the smaller (lock-free).
void unite(node_id* parent, node_id a, node_id b) {
    for (;;) {
        a = find_root(parent, a);
        b = find_root(parent, b);
        if (a == b) return;
        if (a < b) std::swap(a, b);
        node_id expected = a;
        if (__atomic_compare_exchange_n(parent + a, &expected, b, false, __ATOMIC_RELAXED,
                                        __ATOMIC_RELAXED))
            return;
    }
}

}  // namespace

std::vector<node_id> mass_aggregates::components_in_parallel() const {
    const std::size_t n = in_.n;
    std::vector<node_id> parent(n);
    node_id* up = parent.data();
    const auto followable = [&](edge_offset e) { return !in_.flags || !(in_.flags[e] & in_.mask); };
    const edge_offset m = in_.offsets[n], last = m ? m - 1 : 0;
    constexpr edge_offset ahead = 64;  // in-edges ahead whose parent is prefetched
#pragma omp parallel if (n > parallel_threshold)
    {
        const auto flatten = [&] {  // every node points at its root (a work-shared loop)
#pragma omp for schedule(static)
            for (std::size_t i = 0; i < n; ++i)
                __atomic_store_n(up + i, find_root(up, static_cast<node_id>(i)), __ATOMIC_RELAXED);
        };
#pragma omp for schedule(static)
        for (std::size_t i = 0; i < n; ++i) up[i] = static_cast<node_id>(i);
        // Sampling (Sutton, Ben-Nun, Barak 2018, "Afforest"): the first `sampled` followable
        // in-edges of every row already join most of a large component. Flattened, every node
        // then points at its root, and the full pass below can skip an edge with one load.
#pragma omp for schedule(dynamic, 1024)
        for (std::size_t i = 0; i < n; ++i) {
            int taken = 0;
            for (edge_offset e = in_.offsets[i]; e < in_.offsets[i + 1] && taken < sampled; ++e)
                if (followable(e)) unite(up, static_cast<node_id>(i), in_.sources[e]), ++taken;
        }
        flatten();
        // Every edge: the same parent means the same set (parents only ever move to another
        // member's root), else a full union. The loads of one row are independent of each other,
        // where the finds of a union wait on one another.
#pragma omp for schedule(dynamic, 1024)
        for (std::size_t i = 0; i < n; ++i) {
            const auto self = static_cast<node_id>(i);
            node_id mine = load(up + i);
            const edge_offset end = in_.offsets[i + 1];
            for (edge_offset e = in_.offsets[i]; e < end; ++e) {
                __builtin_prefetch(up + in_.sources[std::min(e + ahead, last)]);
                if (!followable(e)) continue;
                const node_id j = in_.sources[e];
                if (load(up + j) == mine) continue;
                unite(up, self, j);
                mine = load(up + i);
            }
        }
        flatten();
    }
    return parent;
}

void mass_aggregates::index_members() {
    const std::size_t n = in_.n, k = count();
    member_start_.assign(k + 1, 0);
    for (std::size_t i = 0; i < n; ++i) ++member_start_[of_[i] + 1];
    for (std::size_t a = 0; a < k; ++a) member_start_[a + 1] += member_start_[a];
    members_.resize(n);
    std::vector<edge_offset> next(member_start_.begin(), member_start_.end() - 1);
    for (std::size_t i = 0; i < n; ++i) members_[next[of_[i]]++] = static_cast<node_id>(i);
    // v(C) and u(C) again, compensated: a component of 10^4 nodes summed plainly is off by
    // ~1e-12 relative, which moves the corrected fixed point by as much.
#pragma omp parallel for schedule(dynamic, 1024) if (k > parallel_threshold)
    for (std::size_t a = 0; a < k; ++a) {
        double v = 0, v_lo = 0, u = 0, u_lo = 0;
        for (edge_offset p = member_start_[a]; p < member_start_[a + 1]; ++p) {
            const node_id i = members_[p];
            kahan_add(v, v_lo, in_.v->empty() ? 1.0 / static_cast<double>(n) : (*in_.v)[i]);
            kahan_add(u, u_lo, in_.u->empty() ? 1.0 / static_cast<double>(n) : (*in_.u)[i]);
        }
        v_mass_[a] = v + v_lo;
        u_mass_[a] = u + u_lo;
    }
}

/// mass_, dangling_, evaporated_ of every aggregate for the scores x: the members array is cut into runs of
/// sum_block positions; a run sums each aggregate it touches over its members there. An
/// aggregate lying inside one run is written by that run; the first and last aggregate of each
/// run (possibly shared with the neighbouring runs) get the runs' partials added in run order.
/// An aggregate without members (aggregate 0 when no component is mixed) keeps mass 0.
void mass_aggregates::sum_members_in_runs(const double* x) {
    const std::size_t n = in_.n;
    const std::size_t runs = (n + sum_block - 1) / sum_block;
    std::vector<run_sums> head(runs), tail(runs);
    std::vector<std::size_t> head_of(runs), tail_of(runs);
#pragma omp parallel for schedule(dynamic, 16) if (n > parallel_threshold)
    for (std::size_t t = 0; t < runs; ++t) {
        const std::size_t p0 = t * sum_block, p1 = std::min(n, p0 + sum_block);
        // The aggregate holding position p0: the last a with member_start_[a] <= p0.
        std::size_t a = static_cast<std::size_t>(
            std::upper_bound(member_start_.begin(), member_start_.end(), p0) -
            member_start_.begin() - 1);
        head_of[t] = a;
        run_sums s;
        for (std::size_t p = p0; p < p1; ++p) {
            while (p >= member_start_[a + 1]) {  // a ends here: store its sums, go to the next
                if (a == head_of[t]) head[t] = s;
                else store(a, s);
                s = {};
                ++a;
            }
            const node_id i = members_[p];
            kahan_add(s.mass, s.mass_lo, x[i]);
            if (in_.inv_out[i] == 0.0) kahan_add(s.dangling, s.dangling_lo, x[i]);
            if (in_.evaporated) kahan_add(s.evaporated, s.evaporated_lo, x[i] * in_.evaporated[i]);
        }
        tail_of[t] = a;
        if (a == head_of[t]) head[t] = s;
        else tail[t] = s;
    }
    // The shared aggregates: their runs' partials added in run order, compensated.
    std::vector<run_sums> shared;
    std::vector<std::size_t> shared_of;
    for (std::size_t t = 0; t < runs; ++t) {
        for (const auto& [a, part] : {std::make_pair(head_of[t], &head[t]),
                                      std::make_pair(tail_of[t], &tail[t])}) {
            if (part == &tail[t] && a == head_of[t]) continue;
            if (shared_of.empty() || shared_of.back() != a) {
                shared_of.push_back(a);
                shared.emplace_back();
            }
            run_sums& s = shared.back();
            kahan_add(s.mass, s.mass_lo, part->mass + part->mass_lo);
            kahan_add(s.dangling, s.dangling_lo, part->dangling + part->dangling_lo);
            kahan_add(s.evaporated, s.evaporated_lo, part->evaporated + part->evaporated_lo);
        }
    }
    for (std::size_t q = 0; q < shared.size(); ++q) store(shared_of[q], shared[q]);
}

void mass_aggregates::store(std::size_t a, const run_sums& s) {
    mass_[a] = s.mass + s.mass_lo;
    dangling_[a] = s.dangling + s.dangling_lo;
    evaporated_[a] = s.evaporated + s.evaporated_lo;
}

void mass_aggregates::correct_in_blocks(std::vector<double>& x) {
    const std::size_t k = count();
    const double alpha = in_.alpha;
    sum_members_in_runs(x.data());
    // Σ δ v / s, Σ δ u / s, Σ ζ v / s, Σ ζ u / s over the aggregates holding mass; factor_ keeps s.
    const auto sums = ordered_sums<4>(k, [&](std::size_t a, std::array<double, 4>& acc) {
        if (!(mass_[a] > 0)) return;
        const double delta = dangling_[a] / mass_[a], zeta = evaporated_[a] / mass_[a];
        const double s = 1.0 - alpha * (1.0 - delta - zeta);
        factor_[a] = s;
        acc[0] += delta * v_mass_[a] / s;
        acc[1] += delta * u_mass_[a] / s;
        acc[2] += zeta * v_mass_[a] / s;
        acc[3] += zeta * u_mass_[a] / s;
    });
    double D = 0, Z = 0;
    fixed_point_masses(alpha, sums[0], sums[1], sums[2], sums[3], D, Z);
#pragma omp parallel for schedule(static) if (k > parallel_threshold)
    for (std::size_t a = 0; a < k; ++a) {
        if (!(mass_[a] > 0)) {
            factor_[a] = 1.0;
            continue;
        }
        const double target = ((1.0 - alpha + alpha * Z) * v_mass_[a] + alpha * D * u_mass_[a]) /
                              factor_[a];
        factor_[a] = target / mass_[a];
    }
    const std::size_t n = in_.n;
#pragma omp parallel for schedule(static) if (n > parallel_threshold)
    for (std::size_t i = 0; i < n; ++i) x[i] *= factor_[of_[i]];
}

}  // namespace linkequity::detail
