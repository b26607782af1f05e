// SPDX-License-Identifier: MIT
// link_gain(): the rank-one update of docs/planning.md. The transition matrix P = T + d uᵀ + b vᵀ
// (T the followable links, d the dangling indicator, b the evaporating shares), its shared solves
// (x, G e_t, Gᵀ e_t, G d, G b) with a-posteriori error bounds, the per-candidate backward push
// for G_jj, the gain formula evaluated on intervals, and with_followable_link().
#include "linkequity/algo/link_gain.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "linkequity/detail/parallel.hpp"
#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/graph/builder.hpp"

namespace linkequity {
namespace {

/// P = T + d uᵀ + b vᵀ as the kernel defines it, read from g's two adjacencies.
struct transition {
    explicit transition(const csr_graph& graph) : g(graph) {}
    const csr_graph& g;
    std::size_t n = 0;
    double alpha = 0.85;
    bool weighted = false;
    edge_flags excluded = 0;
    std::vector<double> out, inv_out;  // out(j) (all links in evaporate mode), 1/out(j) or 0
    std::vector<double> evap;          // b_j: evaporating share of j's row (empty = none)
    std::vector<double> u, v;          // normalised; empty = uniform
    bool same_uv = true;

    double u_at(std::size_t i) const { return u.empty() ? 1.0 / double(n) : u[i]; }
    double v_at(std::size_t i) const { return v.empty() ? 1.0 / double(n) : v[i]; }
    double b_at(std::size_t i) const { return evap.empty() ? 0.0 : evap[i]; }
    double d_at(std::size_t i) const { return inv_out[i] == 0.0 ? 1.0 : 0.0; }
    bool followable(span<const edge_flags> f, std::size_t e) const {
        return f.empty() || (f[e] & excluded) == 0;
    }
    double weight(span<const edge_weight> w, std::size_t e) const {
        return weighted ? static_cast<double>(w[e]) : 1.0;
    }
};

std::vector<double> normalised(const std::vector<double>& x) {
    if (x.empty()) return {};
    const double s = std::accumulate(x.begin(), x.end(), 0.0);
    std::vector<double> r(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) r[i] = x[i] / s;
    return r;
}

transition make_transition(const csr_graph& g, const pagerank_options& o) {
    transition p(g);
    p.n = g.num_nodes();
    p.alpha = o.damping;
    p.weighted = o.weighted && g.has_weights();
    p.excluded = g.has_flags() ? o.excluded : edge_flags(0);
    p.out = followable_out_weight(g, o);
    p.inv_out.resize(p.n);
    for (std::size_t j = 0; j < p.n; ++j) p.inv_out[j] = p.out[j] > 0 ? 1.0 / p.out[j] : 0.0;
    if (o.excluded_links == excluded_link_mode::evaporate && p.excluded) {
        pagerank_options follow = o;
        follow.excluded_links = excluded_link_mode::exclude;
        const std::vector<double> f = followable_out_weight(g, follow);
        p.evap.assign(p.n, 0.0);
        bool any = false;
        for (std::size_t j = 0; j < p.n; ++j) {
            p.evap[j] = p.out[j] > 0 ? (p.out[j] - f[j]) / p.out[j] : 0.0;
            any = any || p.evap[j] > 0;
        }
        if (!any) p.evap.clear();
    }
    p.v = normalised(o.personalization);
    switch (o.dangling) {
        case dangling_policy::personalization: p.u = p.v; break;
        case dangling_policy::uniform: break;
        case dangling_policy::vector: p.u = normalised(o.dangling_distribution); break;
    }
    p.same_uv = p.u == p.v;
    return p;
}

/// next ← α P Y + R for K interleaved columns (Y[i·K + c]), pulled over the out-adjacency: one
/// pass over the graph serves every column. `diff` gets ‖next − Y‖∞ per column: Y's residual.
template <std::size_t K>
void step_right(const transition& p, const std::vector<double>& rhs, std::vector<double>& y,
                std::vector<double>& next, std::array<double, K>& diff) {
    std::array<double, K> uy{}, vy{};  // serial: the same sums on any thread count
    for (std::size_t i = 0; i < p.n; ++i)
        for (std::size_t c = 0; c < K; ++c)
            uy[c] += p.u_at(i) * y[i * K + c], vy[c] += p.v_at(i) * y[i * K + c];
    const auto offs = p.g.out_offsets();
    const auto tgt = p.g.out_targets();
    const auto fl = p.g.out_flag_array();
    const auto w = p.g.out_weight_array();
    const auto n = static_cast<std::ptrdiff_t>(p.n);
    std::array<double, K> d{};
#pragma omp parallel if (p.n > detail::parallel_threshold)
    {
        std::array<double, K> local{};
#pragma omp for schedule(dynamic, 4096)
        for (std::ptrdiff_t ii = 0; ii < n; ++ii) {
            const auto i = static_cast<std::size_t>(ii);
            std::array<double, K> acc{};
            for (edge_offset e = offs[i]; e < offs[i + 1]; ++e) {
                if (!p.followable(fl, e)) continue;
                const double we = p.weight(w, e);
                const double* yk = &y[std::size_t{tgt[e]} * K];
                for (std::size_t c = 0; c < K; ++c) acc[c] += we * yk[c];
            }
            for (std::size_t c = 0; c < K; ++c) {
                const double v = rhs[i * K + c] +
                                 p.alpha * (acc[c] * p.inv_out[i] + p.d_at(i) * uy[c] +
                                            p.b_at(i) * vy[c]);
                local[c] = std::max(local[c], std::fabs(v - y[i * K + c]));
                next[i * K + c] = v;
            }
        }
#pragma omp critical
        for (std::size_t c = 0; c < K; ++c) d[c] = std::max(d[c], local[c]);
    }
    diff = d;
}

/// z ← α Pᵀ z + rhs, pulled over the in-adjacency (the old z is left in `next`). Returns
/// ‖z_new − z‖₁ (summed serially). `c` is scratch for the contributions z_j / out(j).
double step_left(const transition& p, const std::vector<double>& rhs, std::vector<double>& z,
                 std::vector<double>& next, std::vector<double>& c) {
    double dz = 0, bz = 0;
    c.resize(p.n);
    for (std::size_t j = 0; j < p.n; ++j) {
        dz += p.d_at(j) * z[j], bz += p.b_at(j) * z[j];
        c[j] = z[j] * p.inv_out[j];
    }
    const auto offs = p.g.in_offsets();
    const auto src = p.g.in_sources();
    const auto fl = p.g.in_flag_array();
    const auto w = p.g.in_weight_array();
    const auto n = static_cast<std::ptrdiff_t>(p.n);
#pragma omp parallel for schedule(dynamic, 4096) if (p.n > detail::parallel_threshold)
    for (std::ptrdiff_t ii = 0; ii < n; ++ii) {
        const auto i = static_cast<std::size_t>(ii);
        double s = 0;
        if (fl.empty() && !p.weighted) {
            for (edge_offset e = offs[i]; e < offs[i + 1]; ++e) s += c[src[e]];
        } else {
            for (edge_offset e = offs[i]; e < offs[i + 1]; ++e)
                if (p.followable(fl, e)) s += p.weight(w, e) * c[src[e]];
        }
        next[i] = rhs[i] + p.alpha * (s + p.u_at(i) * dz + p.v_at(i) * bz);
    }
    double diff = 0;
    for (std::size_t i = 0; i < p.n; ++i) diff += std::fabs(next[i] - z[i]);
    z.swap(next);
    return diff;
}

/// A solved vector and the bound on its error (per component).
struct solved {
    std::vector<double> x;
    double error = 0;
};

/// Iterations after which a solve stops even above its tolerance: twice what α^k needs.
std::size_t iteration_cap(double alpha, double tol) {
    return 100 + 2 * static_cast<std::size_t>(std::log(tol * (1 - alpha)) / std::log(alpha));
}

/// z = α Pᵀ z + rhs, iterated from rhs / (1 − α): 𝟙ᵀz then already has its final value
/// 𝟙ᵀrhs / (1 − α) (Pᵀ keeps sums), so the changes sum to zero and shrink as the walk mixes (the
/// PageRank iteration's behaviour) rather than as α^k. Stops when the a-posteriori bound
/// ‖z − z*‖₁ <= ‖α Pᵀ z + rhs − z‖₁ / (1 − α) (‖Gᵀ‖₁ = 1/(1 − α)) is below tol; returns the
/// last iterate whose residual was measured, with that bound.
solved solve_left(const transition& p, const std::vector<double>& rhs, double tol,
                  std::size_t& iterations) {
    solved s{rhs, 0.0};
    for (double& v : s.x) v /= 1 - p.alpha;
    std::vector<double> next(p.n), c;
    for (std::size_t k = 0, cap = iteration_cap(p.alpha, tol); k < cap; ++k) {
        s.error = step_left(p, rhs, s.x, next, c) / (1 - p.alpha);
        ++iterations;
        if (s.error < tol) {
            s.x.swap(next);  // the iterate the bound is about
            break;
        }
    }
    return s;
}

/// Y = α P Y + R for K columns at once. The slow mode of this iteration is the constant vector
/// (P𝟙 = 𝟙: its share of the error shrinks only as α^k); each step adds to every column the
/// rest of that geometric series, α/(1 − α)·vᵀΔ·𝟙, Δ the step's change. Stops when every
/// column's a-posteriori bound ‖y − y*‖∞ <= ‖α P y + r − y‖∞ / (1 − α) is below tol and returns
/// those iterates with their bounds.
template <std::size_t K>
std::array<solved, K> solve_right(const transition& p, const std::array<const std::vector<double>*, K>& rhs,
                                  double tol, std::size_t& iterations) {
    std::vector<double> r(p.n * K), y, next(p.n * K);
    for (std::size_t i = 0; i < p.n; ++i)
        for (std::size_t c = 0; c < K; ++c) r[i * K + c] = (*rhs[c])[i];
    y = r;
    const double tail = p.alpha / (1.0 - p.alpha);
    std::array<double, K> diff{};
    for (std::size_t k = 0, cap = iteration_cap(p.alpha, tol); k < cap; ++k) {
        step_right<K>(p, r, y, next, diff);
        ++iterations;
        if (*std::max_element(diff.begin(), diff.end()) / (1 - p.alpha) < tol) break;
        std::array<double, K> shift{};
        for (std::size_t i = 0; i < p.n; ++i)
            for (std::size_t c = 0; c < K; ++c)
                shift[c] += p.v_at(i) * (next[i * K + c] - y[i * K + c]);
        for (std::size_t i = 0; i < p.n; ++i)
            for (std::size_t c = 0; c < K; ++c) next[i * K + c] += tail * shift[c];
        y.swap(next);
    }
    std::array<solved, K> out;
    for (std::size_t c = 0; c < K; ++c) {
        out[c].x.resize(p.n);
        for (std::size_t i = 0; i < p.n; ++i) out[c].x[i] = y[i * K + c];
        out[c].error = diff[c] / (1 - p.alpha);
    }
    return out;
}

/// [lo, hi] for a product / quotient of intervals.
struct interval {
    double lo, hi;
};
interval mul(interval a, interval b) {
    const double c[] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
    return {*std::min_element(c, c + 4), *std::max_element(c, c + 4)};
}
interval div(interval a, interval b) {  // b.lo > 0
    const double c[] = {a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi};
    return {*std::min_element(c, c + 4), *std::max_element(c, c + 4)};
}

/// What every candidate shares: x, G e_t (y), Gᵀ e_t (z), G d and G b (or G (d + b) when u = v).
struct shared_solves {
    std::vector<double> x;
    double ex = 0;
    solved y, z, qd, qb;
};

/// The row change of candidate j: δ = a e_t − b v − c P_j.
struct row_change {
    double a = 0, b = 0, c = 0;
    bool existing = false;
};

/// gain = α x_j (a G_tt − b x_t/(1−α) − c G_jt/α) / (1 − α a G_tj + α b x_j/(1−α) + c (G_jj − 1))
/// at the point estimates, and its enclosure over every input's interval.
struct gain_eval {
    double gain, lo, hi;
    double bound() const { return std::max(hi - gain, gain - lo); }
};

gain_eval evaluate(const transition& p, const shared_solves& s, node_id t, node_id j,
                   const row_change& r, interval gjj, double gjj_est) {
    const double al = p.alpha, om = 1 - al;
    const double ex = s.ex, ey = s.y.error, ez = s.z.error;
    const double xj = s.x[j], xt = s.x[t], yt = s.y.x[t], yj = s.y.x[j], zj = s.z.x[j];
    const double num = r.a * yt - r.b * xt / om - r.c * yj / al;
    const double den = 1 - al * r.a * zj + al * r.b * xj / om + r.c * (gjj_est - 1);
    gain_eval g{al * xj * num / den, 0, 0};
    const interval n{r.a * (yt - ey) - r.b * (xt + ex) / om - r.c * (yj + ey) / al,
                     r.a * (yt + ey) - r.b * (xt - ex) / om - r.c * (yj - ey) / al};
    const interval d{1 - al * r.a * (zj + ez) + al * r.b * std::max(0.0, xj - ex) / om +
                         r.c * (gjj.lo - 1),
                     1 - al * r.a * (zj - ez) + al * r.b * (xj + ex) / om + r.c * (gjj.hi - 1)};
    if (d.lo <= 0) {
        g.lo = -std::numeric_limits<double>::infinity();
        g.hi = std::numeric_limits<double>::infinity();
        return g;
    }
    const interval q = div(mul({al * std::max(0.0, xj - ex), al * (xj + ex)}, n), d);
    g.lo = std::min(q.lo, g.gain);
    g.hi = std::max(q.hi, g.gain);
    return g;
}

/// Per-thread scratch of the backward push: residuals, flags, the touched nodes and the queue.
struct push_scratch {
    std::vector<double> r;
    std::vector<char> queued, seen;
    std::vector<node_id> touched, queue;
    explicit push_scratch(std::size_t n) : r(n, 0.0), queued(n, 0), seen(n, 0) {}
};

/// G_jj by a backward push from j on T (G e_j = e_j + α G P e_j), the teleport part kept as
/// scalars γ_d, γ_b: G_jj = p_j + γ_d (G d)_j + γ_b (G b)_j + (G r)_j with 0 <= r_i <= ε and
/// r_j <= (G r)_j <= max r / (1 − α) (rows of G sum to 1/(1 − α)). Refines ε by 8 until
/// `good(interval, estimate)` or max_pushes. Returns the interval and the estimate (its middle).
template <class Good>
std::pair<interval, double> push_gjj(const transition& p, const shared_solves& s, node_id j,
                                     std::size_t max_pushes, push_scratch& w, Good good,
                                     std::size_t& pushes) {
    const auto offs = p.g.in_offsets();
    const auto src = p.g.in_sources();
    const auto fl = p.g.in_flag_array();
    const auto wt = p.g.in_weight_array();
    const double al = p.alpha;
    double eps = 0.05, pj = 0, gd = 0, gb = 0;
    std::size_t done = 0;
    w.r[j] = 1.0;
    w.seen[j] = 1;
    w.touched.assign(1, j);
    w.queue.assign(1, j);
    w.queued[j] = 1;
    std::pair<interval, double> out;
    for (;;) {
        for (std::size_t h = 0; h < w.queue.size() && done < max_pushes; ++h) {
            const node_id i = w.queue[h];
            w.queued[i] = 0;
            const double ri = w.r[i];
            if (ri <= eps) continue;
            w.r[i] = 0;
            ++done;
            if (i == j) pj += ri;
            gd += al * p.u_at(i) * ri;
            gb += al * p.v_at(i) * ri;
            for (edge_offset e = offs[i]; e < offs[i + 1]; ++e) {
                const node_id k = src[e];
                if (!p.followable(fl, e) || p.inv_out[k] == 0) continue;
                w.r[k] += al * p.weight(wt, e) * p.inv_out[k] * ri;
                if (!w.seen[k]) w.seen[k] = 1, w.touched.push_back(k);
                if (w.r[k] > eps && !w.queued[k]) w.queued[k] = 1, w.queue.push_back(k);
            }
        }
        for (node_id k : w.queue) w.queued[k] = 0;
        w.queue.clear();
        double rmax = 0;
        for (node_id k : w.touched) rmax = std::max(rmax, w.r[k]);
        const double tele = p.same_uv ? (gd * s.qd.x[j]) : (gd * s.qd.x[j] + gb * s.qb.x[j]);
        const double tele_err = p.same_uv ? gd * s.qd.error : gd * s.qd.error + gb * s.qb.error;
        const double base = pj + tele;
        const interval iv{base + w.r[j] - tele_err, base + rmax / (1 - al) + tele_err};
        out = {iv, 0.5 * (iv.lo + iv.hi)};
        if (rmax == 0 || done >= max_pushes || good(out.first, out.second)) break;
        eps /= 8;
        for (node_id k : w.touched)
            if (w.r[k] > eps) w.queued[k] = 1, w.queue.push_back(k);
    }
    for (node_id k : w.touched) w.r[k] = 0, w.seen[k] = 0, w.queued[k] = 0;
    pushes += done;
    return out;
}

/// The target's in-row, summarised: which sources link followably, and the excluded weight.
struct target_links {
    std::vector<node_id> followable;                  // sorted, unique
    std::vector<std::pair<node_id, double>> excluded; // source → summed weight, sorted by source
};

target_links links_into(const transition& p, node_id t) {
    target_links l;
    const auto src = p.g.in_neighbors(t);
    const auto fl = p.g.in_flags(t);
    const auto w = p.g.in_weights(t);
    for (std::size_t e = 0; e < src.size(); ++e) {
        if (p.followable(fl, e)) {
            l.followable.push_back(src[e]);
        } else if (!l.excluded.empty() && l.excluded.back().first == src[e]) {
            l.excluded.back().second += p.weight(w, e);
        } else {
            l.excluded.emplace_back(src[e], p.weight(w, e));
        }
    }
    std::sort(l.followable.begin(), l.followable.end());
    l.followable.erase(std::unique(l.followable.begin(), l.followable.end()), l.followable.end());
    // excluded sources that also link followably are not candidates: drop them
    l.excluded.erase(std::remove_if(l.excluded.begin(), l.excluded.end(), [&](const auto& e) {
                         return std::binary_search(l.followable.begin(), l.followable.end(),
                                                   e.first);
                     }),
                     l.excluded.end());
    return l;
}

/// δ of candidate j: a = w_new/o', b = w_old/o' (evaporate mode: the excluded weight already
/// counted in out(j)), c = 1 − o/o', with o' = o − w_old + w_new.
row_change change_of(const transition& p, const target_links& l, node_id j,
                     const link_gain_options& o) {
    row_change r;
    const double new_weight = p.weighted ? o.link_weight : 1.0;
    double w_new = new_weight, w_old = 0;
    const auto it = std::lower_bound(l.excluded.begin(), l.excluded.end(), j,
                                     [](const auto& e, node_id s) { return e.first < s; });
    if (it != l.excluded.end() && it->first == j) {
        r.existing = true;
        w_new = o.reweight_existing ? new_weight : it->second;
        if (!p.evap.empty() || o.pagerank.excluded_links == excluded_link_mode::evaporate)
            w_old = it->second;
    }
    const double out = p.out[j], after = out - w_old + w_new;
    if (after <= 0) return r;  // a zero-weight link changes nothing
    r.a = w_new / after;
    r.b = w_old / after;
    r.c = 1 - out / after;
    return r;
}

std::vector<node_id> candidate_list(const transition& p, const target_links& l, node_id t,
                                    const std::vector<node_id>& given, std::size_t& skipped) {
    std::vector<node_id> c;
    if (given.empty()) {
        c.reserve(p.n);
        for (std::size_t j = 0; j < p.n; ++j)
            if (j != t && !std::binary_search(l.followable.begin(), l.followable.end(), j))
                c.push_back(static_cast<node_id>(j));
        return c;
    }
    for (node_id j : given) {
        if (j >= p.n)
            throw std::invalid_argument(fmt::format(
                "link_gain: candidate {} is not a node (the graph has {} nodes)", j, p.n));
        if (j == t)
            throw std::invalid_argument(
                fmt::format("link_gain: the target {} is among the candidates", t));
    }
    c = given;
    std::sort(c.begin(), c.end());
    c.erase(std::unique(c.begin(), c.end()), c.end());
    const auto before = c.size();
    c.erase(std::remove_if(c.begin(), c.end(), [&](node_id j) {
                return std::binary_search(l.followable.begin(), l.followable.end(), j);
            }),
            c.end());
    skipped = before - c.size();
    return c;
}

/// x, its error bound, and the solves every candidate shares.
shared_solves solve_shared(const transition& p, node_id t, const link_gain_options& o,
                           link_gain_result& r) {
    shared_solves s;
    detail::stopwatch t0;
    r.pagerank = pagerank(p.g, o.pagerank);
    s.x = r.pagerank.scores;
    r.seconds_pagerank = t0.seconds();
    detail::stopwatch t1;
    // ‖x − x*‖₁ <= ‖step(x) − x‖₁ / (1 − α), step(x) = α Pᵀ x + (1 − α) v.
    std::vector<double> rhs(p.n), next(p.n);
    for (std::size_t i = 0; i < p.n; ++i) rhs[i] = (1 - p.alpha) * p.v_at(i);
    std::vector<double> probe = s.x;
    std::vector<double> scratch;
    s.ex = step_left(p, rhs, probe, next, scratch) / (1 - p.alpha);
    r.score_error = s.ex;
    const double tol = o.solve_tolerance;
    std::vector<double> et(p.n, 0.0);
    et[t] = 1.0;
    s.z = solve_left(p, et, tol, r.solve_iterations);
    std::vector<double> d(p.n), b(p.n);
    for (std::size_t i = 0; i < p.n; ++i) d[i] = p.d_at(i), b[i] = p.b_at(i);
    if (p.same_uv || p.evap.empty()) {  // G (d + b): the teleport part is one rank-one term
        for (std::size_t i = 0; i < p.n; ++i) d[i] += b[i];
        auto yq = solve_right<2>(p, {&et, &d}, tol, r.solve_iterations);
        s.y = std::move(yq[0]);
        s.qd = std::move(yq[1]);
        s.qb = {std::vector<double>(p.n, 0.0), 0.0};
    } else {
        auto yq = solve_right<3>(p, {&et, &d, &b}, tol, r.solve_iterations);
        s.y = std::move(yq[0]);
        s.qd = std::move(yq[1]);
        s.qb = std::move(yq[2]);
    }
    r.seconds_solves = t1.seconds();
    return s;
}

/// The row of candidate j: G_jj exactly for a dangling j when u = v (its row is uᵀ, so
/// G_jj = 1 + α uᵀ G e_j = 1 + α x_j / (1 − α)), else by the backward push.
link_gain_row gain_of(const transition& p, const shared_solves& s, const target_links& l,
                      node_id t, node_id j, const link_gain_options& o, push_scratch& w,
                      std::size_t& pushes) {
    const row_change rc = change_of(p, l, j, o);
    link_gain_row row;
    row.source = j;
    row.existing = rc.existing;
    if (rc.a == 0) return row;
    gain_eval g{};
    if (p.same_uv && p.inv_out[j] == 0) {
        const double k = p.alpha / (1 - p.alpha);
        g = evaluate(p, s, t, j, rc, {1 + k * (s.x[j] - s.ex), 1 + k * (s.x[j] + s.ex)},
                     1 + k * s.x[j]);
    } else {
        auto good = [&](interval iv, double est) {
            g = evaluate(p, s, t, j, rc, iv, est);
            const gain_eval exact = evaluate(p, s, t, j, rc, {est, est}, est);
            return g.bound() <= o.relative_error * std::fabs(g.gain) ||
                   g.bound() <= 2 * exact.bound();
        };
        // 1 <= G_jj <= 1/(1 − α) always (G >= 0, G𝟙 = 𝟙/(1 − α)): enough when c is small
        const interval any{1.0, 1.0 / (1 - p.alpha)};
        if (!good(any, 0.5 * (any.lo + any.hi))) {
            const auto iv = push_gjj(p, s, j, o.max_pushes, w, good, pushes);
            g = evaluate(p, s, t, j, rc, iv.first, iv.second);
        }
    }
    row.gain = g.gain;
    row.error_bound = g.bound();
    row.score_after = s.x[t] + g.gain;
    return row;
}

}  // namespace

void link_gain_options::validate(std::size_t num_nodes) const {
    check_fields(*this, "link_gain");
    pagerank.validate(num_nodes);
}

link_gain_result link_gain(const csr_graph& g, node_id target,
                           const std::vector<node_id>& candidates,
                           const link_gain_options& o) {
    const std::size_t n = g.num_nodes();
    o.validate(n);
    if (!g.has_out_edges())
        throw std::invalid_argument("link_gain: needs the out-adjacency, which a lean graph does "
                                    "not store; build without build_options::lean");
    if (target >= n)
        throw std::invalid_argument(fmt::format(
            "link_gain: target {} is not a node (the graph has {} nodes)", target, n));
    link_gain_result r;
    r.target = target;
    const transition p = make_transition(g, o.pagerank);
    const target_links l = links_into(p, target);
    const std::vector<node_id> cand = candidate_list(p, l, target, candidates, r.skipped);
    const shared_solves s = solve_shared(p, target, o, r);
    r.score = s.x[target];
    detail::stopwatch t0;
    r.rows.resize(cand.size());
    std::size_t pushes = 0;
    const auto m = static_cast<std::ptrdiff_t>(cand.size());
#pragma omp parallel reduction(+ : pushes) if (cand.size() > 64)
    {
        push_scratch w(n);
#pragma omp for schedule(dynamic, 64)
        for (std::ptrdiff_t i = 0; i < m; ++i)
            r.rows[static_cast<std::size_t>(i)] =
                gain_of(p, s, l, target, cand[static_cast<std::size_t>(i)], o, w, pushes);
    }
    r.pushes = pushes;
    std::sort(r.rows.begin(), r.rows.end(), [](const link_gain_row& a, const link_gain_row& b) {
        return a.gain != b.gain ? a.gain > b.gain : a.source < b.source;
    });
    r.seconds_candidates = t0.seconds();
    return r;
}

csr_graph with_followable_link(const csr_graph& g, node_id j, node_id t, double weight,
                               edge_flags excluded, bool reweight) {
    const std::size_t n = g.num_nodes();
    if (!g.has_out_edges())
        throw std::invalid_argument("with_followable_link: a lean graph has no out-adjacency");
    if (j >= n || t >= n || j == t)
        throw std::invalid_argument(fmt::format(
            "with_followable_link: need two different nodes < {}, got {} → {}", n, j, t));
    edge_list e;
    e.num_nodes = n;
    const auto offs = g.out_offsets();
    const auto tgt = g.out_targets();
    e.dst.assign(tgt.begin(), tgt.end());
    e.src.resize(e.dst.size());
    for (std::size_t i = 0; i < n; ++i)
        for (edge_offset k = offs[i]; k < offs[i + 1]; ++k) e.src[k] = static_cast<node_id>(i);
    if (g.has_flags()) e.flags.assign(g.out_flag_array().begin(), g.out_flag_array().end());
    if (g.has_weights()) e.weights.assign(g.out_weight_array().begin(), g.out_weight_array().end());
    bool found = false;
    for (edge_offset k = offs[j]; k < offs[j + 1]; ++k) {
        if (tgt[k] != t) continue;
        found = true;
        if (!e.flags.empty()) e.flags[k] &= static_cast<edge_flags>(~excluded);
        if (reweight && !e.weights.empty()) e.weights[k] = static_cast<edge_weight>(weight);
    }
    if (!found) {
        e.src.push_back(j);
        e.dst.push_back(t);
        if (g.has_flags()) e.flags.push_back(flags::none);
        if (g.has_weights()) e.weights.push_back(static_cast<edge_weight>(weight));
    }
    build_options b;
    b.self_loops = self_loop_policy::keep;
    b.duplicates = duplicate_policy::keep;
    return build_graph(e, b);
}

}  // namespace linkequity
