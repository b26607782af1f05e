// SPDX-License-Identifier: MIT
// explain(): the level's graph as compute_authority builds it, contributions() of the target on
// it, the 0–100 authority of every node, the link counts into the target from the web graph's
// links, and the rows sorted by the documented rule.
#include "linkequity/analysis/explain.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "linkequity/algo/contributions.hpp"
#include "linkequity/analysis/link_intersect.hpp"
#include "linkequity/web/contraction.hpp"
#include "linkequity/web/url.hpp"

namespace linkequity::analysis {
namespace {

/// The target's node at the level, and its name.
node_id resolve_target(const web::web_graph& g, std::string_view target, explain_level level,
                       std::string& name) {
    if (level == explain_level::domain) {
        const node_id d = resolve_domain(g, target, "explain", "target");
        name = std::string(g.domain_name(d));
        return d;
    }
    const auto p = g.find_page(target);
    if (!p)
        throw std::invalid_argument(
            fmt::format("explain: target '{}' is not a page of the links", target));
    name = std::string(g.page_url(*p));
    return *p;
}

/// Links (and followable links) into the target from every other node of the level.
void count_links_into(const web::web_graph& g, const explain_result& r, edge_flags excluded,
                      std::vector<std::uint64_t>& links, std::vector<std::uint64_t>& followable) {
    const auto src = g.link_sources(), dst = g.link_targets();
    const auto fl = g.link_flags();
    const bool page = r.level == explain_level::page;
    for (std::size_t l = 0; l < g.num_links(); ++l) {
        const node_id to = page ? dst[l] : g.domain_of(dst[l]);
        if (to != r.target) continue;
        const node_id from = page ? src[l] : g.domain_of(src[l]);
        if (from == r.target) continue;
        ++links[from];
        followable[from] += (fl[l] & excluded) == 0;
    }
}

/// The level's graph, as compute_authority builds it.
csr_graph level_graph(const web::web_graph& g, const explain_options& o) {
    const web::contraction_options co = web::contraction_of(o.authority);
    return o.level == explain_level::page ? web::page_graph(g, co)
                                          : web::contract(g, web::graph_level::domain, co);
}

}  // namespace

const char* explain_level_name(explain_level level) noexcept {
    return level == explain_level::page ? "page" : "domain";
}

explain_level parse_explain_level(std::string_view name) {
    if (name == "domain") return explain_level::domain;
    if (name == "page") return explain_level::page;
    throw std::invalid_argument(
        fmt::format("explain: level must be 'domain' or 'page', got '{}'", name));
}

void explain_options::validate() const { authority.validate(); }

explain_result explain(const web::web_graph& g, std::string_view target,
                       const explain_options& o) {
    o.validate();
    explain_result r;
    r.level = o.level;
    r.target = resolve_target(g, target, o.level, r.target_name);
    const csr_graph graph = level_graph(g, o);
    const pagerank_options& po = o.authority.pagerank;
    const contributions_result c = contributions(graph, r.target, po);
    const std::size_t n = graph.num_nodes();
    const double floor = web::authority_floor(po.damping, c.pagerank.dangling_mass,
                                              c.pagerank.evaporated_mass, n);
    const std::vector<double> authority = web::authority_scale(c.pagerank.scores, floor);
    r.score = c.score;
    r.authority = authority[r.target];
    r.self = c.all_paths[r.target];
    r.restart = c.restart;
    for (std::size_t j = 0; j < n; ++j) {
        r.one_hop_total += c.one_hop[j];
        r.explained += c.all_paths[j];
    }
    r.iterations = c.pagerank.iterations + c.iterations;
    r.converged = c.converged;

    std::vector<std::uint64_t> links(n, 0), followable(n, 0);
    count_links_into(g, r, po.excluded, links, followable);
    for (node_id j = 0; j < n; ++j) {
        if (j == r.target || (c.all_paths[j] <= 0 && links[j] == 0)) continue;
        r.referrers += links[j] > 0;
        r.rows.push_back({j, c.all_paths[j], r.score > 0 ? c.all_paths[j] / r.score : 0.0,
                          c.one_hop[j], links[j], followable[j], c.pagerank.scores[j],
                          authority[j]});
    }
    r.contributors = r.rows.size();
    const auto better = [](const explain_row& a, const explain_row& b) {
        if (a.all_paths != b.all_paths) return a.all_paths > b.all_paths;
        if (a.one_hop != b.one_hop) return a.one_hop > b.one_hop;
        if (a.links != b.links) return a.links > b.links;
        return a.node < b.node;
    };
    const std::size_t keep = o.top == 0 ? r.rows.size() : std::min(o.top, r.rows.size());
    std::partial_sort(r.rows.begin(), r.rows.begin() + static_cast<std::ptrdiff_t>(keep),
                      r.rows.end(), better);
    r.rows.resize(keep);
    return r;
}

}  // namespace linkequity::analysis
