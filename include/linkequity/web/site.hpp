// SPDX-License-Identifier: MIT
// Site mode (docs/site.md, DESIGN "Site mode"): one site's pages (a registrable domain or a host)
// and the graph of the internal links between them (site_graph, reusable by internal-link
// planning), its internal PageRank on the 0–100 scale of that graph, each page's internal
// followable in- and out-links, orphans and dead ends (site_authority), and the site table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/tables.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::web {

/// Whether a site is a registrable domain (all its hosts) or one host.
enum class site_kind { domain, host };

/// "domain" or "host".
const char* site_kind_name(site_kind kind) noexcept;

/// A site's pages and the graph of its internal links. Node i of `graph` is page pages[i].
struct site_subgraph {
    std::string site;            ///< the domain or host name, as the graph spells it
    site_kind kind = site_kind::domain;
    std::vector<node_id> pages;  ///< page id of each site node, ascending
    /// One edge i → j per pair of distinct site pages with at least one link pages[i] →
    /// pages[j] (as page_graph: parallel links once, self-links dropped, an edge followable
    /// when one of its links is, flags kept so evaporate mode sees excluded edges). Unweighted.
    csr_graph graph;

    /// The site node of page id `page`, or -1 (as node_id) when the page is not on the site.
    /// O(log pages).
    node_id node_of(node_id page) const;
};

/// The pages of `site` and their internal links. `site` is a registrable domain (every page of
/// its hosts) or, when it is not one, a host (its pages only): `example.com` is the whole
/// domain, `blog.example.com` one host. Case, surrounding spaces, a scheme (`https://`), a path
/// and a trailing dot are ignored. `excluded`: the bits that make a link non-followable when
/// parallel links are merged (as contraction_options::excluded).
/// Cost: O(site pages + their links) plus a sort of the site's edges; O(hosts) to find a domain's.
/// @throws std::invalid_argument "site_graph: site 'x' is not a domain or host of the links"
///         (or "... site is empty").
site_subgraph site_graph(const web_graph& g, std::string_view site,
                         edge_flags excluded = flags::default_excluded);

/// Internal authority of one site (DESIGN "Site mode"), per site node.
struct site_authority_result {
    site_subgraph site;
    /// score, authority (0–100 of the site graph: floor ((1 − α) + α(D + Z)) / pages), rank and
    /// the run's scalars; its link-count vectors are empty (see the counts below).
    authority_table table;
    /// Followable link rows from other pages of the site into the page (self-links excluded).
    std::vector<std::uint64_t> internal_in_links;
    /// Followable link rows from the page to other pages of the site.
    std::vector<std::uint64_t> internal_out_links;
    std::vector<node_id> orphans;    ///< site nodes with internal_in_links = 0, by rank
    std::vector<node_id> dead_ends;  ///< site nodes with internal_out_links = 0, by rank
    std::uint64_t internal_links = 0;  ///< followable internal link rows in all
};

/// PageRank over site_graph(g, site, options.pagerank.excluded) with options.pagerank (teleport
/// and dangling distribution uniform over the site's pages; excluded_links mode as given), on
/// the 0–100 scale of that graph, ranked; plus internal link counts, orphans and dead ends.
/// Position weights and domain weights do not apply (the site graph is unweighted).
/// Cost: site_graph's plus one PageRank of the site graph.
/// @throws std::invalid_argument for an unknown site or bad options (authority_options::validate).
site_authority_result site_authority(const web_graph& g, std::string_view site,
                                     const authority_options& options = {});

/// The site table, one row per site page, best first (rank, ties by page id): url, host, domain,
/// score, authority, rank (the site's internal ones), then — when `pages` (the page table of the
/// whole graph, make_score_table(g, pages, …)) is given — its link-count columns for the page
/// (backlinks … followable_outgoing_links, whole-graph meaning), then internal_in_links,
/// internal_out_links, orphan and dead_end (1 or 0). Node ids of the table are site nodes.
/// @throws std::out_of_range when `pages` lacks a count column.
score_table make_site_table(const web_graph& g, const site_authority_result& s,
                            const score_table* pages = nullptr);

/// The rows of `t` whose node is in `nodes`, in t's order (the columns are copied). O(size).
score_table filter_rows(const score_table& t, const std::vector<node_id>& nodes);

}  // namespace linkequity::web
