// SPDX-License-Identifier: MIT
#include "mass_aggregates.hpp"

#include <boost/pending/disjoint_sets.hpp>

#include <numeric>

namespace linkequity::detail {
namespace {

double at(const std::vector<double>& dist, std::size_t i, std::size_t n) {
    return dist.empty() ? 1.0 / static_cast<double>(n) : dist[i];
}

}  // namespace

mass_aggregates::mass_aggregates(const aggregation_input& in) : in_(in) {
    const std::size_t n = in.n;
    // Weakly connected components over the followable edges (Boost's union by rank with path
    // compression; every node starts as its own set: parent i, rank 0).
    std::vector<node_id> parent(n), rank(n, 0);
    std::iota(parent.begin(), parent.end(), node_id{0});
    boost::disjoint_sets<node_id*, node_id*> sets(rank.data(), parent.data());
    for (std::size_t i = 0; i < n; ++i) {
        for (edge_offset e = in.offsets[i]; e < in.offsets[i + 1]; ++e) {
            if (in.flags && (in.flags[e] & in.mask)) continue;
            sets.union_set(static_cast<node_id>(i), in.sources[e]);
        }
    }
    for (std::size_t i = 0; i < n; ++i) parent[i] = sets.find_set(static_cast<node_id>(i));
    rank = {};
    classify(parent);
}

mass_aggregates::mass_aggregates(const aggregation_input& in, parallel_components_t) : in_(in) {
    classify(components_in_parallel());
}

void mass_aggregates::classify(const std::vector<node_id>& parent) {
    const aggregation_input& in = in_;
    const std::size_t n = in.n;
    // Classify each component by its nodes: all dangling, none dangling or evaporating, or mixed.
    enum : unsigned char { has_dangling = 1, has_live = 2, has_evaporating = 4 };
    std::vector<unsigned char> kind(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const node_id r = parent[i];
        kind[r] |= in.inv_out[i] == 0.0 ? has_dangling : has_live;
        if (in.evaporated && in.evaporated[i] > 0.0) kind[r] |= has_evaporating;
    }
    // Aggregate ids: 0 for all mixed components together, then one per pure/all-dangling root.
    of_.resize(n);
    std::vector<node_id> id_of_root(n, 0);
    node_id next = 1;
    for (std::size_t i = 0; i < n; ++i) {
        if (parent[i] != i) continue;
        const bool pure = kind[i] == has_live;
        const bool all_dangling = (kind[i] & ~has_evaporating) == has_dangling;
        if (pure || all_dangling) id_of_root[i] = next++;
    }
    for (std::size_t i = 0; i < n; ++i) of_[i] = id_of_root[parent[i]];
    v_mass_.assign(next, 0.0);
    u_mass_.assign(next, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        v_mass_[of_[i]] += at(*in.v, i, n);
        u_mass_[of_[i]] += at(*in.u, i, n);
    }
    mass_.resize(next);
    dangling_.resize(next);
    evaporated_.resize(next);
    factor_.resize(next);
}

void mass_aggregates::correct(std::vector<double>& x) {
    const std::size_t k = count();
    const double alpha = in_.alpha;
    std::fill(mass_.begin(), mass_.end(), 0.0);
    std::fill(dangling_.begin(), dangling_.end(), 0.0);
    std::fill(evaporated_.begin(), evaporated_.end(), 0.0);
    for (std::size_t i = 0; i < in_.n; ++i) {
        const node_id a = of_[i];
        mass_[a] += x[i];
        if (in_.inv_out[i] == 0.0) dangling_[a] += x[i];
        if (in_.evaporated) evaporated_[a] += x[i] * in_.evaporated[i];
    }
    // Σ δ v / s, Σ δ u / s, Σ ζ v / s, Σ ζ u / s over the aggregates holding mass; factor_ keeps s.
    double dv = 0, du = 0, zv = 0, zu = 0;
    for (std::size_t a = 0; a < k; ++a) {
        if (!(mass_[a] > 0)) continue;
        const double delta = dangling_[a] / mass_[a], zeta = evaporated_[a] / mass_[a];
        const double s = 1.0 - alpha * (1.0 - delta - zeta);
        factor_[a] = s;
        dv += delta * v_mass_[a] / s;
        du += delta * u_mass_[a] / s;
        zv += zeta * v_mass_[a] / s;
        zu += zeta * u_mass_[a] / s;
    }
    double D = 0, Z = 0;
    fixed_point_masses(alpha, dv, du, zv, zu, D, Z);
    for (std::size_t a = 0; a < k; ++a) {
        if (!(mass_[a] > 0)) {
            factor_[a] = 1.0;
            continue;
        }
        const double target = ((1.0 - alpha + alpha * Z) * v_mass_[a] + alpha * D * u_mass_[a]) /
                              factor_[a];
        factor_[a] = target / mass_[a];
    }
    for (std::size_t i = 0; i < in_.n; ++i) x[i] *= factor_[of_[i]];
}

}  // namespace linkequity::detail
