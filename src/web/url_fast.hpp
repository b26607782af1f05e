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

/// Whether `host` is a host name normalize_url keeps as it is: [a-z0-9._-], no leading or
/// trailing dot, last label not starting with a digit (so never an IPv4 form). Conservative
/// as already_normal, whose host rule it is. O(|host|), no allocation.
bool host_already_normal(std::string_view host) noexcept;

/// A normalize_url result as views (of the input, or of a normalized_url kept elsewhere).
struct normalized_url_view {
    url_kind kind = url_kind::invalid;
    std::string_view url, host, error;  ///< as normalized_url's
    bool ok() const noexcept { return kind == url_kind::web; }
};

/// normalize_url(raw, base) as views, copying nothing on the fast path: views of `raw` itself
/// when already_normal(raw) holds (url = raw), else of `full`, which then receives
/// normalize_url_full(raw, base). The views live as long as `raw`'s bytes and `full` do.
/// Same result and guarantees as normalize_url; O(|raw|) on the fast path.
normalized_url_view normalize_url_view(std::string_view raw, std::string_view base,
                                       normalized_url& full);

/// normalize_url without the fast path (Boost.URL parse and every rule); the reference that
/// already_normal is tested against.
normalized_url normalize_url_full(std::string_view raw, std::string_view base = {});

}  // namespace linkequity::web::detail
