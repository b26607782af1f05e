// SPDX-License-Identifier: MIT
// Seed lists for TrustRank, Anti-TrustRank and spam mass on the web model (docs/trust.md): one
// registrable domain, host or URL per line, `#` comment lines and blank lines ignored, bad lines
// reported with file and line like disavow lines. resolve_seeds maps the entries onto the page,
// host and domain nodes of a web_graph (the rule is in its comment).
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/web/disavow.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::web {

/// What one seed entry names.
enum class seed_kind {
    name,    ///< a bare host name: a registrable domain of the graph, else a host
    domain,  ///< `domain:example.com`: a registrable domain only
    url,     ///< an absolute http(s) URL: one page
};

struct seed_entry {
    seed_kind kind = seed_kind::name;
    std::string value;     ///< the normalised host (name, domain) or URL
    std::size_t line = 0;  ///< 1-based line (or position in a list)
};

/// A parsed seed file. Entries, one per line (surrounding whitespace, a trailing `\r` and a
/// UTF-8 BOM ignored; `#` as the first non-blank character starts a comment line):
///  - `example.com`, `www.example.com`: a bare host name (lowercased, IDN to punycode, trailing
///    dot dropped). Errors: a path, port, query, user information, wildcard or space.
///  - `domain:example.com`: the same, but only a registrable domain matches it.
///  - `https://www.example.com/page`: a page URL, normalised as link URLs are.
/// Duplicates are kept once. Strict mode (default) throws linkequity::parse_error naming the
/// file, the line and the reason; lenient mode skips the line and lists it in skipped().
class seed_list {
public:
    seed_list() = default;

    /// Reads the file at `path` (at most 64 MiB). O(bytes).
    /// @throws parse_error (line 0) when the file cannot be opened or is too large; parse_error
    ///         for a bad line in strict mode.
    static seed_list read(const std::string& path, bool skip_bad = false);
    /// As read(), from text; `name` stands for the file name in messages.
    static seed_list parse(std::string_view text, const std::string& name = "<text>",
                           bool skip_bad = false);
    /// Entries given one per element (Python's list form): element i is "line" i + 1 of `name`;
    /// comments and blank elements are not allowed. @throws parse_error for a bad element.
    static seed_list from_entries(const std::vector<std::string>& entries,
                                  const std::string& name = "<list>");

    const std::vector<seed_entry>& entries() const noexcept { return entries_; }
    const std::vector<disavow_skipped_line>& skipped() const noexcept { return skipped_; }
    const std::string& source() const noexcept { return source_; }
    std::size_t lines() const noexcept { return lines_; }
    bool empty() const noexcept { return entries_.empty(); }

private:
    /// Adds the entry of one non-comment, non-blank line, or returns why it is bad.
    std::string add(std::string_view line, std::size_t line_no);

    std::vector<seed_entry> entries_;
    std::set<std::pair<int, std::string>> seen_;  // (kind, value) of the entries, for duplicates
    std::vector<disavow_skipped_line> skipped_;
    std::string source_;
    std::size_t lines_ = 0;
};

/// The nodes a seed list selects at each level of a web graph, ascending ids, each once.
struct seed_nodes {
    std::vector<node_id> pages, hosts, domains;
    /// Entries that name nothing in the graph (no such domain, host or page), in file order.
    std::vector<seed_entry> unmatched;
};

/// Maps `seeds` onto g's nodes. Every entry seeds, at each level, what it covers or belongs to:
///  - a domain (`domain:` entry, or a bare name that is a registrable domain of g): the domain;
///    all its hosts; all its pages;
///  - a host (a bare name that is a host of g but not a registrable domain): its domain; the
///    host; all its pages;
///  - a URL: its domain; its host; the page.
/// O(P + H + entries · log P).
seed_nodes resolve_seeds(const web_graph& g, const seed_list& seeds);

}  // namespace linkequity::web
