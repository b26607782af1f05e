// SPDX-License-Identifier: MIT
// Disavow files in Google's format (docs/web-model.md "Disavow files"): `domain:example.com` lines
// disavow a domain and all its subdomains, URL lines disavow one page, `#` comment lines and
// blank lines are ignored; Google's limits (2 MB, 100,000 lines, 2,048-character URLs) enforced.
// disavow_list is immutable once read; `matches` is const and safe to call from many threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace linkequity::web {

/// Google's limits for a disavow file (Search Console help, "Disavow links").
inline constexpr std::size_t disavow_max_bytes = 2 * 1024 * 1024;  ///< 2 MB
inline constexpr std::size_t disavow_max_lines = 100000;  ///< including comments and blank lines
inline constexpr std::size_t disavow_max_url_length = 2048;  ///< characters of a URL entry

/// A line that lenient mode (skip_bad) skipped.
struct disavow_skipped_line {
    std::size_t line = 0;  ///< 1-based line number
    std::string reason;    ///< why it was rejected (the message strict mode would throw)
    std::string text;      ///< the line as written (at most 200 bytes kept)
};

/// What reading a disavow file found; every line is in exactly one of the counts
/// domain_lines + url_lines + comment_lines + blank_lines + skipped.size() == lines.
struct disavow_report {
    std::string source;              ///< file path or the name given to parse()
    std::size_t lines = 0;           ///< lines in the file
    std::size_t domain_lines = 0;    ///< valid `domain:` lines (duplicates included)
    std::size_t url_lines = 0;       ///< valid URL lines (duplicates included)
    std::size_t comment_lines = 0;   ///< lines starting with `#` (after leading whitespace)
    std::size_t blank_lines = 0;     ///< empty or whitespace-only lines
    std::size_t duplicates = 0;      ///< valid entries already listed earlier (kept once)
    std::vector<disavow_skipped_line> skipped;  ///< lenient mode only; empty in strict mode
};

/// A parsed disavow file: a set of disavowed domains and a set of disavowed page URLs.
///
/// Entries, one per line (leading/trailing whitespace and a trailing `\r` ignored, a UTF-8 BOM
/// at the start of the file ignored):
///  - `domain:example.com` (prefix case-insensitive, spaces after the colon allowed): the bare
///    domain, lowercased, IDN converted to punycode, trailing dot dropped. Errors: an empty
///    domain, a scheme (`domain:http://…`), a path ("no subpaths": `domain:example.com/path`),
///    a port, userinfo, a query, a wildcard (`domain:*.example.com`), or any character a host
///    cannot hold.
///  - an absolute http(s) URL, normalised by normalize_url() (so `HTTP://Example.com:80/a#x`
///    and `http://example.com/a` are the same entry). Errors: longer than 2,048 characters,
///    relative (`example.com/page` — with a hint to use `domain:`), another scheme, or invalid.
///  - `#` as the first non-blank character: a comment. Blank lines are ignored.
/// File-level errors (always thrown, even with skip_bad): more than 2 MB, more than 100,000
/// lines, and (read only) a file that cannot be opened.
class disavow_list {
public:
    disavow_list() = default;

    /// Reads and parses the file at `path`. Strict (skip_bad == false): the first malformed
    /// line throws linkequity::parse_error naming the file, the 1-based line and the reason.
    /// Lenient: malformed lines are skipped and listed in report().skipped.
    /// Throws parse_error (line 0) when the file cannot be opened or exceeds 2 MB, and
    /// parse_error at line 100,001 when it has more lines than Google allows.
    /// O(bytes + entries · log entries).
    static disavow_list read(const std::string& path, bool skip_bad = false);

    /// As read(), from text in memory; `name` stands for the file name in errors and report.
    static disavow_list parse(std::string_view text, const std::string& name = "<text>",
                              bool skip_bad = false);

    /// True when a link *from* the page `normalized_source_url` on host `source_host` is
    /// disavowed: the URL equals a URL entry (byte comparison; pass normalize_url(...).url), or
    /// the host equals a `domain:` entry or is a subdomain of one (`domain:example.com` matches
    /// hosts `example.com`, `www.example.com`, `a.b.example.com`, not `badexample.com` nor
    /// `example.com.au`). IP hosts match only exactly. `source_host` must be lowercase with no
    /// trailing dot (normalize_url(...).host); when empty it is taken from the URL.
    /// The owner-domain rule (a file applies only to links pointing into one owner domain, as
    /// in Search Console) is the caller's: test the link's target domain before calling this.
    /// O(labels of host · log num_domains + log num_urls), no allocation. Thread-safe.
    bool matches(std::string_view normalized_source_url, std::string_view source_host = {}) const;

    /// True when `host` (lowercase, no trailing dot) is a disavowed domain or a subdomain of one.
    bool matches_host(std::string_view host) const;

    /// True when `normalized_url` is a disavowed page URL (exact match after normalisation).
    bool matches_url(std::string_view normalized_url) const;

    std::size_t num_domains() const noexcept { return domains_.size(); }  ///< distinct domains
    std::size_t num_urls() const noexcept { return urls_.size(); }        ///< distinct URLs
    bool empty() const noexcept { return domains_.empty() && urls_.empty(); }

    /// Distinct disavowed domains (normalised), sorted.
    const std::vector<std::string>& domains() const noexcept { return domains_; }
    /// Distinct disavowed page URLs (normalised), sorted.
    const std::vector<std::string>& urls() const noexcept { return urls_; }
    /// Counts and skipped lines from reading.
    const disavow_report& report() const noexcept { return report_; }

private:
    std::vector<std::string> domains_;
    std::vector<std::string> urls_;
    disavow_report report_;
};

}  // namespace linkequity::web
