// SPDX-License-Identifier: MIT
// Build-wide configuration: the fixed-width id types every layer shares, and the export macro.
// Node ids are 32-bit (4.29 billion pages per graph); edge offsets are 64-bit (no edge limit).
#pragma once

#include <cstddef>
#include <cstdint>

#ifndef LINKEQUITY_API
#define LINKEQUITY_API
#endif

namespace linkequity {

/// Dense node id: a page, host or domain, numbered 0 .. num_nodes-1.
using node_id = std::uint32_t;
/// Position of an edge in a CSR adjacency array; 64-bit so graphs may exceed 2^32 edges.
using edge_offset = std::uint64_t;
/// Optional per-edge weight (a float keeps weighted graphs at 4 bytes per edge per direction).
using edge_weight = float;

/// The largest number of nodes a graph may have (ids 0 .. max_nodes-1 fit in node_id).
inline constexpr std::uint64_t max_nodes = 0xFFFFFFFFull;

}  // namespace linkequity
