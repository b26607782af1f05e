// SPDX-License-Identifier: MIT
// Internal: the fast path of normalize_url. Most URLs in link exports are already in the form
// normalize_url writes; one byte scan proves it, and the URL is then returned as is without
// parsing. Exposed (not public API) so that a test can hold both paths to the same result.
#pragma once

#include <string_view>

#include "linkequity/web/url.hpp"

namespace linkequity::web::detail {

/// Whether `raw` is an absolute http(s) URL that normalize_url would return unchanged: lowercase
/// "http://" or "https://", a host of [a-z0-9._-] (no trailing dot, not ending in a number, so
/// never an IPv4 form), no userinfo, port or fragment, a path that starts with '/' and a query,
/// both of RFC 3986 characters only, without '%', '\\' or dot segments. Conservative: false
/// says nothing (the full path decides). On true, `host` is the host's part of `raw`.
/// Cost: one pass over `raw`, no allocation. Thread-safe.
bool already_normal(std::string_view raw, std::string_view& host) noexcept;

/// normalize_url(raw, base) written into `out`, reusing its strings' buffers on the fast path
/// (no allocation per URL once they are large enough). Same result, same guarantees.
void normalize_url_into(std::string_view raw, std::string_view base, normalized_url& out);

/// normalize_url without the fast path (Boost.URL parse and every rule); the reference that
/// already_normal is tested against.
normalized_url normalize_url_full(std::string_view raw, std::string_view base = {});

}  // namespace linkequity::web::detail
