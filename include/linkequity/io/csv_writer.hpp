// SPDX-License-Identifier: MIT
// Writing CSV: the one field-quoting rule (RFC 4180) used by every CSV the project writes —
// `linkequity score`'s tables, `linkequity generate`'s synthetic links, Python's web_csv.
#pragma once

#include <string>
#include <string_view>

namespace linkequity::io {

/// Appends `field` to `out` as one CSV field (RFC 4180): as is, unless it holds a comma, a
/// double quote, CR or LF; then inside double quotes, with each `"` doubled. O(|field|).
/// The reader (csv_reader) reads it back as the same bytes.
void append_csv_field(std::string& out, std::string_view field);

}  // namespace linkequity::io
