// SPDX-License-Identifier: MIT
// plan_links: the first pick's ranking by link_gain, then the greedy plan (add the best link,
// re-score warm-started, re-rank the rest), on a csr_graph or on the web model's page or domain
// graph with names resolved to ids, or on one site's internal graph (site mode).
#include "linkequity/analysis/plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "linkequity/analysis/link_intersect.hpp"
#include "linkequity/web/contraction.hpp"
#include "linkequity/web/site.hpp"
#include "linkequity/web/url.hpp"

namespace linkequity::analysis {
namespace {

/// The target's authority under the run `r` of a graph with n nodes.
double authority_of(const pagerank_result& r, double damping, node_id t, std::vector<double>* all) {
    const double floor =
        web::authority_floor(damping, r.dangling_mass, r.evaporated_mass, r.scores.size());
    std::vector<double> a = web::authority_scale(r.scores, floor);
    const double at = a.empty() ? 0.0 : a[t];
    if (all) *all = std::move(a);
    return at;
}

}  // namespace

void plan_options::validate(std::size_t num_nodes) const {
    gain.validate(num_nodes);
    if (links < 1)
        throw std::invalid_argument(fmt::format("plan_links: links must be >= 1, got {}", links));
}

link_plan plan_links(const csr_graph& g, node_id target, const std::vector<node_id>& candidates,
                     const plan_options& o) {
    o.validate(g.num_nodes());
    link_plan plan;
    plan.target = target;
    link_gain_options go = o.gain;
    link_gain_result r = link_gain(g, target, candidates, go);
    plan.score_before = r.score;
    plan.authority_before = authority_of(r.pagerank, go.pagerank.damping, target, &plan.authority);
    plan.ranked = r.rows.size();
    plan.skipped = r.skipped;
    plan.candidates = r.rows;
    if (o.top > 0 && plan.candidates.size() > o.top) plan.candidates.resize(o.top);
    std::vector<node_id> pool = candidates;
    csr_graph current;
    const csr_graph* graph = &g;
    for (std::size_t step = 0; step < o.links && !r.rows.empty(); ++step) {
        const link_gain_row pick = r.rows.front();
        current = with_followable_link(*graph, pick.source, target, go.link_weight,
                                       go.pagerank.excluded, go.reweight_existing);
        graph = &current;
        pool.erase(std::remove(pool.begin(), pool.end(), pick.source), pool.end());
        go.pagerank.start = r.pagerank.scores;  // warm start
        plan_step s;
        s.source = pick.source;
        s.gain = pick.gain;
        s.error_bound = pick.error_bound;
        s.existing = pick.existing;
        if (step + 1 < o.links && (candidates.empty() || !pool.empty())) {
            r = link_gain(current, target, pool, go);  // its PageRank is this step's re-score
            s.score = r.score;
            s.authority = authority_of(r.pagerank, go.pagerank.damping, target, nullptr);
        } else {
            const pagerank_result pr = pagerank(current, go.pagerank);
            s.score = pr.scores[target];
            s.authority = authority_of(pr, go.pagerank.damping, target, nullptr);
            r.rows.clear();
        }
        plan.steps.push_back(s);
    }
    return plan;
}

void web_plan_options::validate() const {
    authority.validate();
    check_fields(*this, "plan_links");
    if (links < 1)
        throw std::invalid_argument(fmt::format("plan_links: links must be >= 1, got {}", links));
}

namespace {

node_id resolve_page(const web::web_graph& g, std::string_view url, std::string_view what) {
    const web::normalized_url u = web::normalize_url(url);
    if (u.ok())
        if (auto p = g.find_page(u.url)) return *p;
    throw std::invalid_argument(
        fmt::format("plan_links: {} '{}' is not a page of the links", what, url));
}

node_id resolve(const web::web_graph& g, plan_level level, std::string_view name,
                std::string_view what) {
    return level == plan_level::domain ? resolve_domain(g, name, "plan_links", what)
                                       : resolve_page(g, name, what);
}

/// The graph-level options of a web plan; `reweight`: an excluded edge made followable weighs 1.
plan_options graph_options(const web_plan_options& o, bool reweight) {
    plan_options po;
    po.gain.pagerank = o.authority.pagerank;
    po.gain.relative_error = o.relative_error;
    po.gain.max_pushes = o.max_pushes;
    po.gain.solve_tolerance = o.solve_tolerance;
    po.gain.link_weight = 1.0;
    po.gain.reweight_existing = reweight;
    po.links = o.links;
    po.top = o.top;
    return po;
}

/// The site node of page URL `url`; throws naming it when it is not a page of the site.
node_id resolve_site_page(const web::web_graph& g, const web::site_subgraph& s,
                          std::string_view url, std::string_view what) {
    const node_id node = s.node_of(resolve_page(g, url, what));
    if (node == static_cast<node_id>(-1))
        throw std::invalid_argument(fmt::format("plan_links: {} '{}' is not a page of site '{}'",
                                                what, url, s.site));
    return node;
}

/// Site mode: plan_links on site_graph(g, o.site), names resolved to site nodes.
web_link_plan plan_site_links(const web::web_graph& g, std::string_view target,
                              const std::vector<std::string>& candidates,
                              const web_plan_options& o) {
    web::site_subgraph s = web::site_graph(g, o.site, o.authority.pagerank.excluded);
    web_link_plan out;
    out.level = plan_level::page;
    const node_id t = resolve_site_page(g, s, target, "target");
    std::vector<node_id> ids;
    ids.reserve(candidates.size());
    for (const auto& c : candidates) {
        const node_id id = resolve_site_page(g, s, c, "candidate");
        if (id == t)
            throw std::invalid_argument(fmt::format(
                "plan_links: candidate '{}' is the target {} itself", c, g.page_url(s.pages[t])));
        ids.push_back(id);
    }
    out.plan = plan_links(s.graph, t, ids, graph_options(o, false));
    out.site = std::move(s.site);
    out.site_pages = std::move(s.pages);
    return out;
}

}  // namespace

web_link_plan plan_links(const web::web_graph& g, std::string_view target,
                         const std::vector<std::string>& candidates, const web_plan_options& o) {
    o.validate();
    if (!o.site.empty()) return plan_site_links(g, target, candidates, o);
    web_link_plan out;
    out.level = o.level;
    const node_id t = resolve(g, o.level, target, "target");
    std::vector<node_id> ids;
    ids.reserve(candidates.size());
    for (const auto& c : candidates) {
        const node_id id = resolve(g, o.level, c, "candidate");
        if (id == t)
            throw std::invalid_argument(fmt::format(
                "plan_links: candidate '{}' is the target {} itself", c, out.name(g, t)));
        ids.push_back(id);
    }
    const web::contraction_options co = web::contraction_of(o.authority);
    const csr_graph graph = o.level == plan_level::domain
                                ? web::contract(g, web::graph_level::domain, co)
                                : web::page_graph(g, co);
    out.plan = plan_links(graph, t, ids, graph_options(o, o.level == plan_level::domain));
    return out;
}

}  // namespace linkequity::analysis
