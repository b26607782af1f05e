// SPDX-License-Identifier: MIT
// HyperBall (Boldi & Vigna, "In-core computation of geometric centralities with HyperBall",
// Internet Mathematics 2013): one HyperLogLog counter (Flajolet, Fusy, Gandouet, Meunier 2007)
// of m byte registers per node for its in-ball, unions by register-wise max along in-edges, as
// a step functor on the shared driver (residual = counters changed; stops at 0).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "../pagerank/driver.hpp"
#include "hyperball.hpp"
#include "linkequity/detail/hash_mix.hpp"

namespace linkequity::detail {
namespace {

/// The HLL cardinality estimate of m registers: Ertl's "improved" estimator (O. Ertl, "New
/// cardinality estimation algorithms for HyperLogLog sketches", 2017), nearly unbiased over the
/// whole range without empirical corrections (the classic raw estimate with linear counting is
/// biased by several % between 2.5m and 5m, where the balls of graphs of a few thousand nodes
/// spend their growth). With C_k registers of value k and q = 64 − b:
///     E = m² / (2 ln 2) / (m σ(C_0/m) + Σ_{k=1..q} C_k 2^−k + m τ(1 − C_{q+1}/m) 2^−q)
/// σ(x) = x + Σ_{k>=1} x^(2^k) 2^(k−1),  τ(x) = (1 − x − Σ_{k>=1} (1 − x^(2^−k))² 2^−k) / 3.
struct hll_estimator {
    std::size_t m;
    int q;

    hll_estimator(std::size_t registers, unsigned b) : m(registers), q(64 - static_cast<int>(b)) {}
    static double sigma(double x) {
        if (x == 1.0) return std::numeric_limits<double>::infinity();
        double y = 1, z = x, previous;
        do {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        } while (previous != z);
        return z;
    }
    static double tau(double x) {
        if (x == 0.0 || x == 1.0) return 0.0;
        double y = 1, z = 1 - x, previous;
        do {
            x = std::sqrt(x);
            previous = z;
            y *= 0.5;
            z -= (1 - x) * (1 - x) * y;
        } while (previous != z);
        return z / 3;
    }
    double operator()(const std::uint8_t* reg) const {
        std::uint32_t c[66] = {};
        for (std::size_t j = 0; j < m; ++j) ++c[reg[j]];
        const double md = static_cast<double>(m);
        double z = md * tau(1 - c[q + 1] / md);
        for (int k = q; k >= 1; --k) z = 0.5 * (z + c[k]);  // Σ C_k 2^−k + m τ 2^−q (Horner)
        z += md * sigma(c[0] / md);
        return md * md / (2 * std::log(2.0)) / z;
    }
};

/// One HyperBall iteration t: every node whose in-neighbours changed at t − 1 takes the
/// register-wise max of its counter and theirs; a changed counter's new estimate adds
/// (estimate − previous estimate) / t to H. Returns the number of counters changed.
struct hyperball_step {
    const adjacency& in;
    std::size_t n, m;
    hll_estimator estimate;
    std::vector<std::uint8_t> counters, updated;  // n · m registers each
    std::vector<std::uint8_t> changed, changed_now;
    std::vector<double> last;  // the estimate of |B_{t−1}(v)|
    double* h;
    std::size_t t = 0;

    bool needs_update(std::size_t v) const {
        for (edge_offset e = in.offsets[v]; e < in.offsets[v + 1]; ++e)
            if (changed[in.ids[e]] && in.followable(e)) return true;
        return false;
    }

    /// The union of v's in-ball counters into updated[v]; true when it differs from v's own.
    bool merge(std::size_t v) {
        std::uint8_t* out = &updated[v * m];
        const std::uint8_t* own = &counters[v * m];
        std::memcpy(out, own, m);
        for (edge_offset e = in.offsets[v]; e < in.offsets[v + 1]; ++e) {
            if (!in.followable(e)) continue;
            const std::uint8_t* other = &counters[std::size_t{in.ids[e]} * m];
            for (std::size_t j = 0; j < m; ++j) out[j] = std::max(out[j], other[j]);
        }
        return std::memcmp(out, own, m) != 0;
    }

    double operator()() {
        ++t;
        const double td = static_cast<double>(t);
        std::size_t count = 0;
#pragma omp parallel for schedule(dynamic, 256) reduction(+ : count) if (n > 1024)
        for (std::ptrdiff_t i = 0; i < static_cast<std::ptrdiff_t>(n); ++i) {
            const std::size_t v = static_cast<std::size_t>(i);
            changed_now[v] = needs_update(v) && merge(v);
            if (!changed_now[v]) continue;
            ++count;
            const double e = estimate(&updated[v * m]);
            h[v] += (e - last[v]) / td;
            last[v] = e;
        }
#pragma omp parallel for schedule(static) if (n > 1024)
        for (std::ptrdiff_t i = 0; i < static_cast<std::ptrdiff_t>(n); ++i) {
            const std::size_t v = static_cast<std::size_t>(i);
            if (changed_now[v]) std::memcpy(&counters[v * m], &updated[v * m], m);
        }
        changed.swap(changed_now);
        return static_cast<double>(count);
    }
    void restart() {}
};

/// Every node's counter holds itself: register (hash >> (64 − b)) set to the rank (leading
/// zeros + 1) of the hash's remaining bits.
void initialise(hyperball_step& s, unsigned b, std::uint64_t seed) {
    const std::uint64_t key = fmix64(seed ^ 0x9E3779B97F4A7C15ull);
    for (std::size_t v = 0; v < s.n; ++v) {
        const std::uint64_t x = fmix64(static_cast<std::uint64_t>(v) ^ key);
        const std::size_t j = static_cast<std::size_t>(x >> (64 - b));
        const std::uint64_t rest = x << b;
        const int rank = rest == 0 ? 64 - static_cast<int>(b) + 1 : __builtin_clzll(rest) + 1;
        s.counters[v * s.m + j] = static_cast<std::uint8_t>(rank);
    }
    const double e0 = s.estimate(&s.counters[0]);  // any single-element counter estimates alike
    std::fill(s.last.begin(), s.last.end(), e0);
}

}  // namespace

void harmonic_hyperball(const adjacency& in, std::size_t n, const harmonic_options& o,
                        harmonic_result& r) {
    const unsigned b = static_cast<unsigned>(o.registers_log2);
    const std::size_t m = std::size_t{1} << b;
    hyperball_step s{in, n, m, hll_estimator(m, b), std::vector<std::uint8_t>(n * m, 0),
                     std::vector<std::uint8_t>(n * m, 0), std::vector<std::uint8_t>(n, 1),
                     std::vector<std::uint8_t>(n, 0), std::vector<double>(n, 0.0),
                     r.scores.data()};
    initialise(s, b, o.seed);
    drive_options d;
    d.tolerance = 0.5;  // stop when no counter changed
    d.max_iterations = n + 1;
    d.progress = o.progress;
    pagerank_result run;
    std::vector<double> unused;
    drive(s, unused, d, run);
    r.iterations = run.iterations;
    r.cancelled = run.cancelled;
    r.registers = m;
    r.relative_standard_error = 1.04 / std::sqrt(static_cast<double>(m));
}

}  // namespace linkequity::detail
