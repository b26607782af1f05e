// SPDX-License-Identifier: MIT
// Writing CSV: the one field-quoting rule (RFC 4180) used by every CSV the project writes —
// `linkequity score`'s tables, `linkequity generate`'s synthetic links, Python's web_csv.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace linkequity::io {

/// Appends `field` to `out` as one CSV field (RFC 4180): as is, unless it holds a comma, a
/// double quote, CR or LF; then inside double quotes, with each `"` doubled. O(|field|).
/// The reader (csv_reader) reads it back as the same bytes.
void append_csv_field(std::string& out, std::string_view field);

/// The most bytes write_csv_field writes for a field of `size` bytes: every byte a `"`,
/// doubled, inside the two quotes.
constexpr std::size_t csv_field_bound(std::size_t size) noexcept { return 2 * size + 2; }

/// Writes `field` at `out` as append_csv_field would append it and returns the end of what
/// it wrote. `out` must have room for csv_field_bound(field.size()) bytes. O(|field|).
char* write_csv_field(char* out, std::string_view field) noexcept;

}  // namespace linkequity::io
