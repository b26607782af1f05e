// SPDX-License-Identifier: MIT
// Internal: the Matrix Market coordinate reader behind read_edge_list (link_source.hpp), used when
// the text starts with the "%%MatrixMarket" banner. Entry (i, j[, value]) is the edge i-1 → j-1;
// the size line gives the node count. Not part of the public API.
#pragma once

#include <string_view>

#include "csv_reader.hpp"
#include "linkequity/graph/builder.hpp"
#include "linkequity/io/link_source.hpp"

namespace linkequity::io::detail {

/// Whether the text starts with the Matrix Market banner "%%MatrixMarket" (any case).
bool is_matrix_market(std::string_view head) noexcept;

/// Reads a whole Matrix Market file from `tok` (positioned at the banner) into an edge list.
/// Accepted: `matrix coordinate {pattern|real|integer} {general|symmetric}`, a square size line
/// "n n nnz" (n = num_nodes), then nnz entries "i j [value]" with 1-based i, j <= n (`%` comment
/// and blank lines anywhere). Symmetric files store one triangle: an off-diagonal entry (i, j)
/// also yields j → i. pattern → no weights; real/integer → the value is the weight (finite, >= 0;
/// 0 stays an edge of weight 0, as in a SNAP weight column).
/// Errors: a bad banner, unsupported qualifiers, a missing or non-square size line are file-level
/// (parse_error in both modes); a bad entry (id not in [1, n], bad value, wrong token count) goes
/// through report.bad_row (strict throws, lenient skips); an entry count that differs from nnz is
/// a bad row reported at the last line (strict throws; lenient counts it once and keeps the
/// entries read). O(file size) time; memory: the edge list.
edge_list read_matrix_market(csv_tokenizer& tok, read_report& report, const read_options& options);

}  // namespace linkequity::io::detail
