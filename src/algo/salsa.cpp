// SPDX-License-Identifier: MIT
// salsa(): the doubled hub/authority graph built as a csr_view over arrays owned here (hub
// copy j's in-edges are the authority copies of j's out-neighbours, authority copy n+k's the
// hub copies of k's in-neighbours), then pagerank() on it with the seeds as v = u.
#include "linkequity/algo/salsa.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <stdexcept>

#include "linkequity/graph/csr_view.hpp"

namespace linkequity {
namespace {

/// The arrays of the doubled graph's in-adjacency (docs/trust.md, personalised SALSA).
struct doubled_graph {
    std::vector<edge_offset> offsets;
    std::vector<node_id> sources;
    std::vector<edge_weight> weights;
    std::vector<edge_flags> flags;

    csr_view view(std::size_t n) const {
        return {2 * n, {offsets.data(), offsets.size()}, {sources.data(), sources.size()},
                {weights.data(), weights.size()}, {flags.data(), flags.size()}};
    }
};

/// Rows 0..n−1 (hub copies): g's out-rows, sources shifted to the authority copies n + k.
/// Rows n..2n−1 (authority copies): g's in-rows, sources the hub copies j. Rows stay sorted
/// by source, so every kernel of pagerank() applies. O(n + m).
doubled_graph double_graph(const csr_graph& g) {
    const std::size_t n = g.num_nodes(), m = g.num_edges();
    const auto out_off = g.out_offsets(), in_off = g.in_offsets();
    doubled_graph d;
    d.offsets.resize(2 * n + 1);
    for (std::size_t i = 0; i <= n; ++i) d.offsets[i] = out_off[i];
    for (std::size_t k = 1; k <= n; ++k) d.offsets[n + k] = m + in_off[k];
    d.sources.resize(2 * m);
    const auto targets = g.out_targets(), sources = g.in_sources();
    const auto shift = static_cast<node_id>(n);
    for (std::size_t e = 0; e < m; ++e) d.sources[e] = targets[e] + shift;
    std::copy(sources.begin(), sources.end(), d.sources.begin() + static_cast<std::ptrdiff_t>(m));
    if (g.has_weights()) {
        d.weights.assign(g.out_weight_array().begin(), g.out_weight_array().end());
        d.weights.insert(d.weights.end(), g.in_weight_array().begin(), g.in_weight_array().end());
    }
    if (g.has_flags()) {
        d.flags.assign(g.out_flag_array().begin(), g.out_flag_array().end());
        d.flags.insert(d.flags.end(), g.in_flag_array().begin(), g.in_flag_array().end());
    }
    return d;
}

}  // namespace

void salsa_options::validate() const {
    check_fields(*this, "salsa");
    const pagerank_options& o = pagerank;
    if (!o.personalization.empty() || !o.dangling_distribution.empty() || !o.start.empty() ||
        o.dangling != dangling_policy::personalization)
        throw std::invalid_argument(
            "salsa: personalization, dangling, dangling_distribution and start come from the "
            "seeds; leave them at their defaults");
}

salsa_result salsa(const csr_graph& g, const seed_set& seeds, const salsa_options& options) {
    options.validate();
    const std::size_t n = g.num_nodes();
    const std::vector<double> v = seeds.distribution(n, "salsa");
    if (!g.has_out_edges())
        throw std::invalid_argument(
            "salsa: the graph is lean (no out-adjacency to walk backwards over); build it "
            "without build_options::lean");
    if (n > std::numeric_limits<node_id>::max() / 2)
        throw std::invalid_argument(fmt::format(
            "salsa: {} nodes, expected at most {} (the doubled graph has 2n node ids)", n,
            std::numeric_limits<node_id>::max() / 2));
    const auto t0 = std::chrono::steady_clock::now();
    const doubled_graph d = double_graph(g);
    pagerank_options o = options.pagerank;
    o.personalization.assign(2 * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        o.personalization[i] = options.hub_share * v[i];
        o.personalization[n + i] = (1 - options.hub_share) * v[i];
    }
    const auto t1 = std::chrono::steady_clock::now();
    pagerank_result r = pagerank(d.view(n), o);
    salsa_result s;
    s.hubs.assign(r.scores.begin(), r.scores.begin() + static_cast<std::ptrdiff_t>(n));
    s.authorities.assign(r.scores.begin() + static_cast<std::ptrdiff_t>(n), r.scores.end());
    s.iterations = r.iterations;
    s.residual = r.residual;
    s.converged = r.converged;
    s.cancelled = r.cancelled;
    s.history = std::move(r.history);
    s.seconds = r.seconds;
    s.setup_seconds = r.setup_seconds + std::chrono::duration<double>(t1 - t0).count();
    return s;
}

}  // namespace linkequity
