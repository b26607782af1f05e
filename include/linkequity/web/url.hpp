// SPDX-License-Identifier: MIT
// URL normalisation (DESIGN.md "Web model"): Boost.URL for parsing, plus the WHATWG URL
// Standard's leniencies that browsers apply to the broken URLs real crawls are full of.
// The rules, each with examples, are documented on normalize_url() and tested in test_url.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace linkequity::web {

/// URLs longer than this (in bytes, before normalisation) are rejected as bad rows.
/// 8 KiB: above what browsers and servers accept in practice (RFC 9110 recommends >= 8000).
inline constexpr std::size_t max_url_length = 8192;

/// What normalize_url made of its input.
enum class url_kind {
    web,      ///< http or https: a page
    non_web,  ///< mailto:, tel:, javascript:, data:, ftp: … — counted and reported, not a page
    invalid,  ///< a browser would reject it too; `error` says why
};

struct normalized_url {
    url_kind kind = url_kind::invalid;
    std::string url;     ///< normalised absolute URL (web), the lowercased scheme (non_web)
    std::string host;    ///< lowercase ASCII host (punycode for IDN), no trailing dot; web only
    std::string error;   ///< why it is invalid (empty otherwise)
    bool ok() const noexcept { return kind == url_kind::web; }
};

/// Normalises `raw`, resolving it against `base` when it is relative (base must be an absolute
/// http(s) URL, usually the linking page; empty = no base).
///
/// Rules: surrounding ASCII whitespace trimmed, tabs/newlines removed; `\` read as `/` in
/// http(s); characters RFC 3986 forbids (space, `|`, `"`, `{`, `}`, `^`, `<`, `>`, `` ` ``, non-ASCII)
/// percent-encoded as UTF-8; scheme and host lowercased; IDN hosts to punycode (IDNA); trailing
/// dot of the host dropped; default port (80 for http, 443 for https) and fragment dropped;
/// empty path → `/`; dot segments resolved; percent-encoding normalised (unreserved characters
/// decoded, hex digits uppercased); query kept as is. `http:page.html` with a base of the same
/// scheme resolves like a relative reference (WHATWG special-scheme rule).
/// Examples: `HTTP://Example.COM:80/a/./b/../c#x` → `http://example.com/a/c`;
///           ` https://example.com ` → `https://example.com/`; `%7euser` → `~user`.
/// Cost: O(length). Never throws on bad input: returns kind == invalid with a reason.
normalized_url normalize_url(std::string_view raw, std::string_view base = {});

}  // namespace linkequity::web
