// SPDX-License-Identifier: MIT
// Oracle for contributions(): the dense followable transition matrix T of an edge list (parallel
// edges merged as graph_builder merges them, excluded edges dropped or evaporating) and
// c_j = s_j N_jt with N = (I − αT)⁻¹ and s from the dense PageRank's D and Z (oracle.hpp).
#pragma once

#include <map>
#include <utility>
#include <vector>

#include "oracle.hpp"

namespace oracle {

/// The dense followable transition matrix T (T_jk = w_jk / out(j)), and out(j) = 0 marks.
struct dense_t {
    Eigen::MatrixXd T;
    std::vector<double> evaporating;  // share of out(j) that evaporates
    std::vector<bool> dangling;
};

inline dense_t dense_transition(const dense_case& c) {
    const auto n = static_cast<Eigen::Index>(c.n);
    struct merged {
        float w = 0;
        bool followable = false;
    };
    std::map<std::pair<std::uint32_t, std::uint32_t>, merged> edges;
    for (std::size_t e = 0; e < c.src.size(); ++e) {
        if (c.src[e] == c.dst[e] && !c.keep_self_loops) continue;
        auto& m = edges[{c.src[e], c.dst[e]}];
        m.w += c.weights.empty() ? 1.0f : c.weights[e];  // in float, as graph_builder merges
        const unsigned f = c.flags.empty() ? 0u : c.flags[e];
        if (!(f & linkequity::flags::default_excluded)) m.followable = true;
    }
    if (c.weights.empty())
        for (auto& kv : edges) kv.second.w = 1.0;
    std::vector<double> out(c.n, 0.0), all(c.n, 0.0);
    for (const auto& [key, m] : edges) {
        all[key.first] += m.w;
        if (m.followable) out[key.first] += m.w;
    }
    dense_t d{Eigen::MatrixXd::Zero(n, n), std::vector<double>(c.n, 0.0),
              std::vector<bool>(c.n, false)};
    for (const auto& [key, m] : edges) {
        const double denom = c.evaporate ? all[key.first] : out[key.first];
        if (m.followable) d.T(key.first, key.second) += m.w / denom;
    }
    for (std::size_t j = 0; j < c.n; ++j) {
        const double denom = c.evaporate ? all[j] : out[j];
        d.dangling[j] = denom == 0;
        if (denom > 0) d.evaporating[j] = (denom - out[j]) / denom;
    }
    return d;
}

/// c_j = s_j N_jt from the dense solves.
inline std::vector<double> dense_contributions(const dense_case& c, std::uint32_t t) {
    const auto x = dense_pagerank(c);
    const dense_t d = dense_transition(c);
    double D = 0, Z = 0;
    for (std::size_t j = 0; j < c.n; ++j) {
        if (d.dangling[j]) D += x[j];
        Z += x[j] * d.evaporating[j];
    }
    const auto v = normalise_or_uniform(c.personalization, c.n);
    const auto u = c.dangling.empty() ? v : normalise_or_uniform(c.dangling, c.n);
    const auto n = static_cast<Eigen::Index>(c.n);
    const Eigen::MatrixXd A = Eigen::MatrixXd::Identity(n, n) - c.damping * d.T;
    Eigen::VectorXd e = Eigen::VectorXd::Zero(n);
    e(t) = 1;
    const Eigen::VectorXd col = A.fullPivLu().solve(e);
    std::vector<double> out(c.n);
    const double a = c.damping;
    for (std::size_t j = 0; j < c.n; ++j)
        out[j] = ((1 - a + a * Z) * v[j] + a * D * u[j]) * col(static_cast<Eigen::Index>(j));
    return out;
}

}  // namespace oracle
