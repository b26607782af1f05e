// SPDX-License-Identifier: MIT
// trustrank() and anti_trustrank(): the seeds checked and normalised into v, the options checked
// for conflicts with it, then pagerank() on the graph (or on its reversal) with u = v.
#include "linkequity/algo/trustrank.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace linkequity {
namespace {

/// `o` with v and u set from the seeds; rejects options that would set them otherwise.
pagerank_options seeded(const pagerank_options& o, const seed_set& seeds, std::size_t n,
                        const char* who) {
    if (!o.personalization.empty())
        throw std::invalid_argument(fmt::format(
            "{}: personalization is given, expected none (the seeds define it)", who));
    if (o.dangling != dangling_policy::personalization || !o.dangling_distribution.empty())
        throw std::invalid_argument(fmt::format(
            "{}: dangling must stay personalization (dangling score goes to the seeds), got {}",
            who, to_string(o.dangling)));
    pagerank_options s = o;
    s.personalization = seeds.distribution(n, who);
    return s;
}

}  // namespace

std::vector<double> seed_set::distribution(std::size_t n, const char* who) const {
    return distribution(n, who, 0, n);
}

std::vector<double> seed_set::distribution(std::size_t n, const char* who, std::uint64_t first,
                                           std::uint64_t last) const {
    if (first > last || last > n)
        throw std::invalid_argument(fmt::format(
            "{}: slice [{}, {}) of a distribution over {} nodes", who, first, last, n));
    if (nodes.empty())
        throw std::invalid_argument(fmt::format("{}: no seeds, expected at least one node", who));
    if (!weights.empty() && weights.size() != nodes.size())
        throw std::invalid_argument(fmt::format(
            "{}: {} seed weights for {} seeds, expected one per seed (or none)", who,
            weights.size(), nodes.size()));
    std::vector<double> v(last - first, 0.0);
    std::vector<node_id> sorted(nodes);
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i + 1 < sorted.size(); ++i)
        if (sorted[i] == sorted[i + 1])
            throw std::invalid_argument(
                fmt::format("{}: seed {} is listed twice, expected each node once", who,
                            sorted[i]));
    double sum = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i] >= n)
            throw std::out_of_range(fmt::format(
                "{}: seed {} is not a node (the graph has {} nodes)", who, nodes[i], n));
        const double w = weights.empty() ? 1.0 : weights[i];
        if (!(std::isfinite(w) && w >= 0))
            throw std::invalid_argument(fmt::format(
                "{}: the weight of seed {} is {}, expected a finite number >= 0", who, nodes[i],
                w));
        if (nodes[i] >= first && nodes[i] < last) v[nodes[i] - first] = w;
        sum += w;
    }
    if (!(sum > 0))
        throw std::invalid_argument(
            fmt::format("{}: seed weights sum to {}, expected a positive sum", who, sum));
    for (double& x : v) x /= sum;
    return v;
}

pagerank_result trustrank(const csr_graph& g, const seed_set& seeds,
                          const pagerank_options& options) {
    return pagerank(g, seeded(options, seeds, g.num_nodes(), "trustrank"));
}

pagerank_result anti_trustrank(const csr_graph& g, const seed_set& seeds,
                               const pagerank_options& options) {
    const pagerank_options o = seeded(options, seeds, g.num_nodes(), "anti_trustrank");
    if (!g.has_out_edges())
        throw std::invalid_argument(
            "anti_trustrank: the graph is lean (no out-adjacency to reverse); build it without "
            "build_options::lean");
    return pagerank(g.out_view(), o);
}

}  // namespace linkequity
