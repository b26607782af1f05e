// SPDX-License-Identifier: MIT
// Host → registrable domain (eTLD+1) by the Public Suffix List, through libpsl. ICANN and private
// sections by default (`a.blogspot.com` and `b.blogspot.com` are different domains), ICANN-only
// on request. IP-address hosts are their own domain.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace linkequity::web {

enum class psl_sections {
    all,         ///< ICANN + private (default)
    icann_only,  ///< only the ICANN section: blogspot.com, github.io … are registrable domains
};

/// A loaded Public Suffix List. Thread-safe for concurrent lookups. Copyable (shares the list).
class public_suffix_list {
public:
    /// Uses the newest list installed on the system (Debian's `publicsuffix` package), else
    /// the list compiled into libpsl.
    explicit public_suffix_list(psl_sections sections = psl_sections::all);

    /// The registrable domain of a lowercase ASCII host: `x.example.co.uk` → `example.co.uk`,
    /// `a.blogspot.com` → `a.blogspot.com` (all sections) or `blogspot.com` (ICANN only),
    /// `192.0.2.1` → `192.0.2.1`, `[2001:db8::1]` → `[2001:db8::1]`. A host that is itself a
    /// public suffix (`co.uk`), or a single label (`localhost`), is its own domain.
    /// O(labels). Never throws.
    std::string registrable_domain(std::string_view host) const;

    /// True when `host` is an IPv4 or bracketed IPv6 literal.
    static bool is_ip_host(std::string_view host);

    /// Where the list came from and its date, e.g. "/usr/share/publicsuffix/... (2024-06-26)".
    std::string version() const;
    psl_sections sections() const noexcept { return sections_; }

private:
    struct impl;
    std::shared_ptr<const impl> impl_;
    psl_sections sections_;
};

}  // namespace linkequity::web
