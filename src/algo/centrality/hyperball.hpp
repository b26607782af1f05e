// SPDX-License-Identifier: MIT
// Internal to harmonic_centrality: the two kernels behind linkequity/algo/harmonic.hpp, each
// filling r.scores (and its counters) for the followable in-adjacency `in`.
#pragma once

#include "adjacency.hpp"
#include "linkequity/algo/harmonic.hpp"

namespace linkequity::detail {

/// Exact H by bit-parallel BFS (64 targets per pass). Fills scores, iterations, cancelled.
void harmonic_exact(const adjacency& in, std::size_t n, const harmonic_options& o,
                    harmonic_result& r);

/// HyperBall estimate of H. Fills scores, registers, relative_standard_error, iterations,
/// cancelled.
void harmonic_hyperball(const adjacency& in, std::size_t n, const harmonic_options& o,
                        harmonic_result& r);

}  // namespace linkequity::detail
