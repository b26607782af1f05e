// SPDX-License-Identifier: MIT
// URL normalisation (docs/web-model.md): Boost.URL for parsing, plus the WHATWG URL
// Standard's leniencies that browsers apply to the broken URLs real crawls are full of.
// The rules, each with examples, are documented on normalize_url() and tested in test_url.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace linkequity::web {

/// URLs longer than this (in bytes, before or after normalisation) are rejected as bad rows.
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
                         ///< e.g. "mailto"; empty (invalid)
    std::string host;    ///< lowercase ASCII host (punycode for IDN), no trailing dot; web only
    std::string error;   ///< why it is invalid (empty otherwise)
    bool ok() const noexcept { return kind == url_kind::web; }
};

/// Normalises `raw`, resolving it against `base` when it is relative (base must be an absolute
/// http(s) URL, usually the linking page; empty = no base; it is normalised the same way).
///
/// Rules: surrounding ASCII whitespace trimmed, tabs/newlines removed; `\` read as `/` in
/// http(s) (in the query it is kept, as `%5C`); characters RFC 3986 forbids (space, `|`, `"`,
/// `{`, `}`, `^`, `<`, `>`, `` ` ``, `[`, `]` outside an IPv6 host, non-ASCII) percent-encoded as
/// UTF-8, a `%` not followed by two hex digits as `%25`; scheme and host lowercased; IDN hosts
/// to punycode (IDNA: full-width forms and ideographic dots mapped, Unicode lowercase, RFC 3492);
/// percent-escapes in the host decoded first; trailing dots of the host dropped; IPv4 hosts in
/// any WHATWG form (`0x7f.1`, `2130706433`) written dotted-decimal, IPv6 compressed and
/// lowercase (`[2001:db8::1]`); default port (80 for http, 443 for https) and fragment dropped,
/// an empty port too; empty path → `/`; dot segments resolved (RFC 3986 §5.2.4, `%2e` counts
/// as `.`); percent-encoding normalised in path and query (unreserved characters decoded, hex
/// digits uppercased; reserved escapes such as `%2F` kept); query otherwise kept as is (order,
/// duplicates, an empty `?`); userinfo kept as user[:password] (a `:` after the first written
/// `%3A`, an empty password dropped, an empty user with it). `http:page.html` or
/// `http:/path` with a base of the same scheme resolves like a relative reference, and without
/// one any number of slashes may follow `http:` (WHATWG special-scheme rules).
/// Relative references: `//host/path` (scheme from the base), `/path`, `path`, `?q`, `../x`,
/// `#frag` (= the base) — resolved by RFC 3986 §5.2.
/// Examples: `HTTP://Example.COM:80/a/./b/../c#x` → `http://example.com/a/c`;
///           ` https://example.com ` → `https://example.com/`; `%7euser` → `~user`;
///           `http://bücher.de/` → `http://xn--bcher-kva.de/`.
/// Results: `kind == web` with `url` and `host`; `non_web` (any scheme other than http/https,
/// e.g. mailto, tel, javascript, data, ftp, file) with `url` = the lowercased scheme; `invalid`
/// with `error` = the reason (empty, no host, bad port, bad IPv4/IPv6 host, forbidden host
/// character, relative without a usable base, longer than max_url_length (as written or once
/// normalised), control characters or bytes that are not UTF-8 — anywhere, the fragment
/// included).
/// Not done: Unicode NFC normalisation and the full UTS #46 validity tables for IDN hosts.
///
/// Cost: O(length), no allocation besides the result strings (scratch buffers are
/// thread_local). Thread-safe (no shared state). The parsed base is cached per thread, so
/// calling it for the links of one page in a row (same `base` string) parses the base once.
/// Never throws on bad input (only std::bad_alloc): returns kind == invalid with a reason.
normalized_url normalize_url(std::string_view raw, std::string_view base = {});

/// A host name as a person writes it (`Bücher.DE.`, `WWW.Example.com`, `xn--bcher-kva.de`,
/// `[2001:DB8::1]`), in the form normalize_url gives hosts and the web graph names its hosts and
/// domains (`xn--bcher-kva.de`, `www.example.com`): surrounding whitespace trimmed, then the
/// host of `http://NAME/` under normalize_url's rules (lowercase, IDN to punycode, trailing dots
/// dropped, IPv4 dotted-decimal, IPv6 compressed). Only a bare name is accepted: a scheme, path,
/// query, fragment, port, userinfo or inner space makes it invalid.
/// Returns the host, or "" with the reason (not naming the input) in `*error`, when given,
/// for an invalid name.
/// O(length); never throws on bad input (only std::bad_alloc). Thread-safe.
std::string normalize_host_name(std::string_view name, std::string* error = nullptr);

}  // namespace linkequity::web
