// SPDX-License-Identifier: MIT
// Link edits (docs/what-if.md): links added to or removed from a web graph, read from an edits
// file (a generic link CSV plus an `action` column) or from plain link files, and applied to a
// web graph without re-reading it: the edited graph is built from the old one's arrays, with
// exactly the pages, hosts, domains and link order that building it from the edited links gives.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "linkequity/io/link_source.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::web {

/// What an edit does with its link.
enum class edit_action { add, remove };

/// One edited link. `link` holds the row as read (URLs not yet normalised; rel, anchor,
/// position and dates are used for additions only); `origin` and link.line name it in errors.
struct link_edit {
    edit_action action = edit_action::add;
    io::raw_link link;
    std::string origin;  ///< the file (or "<add>" / "<remove>") the row came from
};

/// What reading edits or applying them did.
struct link_edit_report {
    std::size_t rows = 0;           ///< edit rows offered (read or given)
    std::size_t add_rows = 0;       ///< rows with action add that were applied
    std::size_t remove_rows = 0;    ///< rows with action remove that matched links
    std::size_t links_removed = 0;  ///< link rows deleted (a remove row deletes every parallel link)
    std::size_t missing = 0;        ///< remove rows naming no link of the graph (lenient: no-ops)
    std::size_t non_web_targets = 0;  ///< added rows to mailto:, tel: … (source still a page)
    std::size_t merged = 0;  ///< added rows dropped: consolidation made them self-links
    std::size_t bad_rows = 0;       ///< rows skipped in lenient mode (bad URL, action, ...)
    std::size_t new_pages = 0, new_hosts = 0, new_domains = 0;        ///< not in the old graph
    std::size_t dropped_pages = 0, dropped_hosts = 0, dropped_domains = 0;  ///< left without links
    std::vector<std::string> examples;  ///< first skipped rows / missing removals, "file:line: why"
};

/// Reads an edits file: a generic link CSV (source, target and, for additions, anchor, rel,
/// position, first/last seen: the columns read_links knows, or `options`' overrides) with an
/// `action` column holding `add` or `remove` (any case, surrounding spaces ignored). Rows come
/// out in file order. Errors follow options.skip_bad: strict throws parse_error "file:line:
/// reason" for a bad row or an action other than add/remove; lenient counts them in `report`.
/// @throws parse_error also (both modes) for a missing file, an empty file or a header without
///         source, target or action column.
std::vector<link_edit> read_link_edits(const std::string& path, const io::read_options& options,
                                       link_edit_report* report = nullptr);

/// Every row of a link file (any format read_links knows) as an edit with `action`.
std::vector<link_edit> read_links_as_edits(const std::string& path, edit_action action,
                                           const io::read_options& options);

/// An edited graph and how its ids relate to the old graph's.
struct edited_web_graph {
    web_graph graph;
    /// old id → new id, or invalid_id for a node dropped (it kept no link). Sizes: old counts.
    std::vector<node_id> page_map, host_map, domain_map;
    link_edit_report report;
    /// New ids of the pages at an end of an added link or of a removed link row (a dropped page
    /// left out), ascending, each once: the only pages whose link counts the edit changes.
    std::vector<node_id> touched_pages;
    static constexpr node_id invalid_id = ~node_id{0};
};

/// Applies `edits` to (a copy of) `g`. URLs are normalised, then consolidated as g was: an end
/// whose URL g resolved (g.redirects(), docs/redirects.md) names its final URL's page, and an
/// added row that thereby becomes a self-link is dropped (report.merged); the edited graph keeps
/// g's redirect table. Removals apply first, to the links of `g`: a remove row
/// deletes every link row from its source page to its target page (after normalisation; flags and
/// anchors do not matter). Additions are then appended, in order, as rows after g's input (so
/// parallel links keep the input order building would give). Pages that had links in `g` and
/// have none left are dropped, with hosts and domains left without pages; new URLs become pages
/// (new hosts and domains by g's suffix list). The result equals web_graph_builder on g's input
/// rows with the edits applied (the same page, host and domain ids and link order), except that
/// g's disavowed flags are kept, its stats hold g's counters updated by the edits, and a page
/// whose other rows in g's input were only to non-web targets (mailto:, …, not stored as links)
/// is dropped with its last link, where a rebuild would keep it.
/// A remove row that names no link of `g` (or a bad URL, in either kind of row) throws
/// parse_error "origin:line: reason" unless skip_bad (then counted in report, a no-op).
/// Cost: O(P + H + D + L) array copies (no URL of g is re-parsed) + O(E log E) for E edits.
edited_web_graph apply_link_edits(const web_graph& g, const std::vector<link_edit>& edits,
                                  bool skip_bad = false);

}  // namespace linkequity::web
