// SPDX-License-Identifier: MIT
// Link planning (docs/planning.md): which new followable link would raise a target's authority
// most, and a greedy plan of k links re-scored after each pick. plan_links() on any csr_graph
// (page, domain, or a site's subgraph with the caller's node map), and on the web model at page
// or domain level with targets and prospects given by name, or on one site's internal graph.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "linkequity/algo/link_gain.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::analysis {

struct plan_options {
    /// The gains' options: gain.pagerank is the PageRank every score and authority is of.
    link_gain_options gain;
    std::size_t links = 1;  ///< k: links in the greedy plan, >= 1
    std::size_t top = 50;   ///< rows of the first pick's ranking kept (0 = all)

    /// @throws std::invalid_argument naming the option, its value and what is allowed.
    void validate(std::size_t num_nodes) const;
};

/// One pick of the greedy plan, with the graph re-scored after it.
struct plan_step {
    node_id source = 0;
    double gain = 0;          ///< predicted by link_gain on the graph of the previous step
    double error_bound = 0;   ///< of that prediction
    bool existing = false;    ///< an excluded link made followable rather than a new link
    double score = 0;         ///< the target's score after this and the earlier picks (PageRank)
    double authority = 0;     ///< the target's 0–100 authority then
};

struct link_plan {
    node_id target = 0;
    double score_before = 0, authority_before = 0;
    /// 0–100 authority of every node before any link (web::authority_scale).
    std::vector<double> authority;
    /// The first pick's ranking: link_gain's rows, best first, the `top` best kept.
    std::vector<link_gain_row> candidates;
    std::size_t ranked = 0;   ///< candidates ranked for the first pick (before `top`)
    std::size_t skipped = 0;  ///< given candidates that already link followably (not ranked)
    std::vector<plan_step> steps;  ///< the picks; fewer than k when candidates run out
};

/// Ranks `candidates` (empty = every node without a followable link to `target`) by link_gain,
/// then plans `links` picks greedily: the best candidate's link is added (with_followable_link,
/// gain.link_weight, excluded bits gain.pagerank.excluded, gain.reweight_existing), the graph is
/// re-scored warm-started from the previous scores, the remaining candidates re-ranked, and so
/// on. Authority is web::authority_scale with the floor of each run's D and Z.
/// Works on any graph: planning internal links of a site is this call on the site's subgraph,
/// with the caller mapping node ids to its pages.
/// Cost: k link_gain calls (each one PageRank + shared solves + the pushes) + one PageRank + k
/// graph copies (O(n + m) each).
/// @throws std::invalid_argument as link_gain, or for links = 0.
link_plan plan_links(const csr_graph& g, node_id target, const std::vector<node_id>& candidates,
                     const plan_options& options = {});

/// The level a web plan is made at.
enum class plan_level { page, domain };
inline constexpr enum_spelling<plan_level> plan_level_names[] = {{plan_level::page, "page"},
                                                                 {plan_level::domain, "domain"}};
constexpr enum_names<plan_level> spellings(plan_level) { return make_enum_names(plan_level_names); }

struct web_plan_options {
    /// PageRank and domain-graph options, as compute_authority takes them (its defaults: 200
    /// iterations, uniform dangling distribution).
    web::authority_options authority;
    double relative_error = link_gain_options{}.relative_error;  ///< see link_gain_options
    std::size_t max_pushes = link_gain_options{}.max_pushes;
    double solve_tolerance = link_gain_options{}.solve_tolerance;
    plan_level level = plan_level::domain;
    std::size_t links = 1;  ///< k, >= 1
    std::size_t top = 50;   ///< ranking rows kept (0 = all)
    /// Non-empty: plan internal links of this site (a registrable domain or a host, as
    /// web::site_graph takes it) on its internal graph; `level` is then ignored (pages).
    std::string site;

    /// @throws std::invalid_argument naming the option, its value and what is allowed.
    void validate() const;

    /// The option table: PageRank's (not the per-node ones), domain_weights, the gains' own.
    template <class Self, class Visitor>
    static void fields(Self& o, Visitor&& v) {
        pagerank_options::fields(o.authority.pagerank, [&v](auto& member, const option_info& f) {
            if (!f.has(option_per_node)) v(member, f);
        });
        v(o.authority.domain_weights, option_info("domain_weights", "Domain edge weights: "
                                                  "domains (1 per linking pair) or links (1 + "
                                                  "ln links)"));
        v(o.relative_error, option_info("relative_error", "Refine each candidate until its "
                                        "gain's error bound is at most this share of the gain")
                                .above(0));
        v(o.max_pushes, option_info("max_pushes", "Cap on the backward pushes per candidate")
                            .at_least(1));
        v(o.solve_tolerance, option_info("solve_tolerance", "Error bound at which the shared "
                                         "solves stop").above(0));
    }
};

/// A web plan: the graph-level plan, with the level its node ids belong to.
struct web_link_plan {
    plan_level level = plan_level::domain;
    link_plan plan;
    /// A site plan: the site's name (as the graph spells it) and the page id of each site node
    /// (plan's node ids are site nodes, its authority the site graph's). Empty otherwise.
    std::string site;
    std::vector<node_id> site_pages;
    /// The name of node `id` of the level: a registrable domain or a page URL.
    std::string_view name(const web::web_graph& g, node_id id) const {
        if (!site.empty()) return g.page_url(site_pages[id]);
        return level == plan_level::domain ? g.domain_name(id) : g.page_url(id);
    }
};

/// plan_links on the web model. Domain level: the domain graph (web::contract, weights by
/// authority.domain_weights); a candidate domain's new followable link makes a domain edge of
/// weight 1 in either weight mode (1 + ln 1 = 1), and an excluded domain edge becomes that.
/// Page level: the page graph; a new link weighs 1. `target` and `candidates` are names:
/// domains, hosts or URLs at domain level (each mapped to its registrable domain), URLs at page
/// level (normalised); empty candidates = every node of the level.
/// Site mode (options.site non-empty, docs/site.md): the graph is web::site_graph(g, site,
/// excluded) — the followable internal links between the site's pages only, teleport and
/// dangling uniform over them — and `target` and `candidates` are page URLs of the site (empty
/// candidates = every site page without a followable internal link to the target); gains are
/// internal-authority gains, authority on the site graph's 0–100 scale (web::site_authority's).
/// Result node ids are site nodes (web_link_plan::site_pages maps them to pages).
/// @throws std::invalid_argument for an unknown target or candidate (named), the target among
///         the candidates, bad options; in site mode also an unknown site, and a target or
///         candidate that is not a page of the site (named, with the site).
web_link_plan plan_links(const web::web_graph& g, std::string_view target,
                         const std::vector<std::string>& candidates,
                         const web_plan_options& options = {});

}  // namespace linkequity::analysis
