// SPDX-License-Identifier: MIT
// The `harmonic` column of the host and domain tables (`linkequity score --harmonic`,
// WebGraph.authority(harmonic=True)): harmonic centrality of the level's followable graph,
// appended to a score_table as the last column.
#pragma once

#include "linkequity/algo/harmonic.hpp"
#include "linkequity/web/tables.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::web {

/// Appends a column `harmonic` (number_style::scientific) to `t`, a hosts or domains table of
/// `g`: H(v) = Σ_{u≠v} 1/d(u, v) over the host or registrable-domain graph (contract(g, level):
/// X → Y when a page of X links to a page of Y), with the links carrying a bit of
/// `options.excluded` not followed (as authority's). Exact or HyperBall as options.method says
/// (automatic: by size, see harmonic_exact_affordable). Cost: the contraction (O(L log L)) plus
/// harmonic_centrality. Returns how it ran (its scores moved into the column).
/// @throws std::invalid_argument for a pages table (page level is not offered: too large for
///         exact values, and not what the issue asks), a table of another size, or bad options.
harmonic_result add_harmonic_column(const web_graph& g, score_table& t,
                                    const harmonic_options& options = {});

}  // namespace linkequity::web
