// SPDX-License-Identifier: MIT
// From the web model to the graphs PageRank runs on: the page graph (parallel links merged, self-
// links dropped, flags kept) and its contractions to hosts and registrable domains (docs/scores.md
// "Domain authority": D1 → D2 for D1 ≠ D2 when some page of D1 links to a page of D2; weights
// `domains` = 1 per pair or `links` = 1 + ln(number of links)). Also "reasonable surfer" weights.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/graph/edge_flags.hpp"
#include "linkequity/options.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::web {

/// "Reasonable surfer" weights by link position (off by default; see contraction_options).
/// A link passes equity in proportion to how likely a reader is to click it. The defaults follow
/// the reasoning of Google's reasonable-surfer patent (US 7,716,225) and click studies:
///  - content 1.0: editorial links in the body text are the ones readers follow;
///  - sidebar 0.5: related-content boxes are clicked, but less than body text;
///  - navigation 0.3, header 0.3: site-wide menus repeated on every page, rarely clicked per page;
///  - footer 0.2: boilerplate (legal, sitemap) links, the least clicked;
///  - unknown 1.0: no information, so treated like content — a file without a position column
///    scores exactly as with weights off.
struct position_weights {
    float unknown = 1.0f, content = 1.0f, navigation = 0.3f, header = 0.3f, footer = 0.2f,
          sidebar = 0.5f;

    float of(link_position p) const noexcept;
    /// Parses "content=1,sidebar=0.5,footer=0.1" (unnamed positions keep their defaults).
    /// @throws std::invalid_argument naming the bad entry: unknown position, value not a finite
    ///         number >= 0.
    static position_weights parse(std::string_view spec);
    /// "unknown=1,content=1,navigation=0.3,header=0.3,footer=0.2,sidebar=0.5".
    std::string to_string() const;
};

/// How host and domain graph edges are weighted (docs/scores.md, "Domain authority").
enum class domain_weight_mode {
    domains,  ///< 1 per linking pair: a referring domain counts once (the default)
    links,    ///< 1 + ln(number of followable page links D1 → D2)
};
inline constexpr enum_spelling<domain_weight_mode> domain_weight_mode_names[] = {
    {domain_weight_mode::domains, "domains"}, {domain_weight_mode::links, "links"}};
constexpr enum_names<domain_weight_mode> spellings(domain_weight_mode) {
    return make_enum_names(domain_weight_mode_names);
}

/// Which nodes a contracted graph has.
enum class graph_level { page, host, domain };

struct contraction_options {
    /// Links carrying any of these bits are not followable (as pagerank_options::excluded).
    edge_flags excluded = flags::default_excluded;
    /// Weights of host/domain edges.
    domain_weight_mode weights = domain_weight_mode::domains;
    /// Page graph only: weight edges by position_weights (reasonable surfer).
    bool use_position_weights = false;
    position_weights positions;
};

/// The page graph: one edge s → t per pair of distinct pages with at least one link s → t
/// (parallel links count once, self-links dropped). An edge is followable when at least one of
/// its links is: its flags are then the AND of the followable links' flags, else the OR of all
/// links' flags (so it carries an excluded bit, and evaporate mode still sees it).
/// With position weights, an edge weighs its most prominent followable link's weight (any link's
/// when none is followable); otherwise the graph is unweighted.
/// Cost: O(P + L) plus graph_builder's counting sorts (the edges come in (s, t) order: one
/// sort); the links are merged in one part per thread, counted and then written, so the
/// arrays are the page edges' exact size. @throws std::invalid_argument for negative
/// or non-finite position weights.
csr_graph page_graph(const web_graph& g, const contraction_options& options = {});

/// The host (full host name) or registrable-domain graph: an edge X → Y (X ≠ Y) when some page
/// of X has a link to a page of Y, counting each page pair once (as in page_graph). The edge is
/// followable when one of those page edges is; its weight is 1 (`domains`) or 1 + ln(k) with k
/// the number of followable page edges X → Y (or of all of them, for a non-followable edge, so
/// evaporate mode can weigh it). Flags as in page_graph; host edges inside one domain keep
/// flags::internal. graph_level::page returns page_graph(g, options).
/// Cost: O(L) to collect the pairs (the links in one part per thread, counted, then written
/// into an array of the pairs' exact size), a parallel sort of the cross-node pairs, O(pairs)
/// to merge. The same graph on any thread count.
csr_graph contract(const web_graph& g, graph_level level, const contraction_options& options = {});

}  // namespace linkequity::web
