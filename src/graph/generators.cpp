// SPDX-License-Identifier: MIT
// Kronecker and Erdős–Rényi generators; blocks of 2^16 edges, one random stream each.
#include "linkequity/graph/generators.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numeric>
#include <stdexcept>

#include "linkequity/detail/parallel.hpp"

namespace linkequity {
namespace {

constexpr std::size_t block_edges = 1u << 16;

template <class Draw>
void fill_blocks(edge_list& el, std::size_t m, std::uint64_t seed, Draw&& draw) {
    el.src.resize(m);
    el.dst.resize(m);
    const std::size_t blocks = (m + block_edges - 1) / block_edges;
#pragma omp parallel for schedule(dynamic, 1) if (blocks > 1)
    for (std::size_t b = 0; b < blocks; ++b) {
        detail::splitmix64 rng = detail::stream(seed, b);
        const std::size_t end = std::min(m, (b + 1) * block_edges);
        for (std::size_t e = b * block_edges; e < end; ++e) draw(rng, el.src[e], el.dst[e]);
    }
}

}  // namespace

void kronecker_options::validate() const {
    if (scale < 1 || scale > 32)
        throw std::invalid_argument(
            fmt::format("kronecker: scale must be in [1, 32], got {}", scale));
    if (!(edge_factor >= 0) || !std::isfinite(edge_factor))
        throw std::invalid_argument(
            fmt::format("kronecker: edge_factor must be >= 0, got {}", edge_factor));
    for (double p : {a, b, c})
        if (!(p >= 0 && p <= 1))
            throw std::invalid_argument(fmt::format(
                "kronecker: probabilities a, b, c must be in [0, 1], got a={} b={} c={}", a, b,
                c));
    if (a + b + c > 1 + 1e-12)
        throw std::invalid_argument(
            fmt::format("kronecker: a + b + c must be <= 1, got {}", a + b + c));
}

edge_list kronecker_edges(const kronecker_options& o) {
    o.validate();
    edge_list el;
    el.num_nodes = std::size_t{1} << o.scale;
    const auto m = static_cast<std::size_t>(o.edge_factor * static_cast<double>(el.num_nodes));
    // Quadrant thresholds as 32-bit fixed point: two levels per 64-bit draw.
    const double scale32 = 4294967296.0;
    const auto ta = static_cast<std::uint64_t>(o.a * scale32);
    const auto tab = static_cast<std::uint64_t>((o.a + o.b) * scale32);
    const auto tabc = static_cast<std::uint64_t>((o.a + o.b + o.c) * scale32);
    const unsigned levels = o.scale;
    fill_blocks(el, m, o.seed, [&](detail::splitmix64& rng, node_id& s, node_id& d) {
        std::uint64_t u = 0, v = 0, bits = 0;
        for (unsigned level = 0; level < levels; ++level) {
            if ((level & 1u) == 0) bits = rng.next();
            const std::uint64_t r = (level & 1u) ? (bits >> 32) : (bits & 0xFFFFFFFFull);
            const std::uint64_t row = r >= tab ? 1 : 0;
            const std::uint64_t col = (r >= ta && r < tab) || r >= tabc ? 1 : 0;
            u = (u << 1) | row;
            v = (v << 1) | col;
        }
        s = static_cast<node_id>(u);
        d = static_cast<node_id>(v);
    });
    if (o.permute) {
        std::vector<node_id> perm(el.num_nodes);
        std::iota(perm.begin(), perm.end(), node_id{0});
        detail::splitmix64 rng = detail::stream(o.seed, ~std::uint64_t{0});
        for (std::size_t i = perm.size() - 1; i > 0; --i) std::swap(perm[i], perm[rng.below(i + 1)]);
#pragma omp parallel for if (m > detail::parallel_threshold)
        for (std::size_t e = 0; e < m; ++e) {
            el.src[e] = perm[el.src[e]];
            el.dst[e] = perm[el.dst[e]];
        }
    }
    if (o.symmetrize) {
        el.src.resize(2 * m);
        el.dst.resize(2 * m);
#pragma omp parallel for if (m > detail::parallel_threshold)
        for (std::size_t e = 0; e < m; ++e) {
            el.src[m + e] = el.dst[e];
            el.dst[m + e] = el.src[e];
        }
    }
    return el;
}

edge_list erdos_renyi_edges(std::size_t n, std::size_t m, std::uint64_t seed) {
    if (n > max_nodes)
        throw std::invalid_argument(
            fmt::format("erdos_renyi: num_nodes is {}, at most {} fit 32-bit ids", n, max_nodes));
    if (n == 0 && m > 0)
        throw std::invalid_argument(
            fmt::format("erdos_renyi: num_edges is {} but num_nodes is 0", m));
    edge_list el;
    el.num_nodes = n;
    fill_blocks(el, m, seed, [n](detail::splitmix64& rng, node_id& s, node_id& d) {
        s = static_cast<node_id>(rng.below(n));
        d = static_cast<node_id>(rng.below(n));
    });
    return el;
}

}  // namespace linkequity
