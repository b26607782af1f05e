// SPDX-License-Identifier: MIT
// Host → registrable domain (eTLD+1) by the Public Suffix List, through libpsl. ICANN and private
// sections by default (`a.blogspot.com` and `b.blogspot.com` are different domains), ICANN-only
// on request. IP-address hosts are their own domain.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace linkequity::web {

enum class psl_sections {
    all,         ///< ICANN + private (default)
    icann_only,  ///< only the ICANN section: blogspot.com, github.io … are registrable domains
};

/// A loaded Public Suffix List. Thread-safe for concurrent lookups (the list is immutable once
/// loaded; libpsl lookups only read it). Copyable and cheap to copy (copies share the list).
class public_suffix_list {
public:
    /// Uses the newest list installed on the system (psl_latest: Debian's `publicsuffix` package,
    /// /usr/share/publicsuffix/public_suffix_list.dafsa) or, when that is missing or older, the
    /// list compiled into libpsl. Throws std::runtime_error when neither exists.
    explicit public_suffix_list(psl_sections sections = psl_sections::all);

    /// Loads a specific list (a `public_suffix_list.dat` text file or a libpsl DAFSA file), to
    /// pin results to one PSL version. Throws std::runtime_error when the file cannot be loaded.
    static public_suffix_list from_file(const std::string& path,
                                        psl_sections sections = psl_sections::all);

    /// The registrable domain of a lowercase ASCII host: `x.example.co.uk` → `example.co.uk`,
    /// `a.blogspot.com` → `a.blogspot.com` (all sections) or `blogspot.com` (ICANN only),
    /// `192.0.2.1` → `192.0.2.1`, `[2001:db8::1]` → `[2001:db8::1]`. A host that is itself a
    /// public suffix (`co.uk`), or a single label (`localhost`), is its own domain. Trailing dots
    /// are ignored (`example.com.` → `example.com`); an empty host gives an empty string.
    /// The host must already be lowercase and punycode (as normalize_url() returns it): the
    /// list's rules are lowercase, so `WWW.EXAMPLE.CO.UK` is not matched by the `co.uk` rule.
    /// Wildcard (`*.ck`) and exception (`!www.ck`) rules apply as the PSL algorithm defines.
    /// O(labels) lookups in libpsl's DAFSA; allocates only the result (and a copy of long hosts).
    /// Never throws except std::bad_alloc.
    std::string registrable_domain(std::string_view host) const;

    /// True when `host` is an IPv4 literal in dotted-decimal form (`192.0.2.1`, as normalize_url()
    /// writes every IPv4 host) or a bracketed IPv6 literal (`[2001:db8::1]`). O(length).
    static bool is_ip_host(std::string_view host);

    /// Where the list came from and its date, e.g.
    /// "/usr/share/publicsuffix/public_suffix_list.dafsa (2023-02-09)" or
    /// "libpsl builtin from /usr/share/publicsuffix/public_suffix_list.dat (2023-02-09, sha1 …)",
    /// plus " [ICANN section only]" in that mode.
    std::string version() const;
    psl_sections sections() const noexcept { return sections_; }

private:
    struct impl;
    public_suffix_list(std::shared_ptr<const impl> impl, psl_sections sections)
        : impl_(std::move(impl)), sections_(sections) {}
    std::shared_ptr<const impl> impl_;
    psl_sections sections_;
};

}  // namespace linkequity::web
