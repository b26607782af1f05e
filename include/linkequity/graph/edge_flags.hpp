// SPDX-License-Identifier: MIT
// Per-edge attribute bits, stored as one byte per edge beside the adjacency arrays.
// A link is "followable" (passes authority) unless it carries one of the excluded bits;
// by default those are nofollow | sponsored | ugc | disavowed (docs/scores.md, "Followable links").
#pragma once

#include <cstdint>

namespace linkequity {

/// Bitmask of link attributes; combine with `|`.
using edge_flags = std::uint8_t;

namespace flags {
inline constexpr edge_flags none = 0;
inline constexpr edge_flags nofollow = 1u << 0;   ///< rel="nofollow"
inline constexpr edge_flags sponsored = 1u << 1;  ///< rel="sponsored"
inline constexpr edge_flags ugc = 1u << 2;        ///< rel="ugc"
inline constexpr edge_flags disavowed = 1u << 3;  ///< listed in an applied disavow file
inline constexpr edge_flags internal = 1u << 4;   ///< source and target share a registrable domain
/// The bits that make a link non-followable unless an algorithm is told otherwise.
inline constexpr edge_flags default_excluded = nofollow | sponsored | ugc | disavowed;

/// A bit and its name, as the command line and Python spell it (`--excluded nofollow,ugc`).
struct named_flag {
    edge_flags bit;
    const char* name;
};
inline constexpr named_flag names[] = {{nofollow, "nofollow"},   {sponsored, "sponsored"},
                                       {ugc, "ugc"},             {disavowed, "disavowed"},
                                       {internal, "internal"}};
}  // namespace flags

}  // namespace linkequity
