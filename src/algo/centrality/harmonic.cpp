// SPDX-License-Identifier: MIT
// harmonic_centrality(): the method choice, and the exact kernel — breadth-first search from 64
// targets at once over the in-adjacency, one 64-bit mask per node ("which targets has this
// node reached, at which level"), the passes spread over threads, each pass serial.
#include "linkequity/algo/harmonic.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>

#include "hyperball.hpp"
#include "linkequity/detail/stopwatch.hpp"

namespace linkequity {
namespace detail {
namespace {

/// One thread's buffers for a pass: masks per node (bit k = target first + k), node lists.
struct bfs_pass {
    std::vector<std::uint64_t> seen, frontier, next;
    std::vector<node_id> current, upcoming, touched;
    explicit bfs_pass(std::size_t n) : seen(n, 0), frontier(n, 0), next(n, 0) {}

    /// One BFS level: every u with an edge u → w, w in the frontier, reaches w's targets at
    /// distance d + 1 unless it already did. Adds the new bits per target to count[].
    void level(const adjacency& in, std::uint32_t (&count)[64]) {
        upcoming.clear();
        for (node_id w : current) {
            const std::uint64_t f = frontier[w];
            for (edge_offset e = in.offsets[w]; e < in.offsets[w + 1]; ++e) {
                if (!in.followable(e)) continue;
                const node_id u = in.ids[e];
                const std::uint64_t add = f & ~seen[u];
                if (!add) continue;
                if (!next[u]) upcoming.push_back(u);
                next[u] |= add;
            }
        }
        for (node_id w : current) frontier[w] = 0;
        for (node_id u : upcoming) {
            std::uint64_t bits = next[u];
            next[u] = 0;
            if (!seen[u]) touched.push_back(u);
            seen[u] |= bits;
            frontier[u] = bits;
            for (; bits; bits &= bits - 1) ++count[__builtin_ctzll(bits)];
        }
        current.swap(upcoming);
    }

    /// H of the targets first .. first + k − 1 (k <= 64) into scores; returns the levels run.
    std::size_t run(const adjacency& in, node_id first, unsigned k, double* scores) {
        current.clear();
        touched.clear();
        for (unsigned t = 0; t < k; ++t) {
            const node_id v = first + t;
            seen[v] = frontier[v] = std::uint64_t{1} << t;
            current.push_back(v);
            touched.push_back(v);
        }
        std::size_t d = 0;
        while (!current.empty()) {
            std::uint32_t count[64] = {};
            level(in, count);
            ++d;
            for (unsigned t = 0; t < k; ++t)  // level by level: a fixed order of additions
                if (count[t]) scores[t] += static_cast<double>(count[t]) / static_cast<double>(d);
        }
        for (node_id u : touched) seen[u] = 0;  // frontier and next are all zero again
        return d - 1;                           // the last level found nothing new
    }
};

}  // namespace

void harmonic_exact(const adjacency& in, std::size_t n, const harmonic_options& o,
                    harmonic_result& r) {
    const std::size_t passes = (n + 63) / 64;
    const int threads = std::max(1, max_threads());
    std::vector<std::unique_ptr<bfs_pass>> state(static_cast<std::size_t>(threads));
    // Rounds of passes between progress calls: enough to keep every thread busy.
    const std::size_t round = std::max<std::size_t>(64, 16 * static_cast<std::size_t>(threads));
    std::size_t levels = 0;
    for (std::size_t begin = 0; begin < passes; begin += round) {
        const std::size_t end = std::min(passes, begin + round);
#pragma omp parallel for schedule(dynamic, 1) reduction(max : levels) \
    if (n > 64 && threads > 1)
        for (std::ptrdiff_t p = static_cast<std::ptrdiff_t>(begin);
             p < static_cast<std::ptrdiff_t>(end); ++p) {
            auto& s = state[static_cast<std::size_t>(thread_num())];
            if (!s) s = std::make_unique<bfs_pass>(n);
            const std::size_t first = static_cast<std::size_t>(p) * 64;
            const unsigned k = static_cast<unsigned>(std::min<std::size_t>(64, n - first));
            levels = std::max(levels, s->run(in, static_cast<node_id>(first), k,
                                             r.scores.data() + first));
        }
        if (o.progress && end < passes &&
            !o.progress({end / round, (passes + round - 1) / round,
                         static_cast<double>(passes - end), 0.5})) {
            r.cancelled = true;
            break;
        }
    }
    r.iterations = levels;
}

}  // namespace detail

bool harmonic_exact_affordable(std::size_t n, std::size_t m) noexcept {
    const double work = static_cast<double>((n + 63) / 64) * static_cast<double>(n + m);
    return work <= 1073741824.0;  // 2^30: about 30 s of one core (benchmarks/README.md)
}

harmonic_result harmonic_centrality(const csr_graph& g, const harmonic_options& o) {
    o.validate();
    const detail::stopwatch t0;
    harmonic_result r;
    const std::size_t n = g.num_nodes();
    r.scores.assign(n, 0.0);
    const edge_flags mask = g.has_flags() ? o.excluded : edge_flags(0);
    const detail::adjacency in{g.in_offsets(), g.in_sources(), {}, g.in_flag_array(), mask};
    const bool exact = o.method == harmonic_method::exact ||
                       (o.method == harmonic_method::automatic &&
                        harmonic_exact_affordable(n, g.num_edges()));
    if (n > 0) {
        if (exact)
            detail::harmonic_exact(in, n, o, r);
        else
            detail::harmonic_hyperball(in, n, o, r);
    }
    r.exact = exact;
    r.seconds = t0.seconds();
    return r;
}

}  // namespace linkequity
