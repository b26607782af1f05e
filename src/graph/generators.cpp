// SPDX-License-Identifier: MIT
// Kronecker and Erdős–Rényi generators as edge streams: blocks of 2^16 draws, one random stream
// per block, so any block can be (re)generated alone and in parallel.
#include "linkequity/graph/generators.hpp"

#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "linkequity/detail/parallel.hpp"

namespace linkequity {
namespace {

constexpr std::size_t block_draws = 1u << 16;

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

edge_stream kronecker_stream(const kronecker_options& o) {
    o.validate();
    const std::size_t n = std::size_t{1} << o.scale;
    const auto draws = static_cast<std::size_t>(o.edge_factor * static_cast<double>(n));
    // Quadrant thresholds as 32-bit fixed point: two levels per 64-bit draw.
    const double scale32 = 4294967296.0;
    const auto ta = static_cast<std::uint64_t>(o.a * scale32);
    const auto tab = static_cast<std::uint64_t>((o.a + o.b) * scale32);
    const auto tabc = static_cast<std::uint64_t>((o.a + o.b + o.c) * scale32);
    std::shared_ptr<const std::vector<node_id>> perm;
    if (o.permute) {
        auto p = std::make_shared<std::vector<node_id>>(n);
        std::iota(p->begin(), p->end(), node_id{0});
        detail::splitmix64 rng = detail::stream(o.seed, ~std::uint64_t{0});
        for (std::size_t i = n - 1; i > 0; --i) std::swap((*p)[i], (*p)[rng.below(i + 1)]);
        perm = std::move(p);
    }
    const std::size_t per_draw = o.symmetrize ? 2 : 1;
    edge_stream s;
    s.num_nodes = n;
    s.num_edges = draws * per_draw;
    s.block_size = block_draws * per_draw;
    s.fill = [=, levels = o.scale, seed = o.seed](std::size_t b, node_id* src, node_id* dst) {
        detail::splitmix64 rng = detail::stream(seed, b);
        const std::size_t count = std::min(block_draws, draws - b * block_draws);
        for (std::size_t e = 0; e < count; ++e) {
            std::uint64_t u = 0, v = 0, bits = 0;
            for (unsigned level = 0; level < levels; ++level) {
                if ((level & 1u) == 0) bits = rng.next();
                const std::uint64_t r = (level & 1u) ? (bits >> 32) : (bits & 0xFFFFFFFFull);
                u = (u << 1) | (r >= tab ? 1 : 0);
                v = (v << 1) | ((r >= ta && r < tab) || r >= tabc ? 1 : 0);
            }
            node_id s_id = static_cast<node_id>(u), d_id = static_cast<node_id>(v);
            if (perm) s_id = (*perm)[s_id], d_id = (*perm)[d_id];
            src[e] = s_id;
            dst[e] = d_id;
            if (per_draw == 2) src[count + e] = d_id, dst[count + e] = s_id;
        }
    };
    return s;
}

edge_list kronecker_edges(const kronecker_options& o) { return materialize(kronecker_stream(o)); }

edge_stream erdos_renyi_stream(std::size_t n, std::size_t m, std::uint64_t seed) {
    if (n > max_nodes)
        throw std::invalid_argument(
            fmt::format("erdos_renyi: num_nodes is {}, at most {} fit 32-bit ids", n, max_nodes));
    if (n == 0 && m > 0)
        throw std::invalid_argument(
            fmt::format("erdos_renyi: num_edges is {} but num_nodes is 0", m));
    edge_stream s;
    s.num_nodes = n;
    s.num_edges = m;
    s.block_size = block_draws;
    s.fill = [n, m, seed](std::size_t b, node_id* src, node_id* dst) {
        detail::splitmix64 rng = detail::stream(seed, b);
        const std::size_t count = std::min(block_draws, m - b * block_draws);
        for (std::size_t e = 0; e < count; ++e) {
            src[e] = static_cast<node_id>(rng.below(n));
            dst[e] = static_cast<node_id>(rng.below(n));
        }
    };
    return s;
}

edge_list erdos_renyi_edges(std::size_t n, std::size_t m, std::uint64_t seed) {
    return materialize(erdos_renyi_stream(n, m, seed));
}

}  // namespace linkequity
