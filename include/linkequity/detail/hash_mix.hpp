// SPDX-License-Identifier: MIT
// Internal: the 64-bit finaliser shared by the snapshot checksums and the graph structure hash.
#pragma once

#include <cstdint>

namespace linkequity::detail {

/// MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit over the output
/// (avalanche). O(1).
inline std::uint64_t fmix64(std::uint64_t h) noexcept {
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
}

}  // namespace linkequity::detail
