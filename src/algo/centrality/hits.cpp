// SPDX-License-Identifier: MIT
// hits(): the power iteration of linkequity/algo/hits.hpp as a step functor on the shared
// driver (src/algo/pagerank/driver.hpp): one pull over the in-edges (a = Aᵀh), one over the
// out-edges (h = A a), max-normalisation, and the L1 change of h in a fixed order.
#include "linkequity/algo/hits.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "../pagerank/driver.hpp"
#include "adjacency.hpp"
#include "linkequity/detail/stopwatch.hpp"

namespace linkequity {
namespace {

/// y_i = Σ_{e in row i, followable} w_e x[ids[e]], parallel over rows; returns max_i y_i.
double pull(const detail::adjacency& adj, const std::vector<double>& x, std::vector<double>& y) {
    const std::size_t n = y.size();
    double top = 0;
#pragma omp parallel for schedule(dynamic, 1024) reduction(max : top) \
    if (n > detail::parallel_threshold)
    for (std::ptrdiff_t i = 0; i < static_cast<std::ptrdiff_t>(n); ++i) {
        double s = 0;
        for (edge_offset e = adj.offsets[i]; e < adj.offsets[i + 1]; ++e)
            if (adj.followable(e)) s += adj.weight(e) * x[adj.ids[e]];
        y[static_cast<std::size_t>(i)] = s;
        top = std::max(top, s);
    }
    return top;
}

void scale(std::vector<double>& x, double factor) {
    const std::size_t n = x.size();
#pragma omp parallel for schedule(static) if (n > detail::parallel_threshold)
    for (std::ptrdiff_t i = 0; i < static_cast<std::ptrdiff_t>(n); ++i)
        x[static_cast<std::size_t>(i)] *= factor;
}

/// One HITS iteration: a = Aᵀh, h' = A a, each divided by its maximum; returns ‖h' − h‖₁.
struct hits_step {
    detail::adjacency in, out;
    std::vector<double>& h;
    std::vector<double>& a;
    std::vector<double> next;

    double operator()() {
        const double amax = pull(in, h, a);
        const double hmax = pull(out, a, next);
        // Both are positive: the caller checked for an edge of positive weight, and h stays
        // positive on every node with such an out-edge.
        scale(a, 1.0 / amax);
        scale(next, 1.0 / hmax);
        const double change = detail::fixed_order_sum(
            h.size(), [&](std::size_t i) { return std::abs(next[i] - h[i]); });
        h.swap(next);
        return change;
    }
    void restart() {}
};

void normalise_sum(std::vector<double>& x) {
    const double s = detail::fixed_order_sum(x.size(), [&](std::size_t i) { return x[i]; });
    scale(x, 1.0 / s);
}

bool has_positive_edge(const detail::adjacency& adj, std::size_t m) {
    for (edge_offset e = 0; e < m; ++e)
        if (adj.followable(e) && adj.weight(e) > 0) return true;
    return false;
}

}  // namespace

hits_result hits(const csr_graph& g, const hits_options& o) {
    o.validate();
    if (g.is_lean())
        throw std::invalid_argument("hits: a lean graph has no out-adjacency (build the graph "
                                    "without build_options::lean)");
    const detail::stopwatch t0;
    hits_result r;
    const std::size_t n = g.num_nodes();
    r.converged = true;
    if (n == 0) return r;
    const bool weighted = o.weighted && g.has_weights();
    const edge_flags mask = g.has_flags() ? o.excluded : edge_flags(0);
    const detail::adjacency in{g.in_offsets(), g.in_sources(),
                               weighted ? g.in_weight_array() : span<const edge_weight>{},
                               g.in_flag_array(), mask};
    const detail::adjacency out{g.out_offsets(), g.out_targets(),
                                weighted ? g.out_weight_array() : span<const edge_weight>{},
                                g.out_flag_array(), mask};
    r.hubs.assign(n, 1.0 / static_cast<double>(n));
    r.authorities.assign(n, 1.0 / static_cast<double>(n));
    if (!has_positive_edge(in, g.num_edges())) return r;  // A = 0: uniform (documented)

    r.converged = false;
    hits_step step{in, out, r.hubs, r.authorities, std::vector<double>(n)};
    detail::drive_options d;
    d.tolerance = o.tolerance;
    d.max_iterations = o.max_iterations;
    d.progress = o.progress;
    pagerank_result run;  // the driver's bookkeeping (iterations, residuals, cancel)
    detail::drive(step, r.hubs, d, run);
    r.iterations = run.iterations;
    r.residual = run.residual;
    r.converged = run.converged;
    r.cancelled = run.cancelled;
    r.history = std::move(run.history);
    normalise_sum(r.hubs);
    normalise_sum(r.authorities);
    r.seconds = t0.seconds();
    return r;
}

}  // namespace linkequity
