// SPDX-License-Identifier: MIT
// Independent oracles for the tests: a dense PageRank solve with Eigen straight from an edge list
// (sharing no code with graph_builder or the kernel), small random graphs, and comparisons.
#pragma once

#include <Eigen/Dense>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <utility>
#include <vector>

#include "linkequity/linkequity.hpp"

namespace oracle {

struct dense_case {
    std::size_t n = 0;
    std::vector<std::uint32_t> src, dst;
    std::vector<linkequity::edge_flags> flags;  // empty = none
    std::vector<float> weights;                 // empty = unweighted
    bool keep_self_loops = false;
    double damping = 0.85;
    std::vector<double> personalization;  // empty = uniform
    std::vector<double> dangling;         // empty = like personalization
    bool evaporate = false;
};

inline std::vector<double> normalise_or_uniform(const std::vector<double>& v, std::size_t n) {
    std::vector<double> r(n, 1.0 / static_cast<double>(n));
    if (v.empty()) return r;
    double s = 0;
    for (double x : v) s += x;
    for (std::size_t i = 0; i < n; ++i) r[i] = v[i] / s;
    return r;
}

/// Solves x = α Sᵀ x + (1−α) v directly, S the row-stochastic matrix docs/scores.md defines:
/// parallel edges merged (flags AND-ed, weights summed), self-loops dropped unless kept,
/// excluded edges removed (exclude) or counted in out(j) with their share sent to v (evaporate),
/// dangling rows replaced by u.
inline std::vector<double> dense_pagerank(const dense_case& c) {
    const std::size_t n = c.n;
    struct merged {
        float w = 0;  // summed in float, as graph_builder stores merged weights
        unsigned follow_and = 0xFF, all_or = 0;
        bool followable = false;
        unsigned flags() const { return followable ? follow_and : all_or; }
    };
    std::map<std::pair<std::uint32_t, std::uint32_t>, merged> edges;
    for (std::size_t e = 0; e < c.src.size(); ++e) {
        if (c.src[e] == c.dst[e] && !c.keep_self_loops) continue;
        auto& m = edges[{c.src[e], c.dst[e]}];
        m.w += c.weights.empty() ? 1.0 : c.weights[e];
        const unsigned f = c.flags.empty() ? 0u : c.flags[e];
        if (!(f & linkequity::flags::default_excluded)) m.follow_and &= f, m.followable = true;
        m.all_or |= f;
    }
    if (c.weights.empty())
        for (auto& kv : edges) kv.second.w = 1.0;  // unweighted: a merged edge counts once
    const auto v = normalise_or_uniform(c.personalization, n);
    const auto u = c.dangling.empty() ? v : normalise_or_uniform(c.dangling, n);
    std::vector<double> out(n, 0.0), all(n, 0.0);
    for (const auto& [key, m] : edges) {
        all[key.first] += m.w;
        if (!(m.flags() & linkequity::flags::default_excluded)) out[key.first] += m.w;
    }
    Eigen::MatrixXd S = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    for (const auto& [key, m] : edges) {
        const double denom = c.evaporate ? all[key.first] : out[key.first];
        if (!(m.flags() & linkequity::flags::default_excluded) && denom > 0)
            S(key.first, key.second) += m.w / denom;
    }
    for (std::size_t j = 0; j < n; ++j) {
        const double denom = c.evaporate ? all[j] : out[j];
        if (denom == 0) {
            for (std::size_t i = 0; i < n; ++i) S(j, i) += u[i];
        } else if (c.evaporate) {
            const double lost = (all[j] - out[j]) / all[j];
            for (std::size_t i = 0; i < n; ++i) S(j, i) += lost * v[i];
        }
    }
    Eigen::MatrixXd A = Eigen::MatrixXd::Identity(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n)) -
                        c.damping * S.transpose();
    Eigen::VectorXd b(static_cast<Eigen::Index>(n));
    for (std::size_t i = 0; i < n; ++i) b(i) = (1 - c.damping) * v[i];
    Eigen::VectorXd x = A.fullPivLu().solve(b);
    return {x.data(), x.data() + n};
}

/// The library's graph of a case, with the same self-loop rule the oracle uses (what the
/// tests compare against the dense solve). `lean` builds the in-adjacency only.
inline linkequity::csr_graph graph_of(const dense_case& c, bool lean = false) {
    linkequity::build_options b;
    b.self_loops = c.keep_self_loops ? linkequity::self_loop_policy::keep
                                     : linkequity::self_loop_policy::drop;
    b.lean = lean;
    return linkequity::build_graph(c.n, c.src, c.dst, c.flags, c.weights, b);
}

/// The pagerank_options of a case (damping, personalisation, dangling distribution, excluded
/// link mode) at a tight tolerance: what dense_pagerank(c) solves exactly.
inline linkequity::pagerank_options options_of(const dense_case& c, double tolerance = 1e-14,
                                               std::size_t max_iterations = 10000) {
    linkequity::pagerank_options o;
    o.tolerance = tolerance;
    o.max_iterations = max_iterations;
    o.damping = c.damping;
    o.personalization = c.personalization;
    if (!c.dangling.empty()) {
        o.dangling = linkequity::dangling_policy::vector;
        o.dangling_distribution = c.dangling;
    }
    o.excluded_links = c.evaporate ? linkequity::excluded_link_mode::evaporate
                                   : linkequity::excluded_link_mode::exclude;
    return o;
}

inline double l1(const std::vector<double>& a, const std::vector<double>& b) {
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i) s += std::fabs(a[i] - b[i]);
    return s;
}

inline double sum(const std::vector<double>& a) {
    double s = 0;
    for (double x : a) s += x;
    return s;
}

/// A random graph with sinks, isolated nodes, self-loops and parallel edges.
inline dense_case random_case(std::mt19937_64& rng, std::size_t max_nodes) {
    dense_case c;
    c.n = 1 + rng() % max_nodes;
    const std::size_t m = rng() % (4 * c.n + 1);
    const std::size_t sinks = rng() % (c.n / 4 + 1);  // nodes >= n - sinks get no out-edges
    for (std::size_t e = 0; e < m; ++e) {
        std::uint32_t s = static_cast<std::uint32_t>(rng() % c.n);
        if (s >= c.n - sinks && c.n > sinks) s = static_cast<std::uint32_t>(rng() % (c.n - sinks));
        c.src.push_back(s);
        c.dst.push_back(static_cast<std::uint32_t>(rng() % c.n));
    }
    return c;
}

/// pagerank_options at the tolerance the oracle tests compare at (1e-14, up to 10,000 sweeps).
inline linkequity::pagerank_options tight() {
    linkequity::pagerank_options o;
    o.tolerance = 1e-14;
    o.max_iterations = 10000;
    return o;
}

/// random_case(rng, max_nodes) varied by the case number t over the kinds the kernel has:
/// self-loops kept (t & 1), weights (t & 2), a personalisation with zeros (t & 4), a dangling
/// distribution on two nodes (t % 5 == 0), nofollow and internal flags in exclude or evaporate
/// mode (t % 3 == 0; evaporate when t is even too), damping 0.5 (t % 4 == 0) or 0.85.
inline dense_case varied_case(std::mt19937_64& rng, std::size_t max_nodes, int t) {
    dense_case c = random_case(rng, max_nodes);
    const int variant = t % 8;
    c.keep_self_loops = variant & 1;
    if (variant & 2) {
        std::uniform_real_distribution<float> w(0.0f, 3.0f);
        for (std::size_t e = 0; e < c.src.size(); ++e) c.weights.push_back(w(rng));
    }
    if (variant & 4) {
        c.personalization.assign(c.n, 0.0);
        for (auto& p : c.personalization) p = (rng() % 3 == 0) ? 0.0 : double(rng() % 100);
        c.personalization[rng() % c.n] += 1.0;
    }
    if (t % 5 == 0) {
        c.dangling.assign(c.n, 0.0);
        c.dangling[rng() % c.n] = 1.0;
        c.dangling[rng() % c.n] += 2.0;
    }
    if (t % 3 == 0) {
        for (std::size_t e = 0; e < c.src.size(); ++e)
            c.flags.push_back(static_cast<linkequity::edge_flags>(
                rng() % 5 == 0 ? linkequity::flags::nofollow
                : rng() % 7 == 0 ? linkequity::flags::internal : 0));
        c.evaporate = (t % 2 == 0);
    }
    c.damping = t % 4 == 0 ? 0.5 : 0.85;
    return c;
}

}  // namespace oracle
