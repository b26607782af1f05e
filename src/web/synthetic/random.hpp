// SPDX-License-Identifier: MIT
// The synthetic web's random numbers: mix64 (a SplitMix64 finaliser, to derive seeds) and rng
// (SplitMix64: small state, passes BigCrush, seekable by seeding per block or per pass).
// Internal to src/web: the generator's output depends on every draw, so keep it stable.
#pragma once

#include <cmath>
#include <cstdint>

namespace linkequity::web::synthetic {

inline std::uint64_t mix64(std::uint64_t z) {
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/// SplitMix64: small state, passes BigCrush, trivially seekable by seeding per block.
struct rng {
    std::uint64_t s;
    explicit rng(std::uint64_t seed) : s(seed) {}
    std::uint64_t next() {
        s += 0x9E3779B97F4A7C15ull;
        std::uint64_t z = s;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
    std::uint64_t below(std::uint64_t n) {  // [0, n), Lemire's multiply (bias < 2^-64·n)
        __extension__ typedef unsigned __int128 u128;
        return static_cast<std::uint64_t>((static_cast<u128>(next()) * n) >> 64);
    }
    double normal() {  // Box–Muller
        const double u1 = 1.0 - uniform(), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
};

}  // namespace linkequity::web::synthetic
