// SPDX-License-Identifier: MIT
// The PageRank kernel. One pass per iteration over the in-adjacency: each node pulls the
// contributions c_j = x_j / out(j) of its followable in-neighbours, then writes its new score
// and next contribution in the same loop (dangling mass, evaporated mass and the L1 change are
// reductions of that loop). Specialised at compile time for weighted / flag-masked graphs.
#include "linkequity/algo/pagerank.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <utility>

#include "cold_bins.hpp"
#include "extrapolation.hpp"
#include "mass_aggregates.hpp"
#include "node_order.hpp"
#include "linkequity/detail/huge_pages.hpp"
#include "linkequity/detail/parallel.hpp"

namespace linkequity {
namespace {

/// v / Σv, or empty (= uniform) when v is empty.
std::vector<double> normalised(const std::vector<double>& v) {
    if (v.empty()) return {};
    const double sum = std::accumulate(v.begin(), v.end(), 0.0);
    std::vector<double> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) out[i] = v[i] / sum;
    return out;
}

/// pagerank_node_order::automatic reorders graphs with at least this many edges.
constexpr std::size_t automatic_reorder_edges = std::size_t{1} << 26;

/// The contributions the pull loop gathers at random: on transparent huge pages when large.
using gather_vector = std::vector<double, detail::huge_page_allocator<double>>;

/// Everything an iteration needs that does not change between iterations.
struct kernel_setup {
    std::size_t n = 0;
    double alpha = 0.85;
    std::vector<double> inv_out;     // 1 / out(j), 0 for dangling j
    std::vector<double> evaporated;  // fraction of j's out-weight that evaporates (may be empty)
    std::vector<double> v;           // personalization (empty = uniform)
    std::vector<double> u;           // dangling distribution (empty = uniform)
    const edge_offset* offsets = nullptr;
    const node_id* sources = nullptr;
    edge_offset last_edge = 0;             // m − 1 (0 when m = 0): the prefetch bound
    const edge_weight* weights = nullptr;  // null = unweighted
    const edge_flags* flags = nullptr;     // null = no masking
    edge_flags mask = 0;

    double v_at(std::size_t i) const { return v.empty() ? 1.0 / static_cast<double>(n) : v[i]; }
    double u_at(std::size_t i) const { return u.empty() ? 1.0 / static_cast<double>(n) : u[i]; }
    double evaporated_at(std::size_t i) const { return evaporated.empty() ? 0.0 : evaporated[i]; }
};

/// c_j · w_ji for in-edge e of the row, or 0 when the edge is masked.
template <bool Weighted, bool Masked>
inline double term(const kernel_setup& k, const double* c, edge_offset e) {
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
inline void prefetch_contribution(const kernel_setup& k, const double* c, edge_offset e,
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
inline double pull(const kernel_setup& k, const double* c, std::size_t i) {
    double s = 0;
    const edge_offset end = k.offsets[i + 1];
    const auto all = static_cast<node_id>(k.n);
    for (edge_offset e = k.offsets[i]; e < end; ++e) {
        prefetch_contribution(k, c, e, all);
        s += term<Weighted, Masked>(k, c, e);
    }
    return s;
}

struct sweep_sums {
    double residual = 0, dangling = 0, evaporated = 0;
};

/// sum + lo ← sum + x with the rounding error kept in lo (Kahan–Babuška/Neumaier).
inline void kahan_add(double& sum, double& lo, double x) {
    const double t = sum + x;
    lo += std::fabs(sum) >= std::fabs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
}

/// The part of a Jacobi iteration that is the same for every node and both kernels: given the
/// pulled sum of node i, writes x_i and its next contribution and adds to the reductions.
struct jacobi_update {
    const kernel_setup& k;
    double to_u, to_v, base_uniform;
    bool uniform;
    double* x;
    double* c_next;
    const double* ev;

    jacobi_update(const kernel_setup& setup, std::vector<double>& x_, gather_vector& c_next_,
                  double dangling, double evaporated)
        : k(setup),
          to_u(setup.alpha * dangling),
          to_v(setup.alpha * evaporated + (1.0 - setup.alpha)),
          base_uniform((to_u + to_v) / static_cast<double>(setup.n)),
          uniform(setup.v.empty() && setup.u.empty()),
          x(x_.data()),
          c_next(c_next_.data()),
          ev(setup.evaporated.empty() ? nullptr : setup.evaporated.data()) {}

    /// `dang`/`evap` accumulate with compensation in `dang_lo`/`evap_lo` (Kahan): millions of
    /// equal tiny scores added to a sum of ~0.5 would otherwise round the same way each time
    /// (measured: 5e-11 of mass lost in one iteration at 4M nodes, and a different amount on
    /// another thread count).
    void operator()(std::size_t i, double pulled, double& res, double& dang, double& dang_lo,
                    double& evap, double& evap_lo) const {
        const double base = uniform ? base_uniform : to_u * k.u_at(i) + to_v * k.v_at(i);
        const double xi = k.alpha * pulled + base;
        res += std::fabs(xi - x[i]);
        x[i] = xi;
        const double inv = k.inv_out[i];
        c_next[i] = xi * inv;
        if (inv == 0.0) kahan_add(dang, dang_lo, xi);
        if (ev) kahan_add(evap, evap_lo, xi * ev[i]);
    }
};

/// One Jacobi iteration: reads c, writes x and c_next. Returns the L1 change and the dangling /
/// evaporated mass of the new iterate.
template <bool Weighted, bool Masked>
sweep_sums power_step(const kernel_setup& k, std::vector<double>& x, const gather_vector& c,
                      gather_vector& c_next, double dangling, double evaporated) {
    const std::size_t n = k.n;
    const jacobi_update update(k, x, c_next, dangling, evaporated);
    const double* cp = c.data();
    double res = 0, dang = 0, evap = 0;
    double dang_lo = 0, evap_lo = 0;
#pragma omp parallel for schedule(dynamic, 4096) \
    reduction(+ : res, dang, dang_lo, evap, evap_lo) \
    if (n > detail::parallel_threshold)
    for (std::size_t i = 0; i < n; ++i)
        update(i, pull<Weighted, Masked>(k, cp, i), res, dang, dang_lo, evap, evap_lo);
    return {res, dang + dang_lo, evap + evap_lo};
}

/// power_step with pagerank_kernel::blocked: the cold contributions are scattered into bins,
/// then each block of bin_size nodes adds its bin into an L2-resident accumulator and pulls
/// the hot prefix of each row (rows are sorted by source). Per node: hot terms in row order,
/// then the cold sum in source order — fixed, so any thread count gives the same sums.
template <bool Masked>
sweep_sums blocked_power_step(const kernel_setup& k, detail::cold_bins& bins, std::vector<double>& x,
                              const gather_vector& c, gather_vector& c_next, double dangling,
                              double evaporated) {
    using detail::cold_bins;
    const std::size_t n = k.n;
    const jacobi_update update(k, x, c_next, dangling, evaporated);
    const double* cp = c.data();
    const node_id hot = bins.hot();
    bins.scatter(cp);
    double res = 0, dang = 0, evap = 0;
    double dang_lo = 0, evap_lo = 0;
#pragma omp parallel reduction(+ : res, dang, dang_lo, evap, evap_lo)
    {
        std::vector<double> acc(cold_bins::bin_size, 0.0);  // all zero between blocks
#pragma omp for schedule(dynamic, 1)
        for (std::size_t b = 0; b < bins.num_bins(); ++b) {
            bins.add_bin(b, acc.data());
            const std::size_t first = b << cold_bins::bin_shift;
            const std::size_t last = std::min(n, first + cold_bins::bin_size);
            for (std::size_t i = first; i < last; ++i) {
                double s = 0;
                const edge_offset end = k.offsets[i + 1];
                for (edge_offset e = k.offsets[i]; e < end && k.sources[e] < hot; ++e) {
                    prefetch_contribution(k, cp, e, hot);
                    s += term<false, Masked>(k, cp, e);
                }
                update(i, s + std::exchange(acc[i - first], 0.0), res, dang, dang_lo, evap,
                       evap_lo);
            }
        }
    }
    return {res, dang + dang_lo, evap + evap_lo};
}

/// The dangling mass D and evaporated mass Z of x: compensated sums over fixed blocks of
/// 2^16 nodes, added in block order, so the result does not depend on the thread count.
/// O(n), parallel.
sweep_sums masses(const kernel_setup& k, const std::vector<double>& x) {
    constexpr unsigned block_shift = 16;
    const std::size_t blocks = (k.n >> block_shift) + 1;
    std::vector<std::array<double, 4>> part(blocks);  // D, D's error, Z, Z's error
#pragma omp parallel for schedule(static) if (blocks > 1)
    for (std::size_t b = 0; b < blocks; ++b) {
        std::array<double, 4> p{};
        const std::size_t end = std::min(k.n, (b + 1) << block_shift);
        for (std::size_t i = b << block_shift; i < end; ++i) {
            if (k.inv_out[i] == 0.0) kahan_add(p[0], p[1], x[i]);
            kahan_add(p[2], p[3], x[i] * k.evaporated_at(i));
        }
        part[b] = p;
    }
    double dangling_lo = 0, evaporated_lo = 0;
    sweep_sums s;
    for (const auto& p : part) {
        kahan_add(s.dangling, dangling_lo, p[0]);
        dangling_lo += p[1];
        kahan_add(s.evaporated, evaporated_lo, p[2]);
        evaporated_lo += p[3];
    }
    s.dangling += dangling_lo;
    s.evaporated += evaporated_lo;
    return s;
}

/// c_i = x_i / out(i) for every node (0 for dangling ones). O(n), parallel; also the first
/// touch of c's pages, which are then spread over the threads that gather from them.
void contributions(const kernel_setup& k, const std::vector<double>& x, gather_vector& c) {
#pragma omp parallel for schedule(static) if (k.n > detail::parallel_threshold)
    for (std::size_t i = 0; i < k.n; ++i) c[i] = x[i] * k.inv_out[i];
}

/// One Gauss–Seidel sweep in node order, in place: x and c hold the newest values (the dangling
/// and evaporated masses too are updated as each node changes). Then `aggregates` rescales each
/// weakly connected component to its exact mass (mass_aggregates.hpp; without it, small closed
/// components converge their mass at α² per sweep and the solver is no faster than power).
/// `old` receives the previous iterate. Returns ‖x_new − x_old‖₁ and the exact masses of x_new.
template <bool Weighted, bool Masked>
sweep_sums gauss_seidel_step(const kernel_setup& k, detail::mass_aggregates& aggregates,
                             std::vector<double>& x, gather_vector& c, gather_vector& old,
                             double dangling, double evaporated) {
    const double a = k.alpha;
    for (std::size_t i = 0; i < k.n; ++i) {
        const double xi = a * pull<Weighted, Masked>(k, c.data(), i) + a * dangling * k.u_at(i) +
                          (a * evaporated + 1.0 - a) * k.v_at(i);
        const double d = xi - x[i];
        if (k.inv_out[i] == 0.0) dangling += d;
        evaporated += d * k.evaporated_at(i);
        old[i] = x[i];
        x[i] = xi;
        c[i] = xi * k.inv_out[i];
    }
    aggregates.correct(x);
    sweep_sums s = masses(k, x);
    for (std::size_t i = 0; i < k.n; ++i) {
        c[i] = x[i] * k.inv_out[i];
        s.residual += std::fabs(x[i] - old[i]);
    }
    return s;
}


template <bool Weighted, bool Masked>
void iterate(const kernel_setup& k, const pagerank_options& o, std::vector<double>& x,
             pagerank_result& r) {
    const auto t0 = std::chrono::steady_clock::now();  // all until the loop is set-up time
    // Both left unwritten by the allocator and first touched here, in parallel (page faults
    // on 1 GB of huge pages cost ~0.6 s at scale 26: set-up, not the first iteration's time).
    gather_vector c(k.n), c_next(k.n);
    contributions(k, x, c);
#pragma omp parallel for schedule(static) if (k.n > detail::parallel_threshold)
    for (std::size_t i = 0; i < k.n; ++i) c_next[i] = 0.0;
    sweep_sums m = masses(k, x);
    // Quadratic extrapolation keeps the three previous iterates (power method only).
    const bool extrapolate =
        o.acceleration == pagerank_acceleration::quadratic && o.solver == pagerank_solver::power;
    std::array<std::vector<double>, 3> past;
    std::size_t stored = 0;  // consecutive previous iterates held in `past` (oldest first)
    std::optional<detail::cold_bins> bins;
    if constexpr (!Weighted) {
        const std::size_t hot =
            o.blocked_hot_nodes ? o.blocked_hot_nodes : detail::cold_bins::automatic_hot();
        if (o.kernel == pagerank_kernel::blocked && o.solver == pagerank_solver::power &&
            k.n > hot && k.n <= detail::cold_bins::max_nodes)
            bins.emplace(k.n, k.offsets, k.sources, k.flags, k.mask, static_cast<node_id>(hot));
    }
    std::optional<detail::mass_aggregates> aggregates;
    if (o.solver == pagerank_solver::gauss_seidel)
        aggregates.emplace(detail::aggregation_input{
            k.n, k.alpha, k.offsets, k.sources, k.flags, k.mask, k.inv_out.data(),
            k.evaporated.empty() ? nullptr : k.evaporated.data(), &k.v, &k.u});
    r.setup_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    while (r.iterations < o.max_iterations) {
        if (extrapolate) {
            std::rotate(past.begin(), past.begin() + 1, past.end());
            past[2] = x;  // reuses the rotated-out vector's capacity
            stored = std::min<std::size_t>(stored + 1, 3);
        }
        if (o.solver == pagerank_solver::power) {
            m = bins ? blocked_power_step<Masked>(k, *bins, x, c, c_next, m.dangling, m.evaporated)
                     : power_step<Weighted, Masked>(k, x, c, c_next, m.dangling, m.evaporated);
            c.swap(c_next);
        } else {
            m = gauss_seidel_step<Weighted, Masked>(k, *aggregates, x, c, c_next, m.dangling,
                                                    m.evaporated);
        }
        ++r.iterations;
        r.residual = m.residual;
        r.history.push_back(m.residual);
        if (m.residual < o.tolerance) {
            r.converged = true;
            break;
        }
        if (o.progress && !o.progress({r.iterations, o.max_iterations, m.residual, o.tolerance})) {
            r.cancelled = true;
            break;
        }
        if (extrapolate && stored == 3 && r.iterations % o.acceleration_period == 0 &&
            r.iterations < o.max_iterations) {
            detail::quadratic_extrapolate(past[0], past[1], past[2], x);
            contributions(k, x, c);
            m = masses(k, x);
            stored = 0;  // the next extrapolation needs iterates of the new sequence
        }
    }
}

/// vec[new] = vec[old_of[new]] (empty vectors stay empty).
void permute_to_new(std::vector<double>& vec, const std::vector<node_id>& old_of) {
    if (vec.empty()) return;
    std::vector<double> out(vec.size());
    for (std::size_t i = 0; i < vec.size(); ++i) out[i] = vec[old_of[i]];
    vec.swap(out);
}

bool any_masked(const csr_graph& g, edge_flags mask) {
    if (!g.has_flags() || mask == 0) return false;
    const auto f = g.in_flag_array();
    bool any = false;
#pragma omp parallel for reduction(|| : any) if (f.size() > detail::parallel_threshold)
    for (std::size_t e = 0; e < f.size(); ++e) any = any || (f[e] & mask) != 0;
    return any;
}

}  // namespace

std::vector<double> followable_out_weight(const csr_graph& g, const pagerank_options& o) {
    const std::size_t n = g.num_nodes();
    if (g.is_lean()) {
        if (o.excluded_links == excluded_link_mode::evaporate)
            throw std::invalid_argument(
                "pagerank: excluded_links = evaporate needs the excluded links, which a lean graph "
                "dropped at build time; build without build_options::lean");
        const auto w = g.lean_out_weight();
        if (o.weighted || !g.has_weights()) return {w.begin(), w.end()};
        // An unweighted run on a weighted lean graph: out(j) is the followable out-degree.
        std::vector<double> deg(n, 0.0);
        for (node_id s : g.in_sources()) deg[s] += 1.0;
        return deg;
    }
    const bool weighted = o.weighted && g.has_weights();
    const edge_flags mask = o.excluded_links == excluded_link_mode::exclude && g.has_flags()
                                ? o.excluded : edge_flags(0);
    const auto off = g.out_offsets();
    const auto fl = g.out_flag_array();
    const auto wt = g.out_weight_array();
    std::vector<double> out(n);
#pragma omp parallel for schedule(dynamic, 4096) if (n > detail::parallel_threshold)
    for (std::size_t j = 0; j < n; ++j) {
        double s = 0;
        for (edge_offset e = off[j]; e < off[j + 1]; ++e) {
            if (mask && (fl[e] & mask)) continue;
            s += weighted ? static_cast<double>(wt[e]) : 1.0;
        }
        out[j] = s;
    }
    return out;
}

pagerank_result pagerank(const csr_graph& g, const pagerank_options& o) {
    const std::size_t n = g.num_nodes();
    o.validate(n);
    pagerank_result r;
    if (n == 0) {
        r.converged = true;
        return r;
    }
    const auto t0 = std::chrono::steady_clock::now();

    kernel_setup k;
    k.n = n;
    k.alpha = o.damping;
    const bool weighted = o.weighted && g.has_weights();
    const bool masked = any_masked(g, o.excluded);
    std::vector<double> out = followable_out_weight(g, o);
    k.inv_out.resize(n);
    if (o.excluded_links == excluded_link_mode::evaporate && masked) {
        // out(j) counts every link; the excluded share of it evaporates.
        pagerank_options follow_only = o;
        follow_only.excluded_links = excluded_link_mode::exclude;
        const std::vector<double> follow = followable_out_weight(g, follow_only);
        k.evaporated.resize(n);
        for (std::size_t j = 0; j < n; ++j) {
            k.inv_out[j] = out[j] > 0 ? 1.0 / out[j] : 0.0;
            k.evaporated[j] = out[j] > 0 ? (out[j] - follow[j]) / out[j] : 0.0;
        }
    } else {
        for (std::size_t j = 0; j < n; ++j) k.inv_out[j] = out[j] > 0 ? 1.0 / out[j] : 0.0;
    }
    out = {};  // 8 bytes per node less for the iterations
    k.v = normalised(o.personalization);
    switch (o.dangling) {
        case dangling_policy::personalization: k.u = k.v; break;
        case dangling_policy::uniform: break;
        case dangling_policy::vector: k.u = normalised(o.dangling_distribution); break;
    }
    k.offsets = g.in_offsets().data();
    k.sources = g.in_sources().data();
    k.weights = weighted ? g.in_weight_array().data() : nullptr;
    k.flags = masked ? g.in_flag_array().data() : nullptr;
    k.mask = masked ? o.excluded : 0;

    std::vector<double> x = o.start.empty() ? std::vector<double>{} : normalised(o.start);
    if (x.empty()) {
        x.resize(n);
        for (std::size_t i = 0; i < n; ++i) x[i] = k.v_at(i);
    }
    detail::relabelled_in_graph relabelled;
    const bool by_degree =
        o.node_order == pagerank_node_order::by_degree ||
        (o.node_order == pagerank_node_order::automatic && !g.is_lean() &&
         g.num_edges() >= automatic_reorder_edges);
    if (by_degree) {
        relabelled = detail::relabel_by_out_degree(g, weighted, masked);
        const auto& old_of = relabelled.old_of;
        for (auto* vec : {&k.inv_out, &k.evaporated, &k.v, &k.u, &x}) permute_to_new(*vec, old_of);
        k.offsets = relabelled.offsets.data();
        k.sources = relabelled.sources.data();
        if (weighted) k.weights = relabelled.weights.data();
        if (masked) k.flags = relabelled.flags.data();
    }
    k.last_edge = k.offsets[n] > 0 ? k.offsets[n] - 1 : 0;
    r.setup_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (weighted && masked) iterate<true, true>(k, o, x, r);
    else if (weighted) iterate<true, false>(k, o, x, r);
    else if (masked) iterate<false, true>(k, o, x, r);
    else iterate<false, false>(k, o, x, r);
    if (by_degree) {
        r.scores.resize(n);
        for (std::size_t i = 0; i < n; ++i) r.scores[relabelled.old_of[i]] = x[i];
    } else {
        r.scores = std::move(x);
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() -
                r.setup_seconds;
    return r;
}

}  // namespace linkequity
