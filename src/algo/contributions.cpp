// SPDX-License-Identifier: MIT
// contributions(): the restart mass s of the final scores, the one-hop shares of the target's
// in-neighbours, and the column y = N e_t by a Jacobi step over the out-adjacency, run by the
// PageRank kernel's shared driver (pagerank/driver.hpp). c_j = s_j y_j.
#include "linkequity/algo/contributions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "linkequity/detail/parallel.hpp"
#include "pagerank/driver.hpp"

namespace linkequity {
namespace {

/// The out-adjacency the column step pulls over: the graph's own, or (lean graphs, which keep
/// only in-edges) a transposed copy of the in-adjacency.
struct out_rows {
    csr_view view;
    std::vector<edge_offset> offsets;
    std::vector<node_id> targets;
    std::vector<edge_weight> weights;
    std::vector<edge_flags> flags;
};

void transpose_in(const csr_view& in, out_rows& o) {
    const std::size_t n = in.num_nodes, m = in.num_edges();
    o.offsets.assign(n + 1, 0);
    for (std::size_t e = 0; e < m; ++e) ++o.offsets[in.sources[e] + 1];
    for (std::size_t j = 0; j < n; ++j) o.offsets[j + 1] += o.offsets[j];
    std::vector<edge_offset> next(o.offsets.begin(), o.offsets.end() - 1);
    o.targets.resize(m);
    if (in.has_weights()) o.weights.resize(m);
    if (in.has_flags()) o.flags.resize(m);
    for (std::size_t i = 0; i < n; ++i)
        for (edge_offset e = in.offsets[i]; e < in.offsets[i + 1]; ++e) {
            const edge_offset k = next[in.sources[e]]++;
            o.targets[k] = static_cast<node_id>(i);
            if (in.has_weights()) o.weights[k] = in.weights[e];
            if (in.has_flags()) o.flags[k] = in.flags[e];
        }
    o.view.num_nodes = n;
    o.view.offsets = o.offsets;
    o.view.sources = o.targets;
    o.view.weights = o.weights;
    o.view.flags = o.flags;
}

/// What the column iteration reads: T's rows (out-edges, 1/out(j), the mask) and s.
struct column_problem {
    csr_view out;
    std::vector<double> inv_out;
    double alpha = 0.85;
    node_id target = 0;
    bool weighted = false;
    edge_flags mask = 0;  ///< 0 = no masking
};

/// One Jacobi step y' = αT y + e_t per call, pulled row by row over the out-edges (fixed order
/// per row: the same on any thread count); returns ‖y' − y‖∞.
class column_step {
public:
    column_step(const column_problem& p, std::vector<double>& y)
        : p_(p), y_(y), next_(y.size(), 0.0) {}

    double operator()() {
        const std::size_t n = y_.size();
        const double* y = y_.data();
        double* nx = next_.data();
        double res = 0;
#pragma omp parallel for schedule(dynamic, 4096) reduction(max : res) \
    if (n > detail::parallel_threshold)
        for (std::size_t j = 0; j < n; ++j) {
            double sum = 0;
            for (edge_offset e = p_.out.offsets[j]; e < p_.out.offsets[j + 1]; ++e) {
                if (p_.mask && (p_.out.flags[e] & p_.mask)) continue;
                const double w = p_.weighted ? static_cast<double>(p_.out.weights[e]) : 1.0;
                sum += w * y[p_.out.sources[e]];
            }
            const double yj = p_.alpha * p_.inv_out[j] * sum + (j == p_.target ? 1.0 : 0.0);
            res = std::max(res, std::fabs(yj - y[j]));
            nx[j] = yj;
        }
        y_.swap(next_);  // y_ (the driver's x) now holds the new iterate
        return res;
    }
    void restart() {}

private:
    const column_problem& p_;
    std::vector<double>& y_;
    std::vector<double> next_;
};

/// v / Σv, or uniform 1/n when v is empty (pagerank()'s normalisation).
std::vector<double> distribution(const std::vector<double>& v, std::size_t n) {
    std::vector<double> out(n, 1.0 / static_cast<double>(n));
    if (v.empty()) return out;
    const double sum = std::accumulate(v.begin(), v.end(), 0.0);
    for (std::size_t i = 0; i < n; ++i) out[i] = v[i] / sum;
    return out;
}

/// s_j = (1 − α + αZ) v_j + α D u_j with D, Z of the final scores.
std::vector<double> restart_mass(const pagerank_options& o, const pagerank_result& x,
                                 std::size_t n) {
    const std::vector<double> v = distribution(o.personalization, n);
    std::vector<double> u;
    switch (o.dangling) {
        case dangling_policy::personalization: u = v; break;
        case dangling_policy::uniform: u = distribution({}, n); break;
        case dangling_policy::vector: u = distribution(o.dangling_distribution, n); break;
    }
    const double a = o.damping;
    const double to_v = 1.0 - a + a * x.evaporated_mass, to_u = a * x.dangling_mass;
    std::vector<double> s(n);
    for (std::size_t j = 0; j < n; ++j) s[j] = to_v * v[j] + to_u * u[j];
    return s;
}

/// one_hop_j = α x_j w_jt / out(j) over t's followable in-edges (parallel edges added up).
std::vector<double> one_hop_shares(const csr_graph& g, const column_problem& p,
                                   const std::vector<double>& x) {
    std::vector<double> h(x.size(), 0.0);
    const csr_view in = g.in_view();
    const node_id t = p.target;
    for (edge_offset e = in.offsets[t]; e < in.offsets[t + 1]; ++e) {
        if (p.mask && (in.flags[e] & p.mask)) continue;
        const node_id j = in.sources[e];
        const double w = p.weighted ? static_cast<double>(in.weights[e]) : 1.0;
        h[j] += p.alpha * x[j] * w * p.inv_out[j];
    }
    return h;
}

}  // namespace

contributions_result contributions(const csr_graph& g, node_id target, const pagerank_options& o) {
    if (g.num_nodes() == 0)
        throw std::invalid_argument("contributions: the graph is empty (no target to explain)");
    if (target >= g.num_nodes())
        throw std::out_of_range(fmt::format("contributions: target {} is not a node (the graph "
                                            "has {} nodes)", target, g.num_nodes()));
    return contributions(g, target, o, pagerank(g, o));
}

contributions_result contributions(const csr_graph& g, node_id target, const pagerank_options& o,
                                   pagerank_result scored) {
    const std::size_t n = g.num_nodes();
    if (n == 0)
        throw std::invalid_argument("contributions: the graph is empty (no target to explain)");
    if (target >= n)
        throw std::out_of_range(fmt::format("contributions: target {} is not a node (the graph "
                                            "has {} nodes)", target, n));
    o.validate(n);
    if (scored.scores.size() != n)
        throw std::invalid_argument(fmt::format("contributions: scored has {} scores, expected {} "
                                                "(one per node)", scored.scores.size(), n));
    contributions_result r;
    r.target = target;
    out_rows rows;
    if (g.has_out_edges()) rows.view = g.out_view();
    else transpose_in(g.in_view(), rows);
    column_problem p;
    p.out = rows.view;
    const std::vector<double> out = followable_out_weight(g, o);
    p.inv_out.resize(n);
    for (std::size_t j = 0; j < n; ++j) p.inv_out[j] = out[j] > 0 ? 1.0 / out[j] : 0.0;
    r.restart_mass = restart_mass(o, scored, n);
    p.alpha = o.damping;
    p.target = target;
    p.weighted = o.weighted && g.has_weights();
    p.mask = g.has_flags() ? o.excluded : edge_flags(0);

    r.column.assign(n, 0.0);
    r.column[target] = 1.0;
    column_step step(p, r.column);
    pagerank_result run;
    // ‖(αT)^k e_t‖∞ <= α^k: this many iterations always reach the tolerance.
    const double needed = std::ceil(std::log(o.tolerance) / std::log(o.damping)) + 1;
    const std::size_t cap = std::max<std::size_t>(o.max_iterations, static_cast<std::size_t>(
                                                      std::min(needed, 1e6)));
    detail::drive(step, r.column, {o.tolerance, cap, o.progress, false, 10}, run);
    r.iterations = run.iterations;
    r.residual = run.residual;
    r.converged = run.converged && scored.converged;

    r.all_paths.resize(n);
    for (std::size_t j = 0; j < n; ++j) r.all_paths[j] = r.restart_mass[j] * r.column[j];
    r.one_hop = one_hop_shares(g, p, scored.scores);
    r.restart = r.restart_mass[target];
    r.score = scored.scores[target];
    r.pagerank = std::move(scored);
    return r;
}

}  // namespace linkequity
