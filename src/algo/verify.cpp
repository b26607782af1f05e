// SPDX-License-Identifier: MIT
// The push-direction verifier: shares no code with the pull kernel on purpose.
#include "linkequity/algo/verify.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace linkequity {

double pagerank_residual(const csr_graph& g, const std::vector<double>& x,
                         const pagerank_options& o) {
    const std::size_t n = g.num_nodes();
    o.validate(n);
    if (x.size() != n)
        throw std::invalid_argument(fmt::format(
            "pagerank_residual: scores has {} entries, expected {}", x.size(), n));
    if (n == 0) return 0;
    if (g.is_lean())
        throw std::invalid_argument(
            "pagerank_residual: the graph is lean (no out-adjacency to push along)");
    const bool weighted = o.weighted && g.has_weights();
    const bool evaporate = o.excluded_links == excluded_link_mode::evaporate;
    auto norm = [n](const std::vector<double>& v) {
        std::vector<double> r(n, 1.0 / static_cast<double>(n));
        if (!v.empty()) {
            const double s = std::accumulate(v.begin(), v.end(), 0.0);
            for (std::size_t i = 0; i < n; ++i) r[i] = v[i] / s;
        }
        return r;
    };
    const std::vector<double> v = norm(o.personalization);
    const std::vector<double> u = o.dangling == dangling_policy::vector ? norm(o.dangling_distribution)
                                  : o.dangling == dangling_policy::uniform ? norm({})
                                                                           : v;
    std::vector<double> y(n, 0.0);
    double lost = 0;  // mass of dangling nodes and evaporated links
    double lost_to_v = 0;
    for (node_id j = 0; j < n; ++j) {
        const auto targets = g.out_neighbors(j);
        const auto fl = g.out_flags(j);
        const auto wt = g.out_weights(j);
        double total = 0, followable = 0;
        for (std::size_t k = 0; k < targets.size(); ++k) {
            const double w = weighted ? wt[k] : 1.0;
            const bool excluded = !fl.empty() && (fl[k] & o.excluded);
            if (!excluded) followable += w;
            if (!excluded || evaporate) total += w;
        }
        if (total == 0) {
            lost += x[j];
            continue;
        }
        for (std::size_t k = 0; k < targets.size(); ++k) {
            const bool excluded = !fl.empty() && (fl[k] & o.excluded);
            if (!excluded) y[targets[k]] += o.damping * x[j] * (weighted ? wt[k] : 1.0) / total;
        }
        lost_to_v += x[j] * (total - followable) / total;
    }
    double r = 0;
    for (std::size_t i = 0; i < n; ++i) {
        y[i] += o.damping * lost * u[i] + (o.damping * lost_to_v + 1 - o.damping) * v[i];
        r += std::fabs(y[i] - x[i]);
    }
    return r;
}

pagerank_check verify_pagerank(const csr_graph& g, const std::vector<double>& x,
                               const pagerank_options& o, double limit) {
    pagerank_check c;
    c.residual = pagerank_residual(g, x, o);
    c.sum = std::accumulate(x.begin(), x.end(), 0.0);
    c.min_score = x.empty() ? 0 : *std::min_element(x.begin(), x.end());
    c.ok = c.residual <= limit && (x.empty() || std::fabs(c.sum - 1) <= 1e-9) && c.min_score >= 0;
    c.message = fmt::format("{}: push-step residual {:.3e} (limit {:.1e}), sum {:.12f}, min {:.3e}",
                            c.ok ? "verified" : "FAILED", c.residual, limit, c.sum, c.min_score);
    return c;
}

}  // namespace linkequity
