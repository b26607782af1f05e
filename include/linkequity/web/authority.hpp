// SPDX-License-Identifier: MIT
// Page, host and domain authority exactly as docs/scores.md defines them: PageRank over the page
// graph and over its host / registrable-domain contractions, the versioned logarithmic 0–100 scale,
// ranks and per-node link counts (backlinks, referring pages and domains, outgoing links).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "linkequity/algo/pagerank.hpp"
#include "linkequity/span.hpp"
#include "linkequity/web/contraction.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::web {

/// Version of the 0–100 formula below. A future scale gets a new number; old numbers keep
/// their meaning (docs/scores.md, "The 0–100 authority scale").
inline constexpr int authority_scale_version = 1;

struct authority_options {
    /// The options of every PageRank run: damping, tolerance, max_iterations (200 here, not
    /// pagerank's 100), excluded flags, excluded_links (exclude: excluded links don't exist for
    /// scoring; evaporate: they count in the source's out-weight and their share is lost),
    /// solver, kernel... Dangling score is spread uniformly; the per-node vectors must stay
    /// empty (each level is a different graph). Its progress callback is called by every run
    /// (return false to cancel: compute_authority then throws cancelled_error).
    pagerank_options pagerank = default_pagerank();
    /// Page authority only: "reasonable surfer" weights by link position; empty (the default)
    /// = off, every followable link weighs 1.
    std::optional<position_weights> positions;
    /// Edge weights of the domain (and host) graph.
    domain_weight_mode domain_weights = domain_weight_mode::domains;
    bool compute_hosts = false;  ///< also host authority (full host names)
    /// Warm starts per level (C++ only, not in the option table; analysis::what_if sets them):
    /// empty = start from the teleport vector; else one value >= 0 per node of that level's
    /// graph, positive sum (pagerank() normalises it). The scores converge to the same fixed
    /// point; a start near it takes fewer iterations.
    std::vector<double> start_pages, start_hosts, start_domains;
    /// false: leave the link-count columns empty (C++ only; analysis::what_if carries the old
    /// counts over and recomputes those of the edited nodes with recount_links).
    bool compute_counts = true;
    /// Called from the calling thread as each pass of compute_authority starts (C++ only, not
    /// in the option table), with its name: "page graph", "page rank", "domain graph",
    /// "domain rank", "host graph", "host rank", "link counts". For progress displays; empty =
    /// not called.
    std::function<void(const char* pass)> on_pass;

    /// pagerank_options' defaults, except 200 iterations and a uniform dangling distribution.
    static pagerank_options default_pagerank() {
        pagerank_options p;
        p.max_iterations = 200;
        p.dangling = dangling_policy::uniform;
        return p;
    }

    /// @throws std::invalid_argument naming the option, its value and what is allowed.
    void validate() const;

    /// The option table (see pagerank_options::fields): pagerank's options except the
    /// per-node ones, flat (--damping, not --pagerank-damping), then authority's own.
    /// position_weights is a spec option ("footer=0.1,sidebar=0.4"; see is_spec_option).
    template <class Self, class Visitor>
    static void fields(Self& o, Visitor&& v) {
        pagerank_options::fields(o.pagerank, [&v](auto& member, const option_info& f) {
            if (!f.has(option_per_node)) v(member, f);
        });
        v(o.domain_weights, option_info("domain_weights", "Domain edge weights: domains (1 per "
                                        "linking pair) or links (1 + ln links)"));
        v(o.compute_hosts, option_info("hosts", "Also score hosts (full host names)"));
        v(o.positions, option_info("position_weights",
                                   "Reasonable-surfer page link weights by position: alone the "
                                   "defaults content=1,sidebar=0.5,navigation=0.3,header=0.3,"
                                   "footer=0.2,unknown=1, or a spec such as footer=0.1,sidebar=0.4 "
                                   "(unnamed positions keep their defaults); off by default"));
    }
};

/// The contraction options of the graphs compute_authority scores under `o`: its excluded
/// flags, its domain weight mode and (page graph only) its position weights. Every analysis
/// that must score the same graphs as `score` (explain, plan, trust) builds them with these.
contraction_options contraction_of(const authority_options& o);

/// Scores and link counts of one level (pages, hosts or domains), indexed by node id.
/// Link counts are over link rows (a page linking twice counts twice), self-links excluded:
///  - backlinks: links into the node from outside it (for a page: from any other page, internal
///    or external; for a host / domain: from other hosts / domains); followable_backlinks: those
///    not excluded;
///  - referring_pages: distinct pages outside the node linking to it;
///  - referring_domains: distinct registrable domains, other than the node's own, with a page
///    linking to it (followable_referring_domains: through a followable link);
///  - outgoing_links / followable_outgoing_links: links from the node to pages outside it.
struct authority_table {
    std::vector<double> score;         ///< raw PageRank, sums to 1
    std::vector<double> authority;     ///< 0–100 (authority_scale)
    std::vector<std::uint32_t> rank;   ///< 1 = best; equal scores share a rank (1, 2, 2, 4)
    std::vector<std::uint64_t> backlinks, followable_backlinks, referring_pages,
        referring_domains, followable_referring_domains, outgoing_links, followable_outgoing_links;
    double floor = 0;            ///< f: the score of a node no followable link reaches
    double dangling_mass = 0;    ///< D of the final scores
    double evaporated_mass = 0;  ///< Z of the final scores (0 in exclude mode)
    std::size_t nodes = 0, edges = 0;  ///< of the graph scored
    std::size_t iterations = 0;
    double residual = 0;
    bool converged = true;
    double seconds = 0;          ///< PageRank wall time

    std::size_t size() const noexcept { return score.size(); }
};

struct authority_result {
    authority_table pages, hosts, domains;  ///< hosts is empty unless compute_hosts
    int scale_version = authority_scale_version;
    double seconds_graphs = 0;  ///< building the page graph and contractions
    double seconds_counts = 0;  ///< link counts
};

/// Page authority (PageRank over page_graph: every followable link, internal and external),
/// domain authority (over contract(g, domain)) and, optionally, host authority, with uniform
/// teleport and dangling distribution, each put on the 0–100 scale and ranked.
/// Cost: O(L log L) for the contractions, O(iterations · (N + E)) per PageRank, O(L log L) for
/// the counts; parallel with OpenMP; identical on any thread count up to PageRank's 1e-15
/// reduction reordering. @throws std::invalid_argument for bad options; cancelled_error when
/// the progress callback stops a run.
authority_result compute_authority(const web_graph& g, const authority_options& options = {});

/// Recomputes the link-count columns of `t` (each already holding one entry per node of `level`
/// in g) for the listed nodes, exactly as compute_authority counts them with `excluded`; the
/// other entries are left as they are. What-if updates use it for the nodes an edit touched.
/// Cost: two passes over the link targets (an in-link index of the listed nodes' pages), one
/// over the pages for host and domain levels, plus the listed nodes' in- and out-links (sorted
/// per node); parallel over the nodes, the same on any thread count.
/// @throws std::invalid_argument when a column's size differs from the level's node count or a
///         node id is out of range.
void recount_links(const web_graph& g, graph_level level, const std::vector<node_id>& nodes,
                   edge_flags excluded, authority_table& t);

/// docs/scores.md's floor f = ((1 − α) + α·(D + Z)) / N: the score of a node that no followable
/// link reaches, with D the dangling mass and Z the evaporated mass of the final scores (Z = 0 in
/// exclude mode, which gives docs/scores.md's formula). N = 0 gives 0.
double authority_floor(double damping, double dangling_mass, double evaporated_mass,
                       std::size_t num_nodes);

/// The 0–100 scale, version 1: authority(x) = 100 · ln(x / f) / ln(x_max / f), clipped to
/// [0, 100]; scores within a relative 1e-9 of f are 0 (float noise of "unlinked").
/// When x_max <= f (nothing is linked) every authority is 0. O(n).
std::vector<double> authority_scale(span<const double> scores, double floor);

/// Competition ranks by descending score: 1 for the best, ties share the lower rank.
/// O(n log n), parallel sort.
std::vector<std::uint32_t> competition_ranks(span<const double> scores);

}  // namespace linkequity::web
