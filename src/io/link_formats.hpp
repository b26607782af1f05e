// SPDX-License-Identifier: MIT
// Internal: what the link export formats look like. Header names are compared after
// normalisation (ASCII lowercase, spaces, '_', '-' and '.' dropped: "Source URL", "SourceURL" and
// "source_url" are one name). Each format lists, per role, the names it accepts; the first header
// column that matches wins. Also the value parsers for rel tokens, booleans and link positions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linkequity/io/link_source.hpp"

namespace linkequity::io::detail {

/// Lowercase ASCII, drop whitespace, '_', '-', '.', and a leading U+FEFF.
std::string normalize_header_name(std::string_view name);

/// Where each role's column is (-1 = absent).
struct column_map {
    link_format format = link_format::generic;
    int source = -1, target = -1, anchor = -1, rel = -1, position = -1;
    int first_seen = -1, last_seen = -1;
    int type = -1;        ///< Screaming Frog "Type": only "Hyperlink" rows are links
    int follow = -1;      ///< Screaming Frog "Follow": false = nofollow
    int nofollow = -1;    ///< Ahrefs "Nofollow" boolean; Majestic "Flag No Follow" (+/-)
    int ugc = -1, sponsored = -1;  ///< Ahrefs booleans
    int link_type = -1;   ///< older Ahrefs "Link type": dofollow / nofollow / ugc / sponsored
    int record_type = -1;  ///< generic "type": link (default) / redirect / canonical
    int status = -1;       ///< generic "status" / Screaming Frog "Status Code": redirect status
    std::size_t min_fields = 0;    ///< a row needs this many fields (largest used index + 1)
};

/// The format a header row belongs to (never auto_detect or edge_list).
link_format detect_csv_format(const std::vector<std::string>& header);

/// Maps the header's columns for `format`, applying the read_options column overrides.
/// @throws parse_error(path, line, 0, ...) listing the columns found and the ones expected when a
///         required column (source, target) is missing or an override names no column.
column_map map_columns(link_format format, const std::vector<std::string>& header,
                       const read_options& options, const std::string& path, std::size_t line);

/// The delimiter of a file whose text starts with `head`: an Excel "sep=X" first line's X (and
/// `sep_line` = true), else the most frequent of tab, comma, semicolon in the first line.
char header_delimiter(std::string_view head, bool& sep_line) noexcept;

enum class tribool : std::uint8_t { no, yes, invalid };
/// true/false, yes/no, 1/0 in any case, "" = false; with `plus_minus` also + (yes) and - (no).
tribool parse_bool(std::string_view text, bool plus_minus = false) noexcept;

/// Trims ASCII whitespace (space, tab, CR, LF, FF, VT) at both ends.
std::string_view trim(std::string_view s) noexcept;
bool iequals(std::string_view a, std::string_view b) noexcept;

/// Whether s is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
bool valid_utf8(std::string_view s) noexcept;
/// out = s with every ill-formed UTF-8 sequence replaced by U+FFFD (reuses out's capacity).
void assign_repaired_utf8(std::string& out, std::string_view s);

}  // namespace linkequity::io::detail
