// SPDX-License-Identifier: MIT
// add_trust_columns: per level, the graph authority scored (page_graph / contract), the seeds
// resolved onto it, then TrustRank, spam mass, CheiRank (and Anti-TrustRank) with authority's
// options, turned into table columns.
#include "linkequity/web/trust.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "linkequity/algo/cheirank.hpp"
#include "linkequity/algo/spam_mass.hpp"
#include "linkequity/algo/trustrank.hpp"
#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/web/contraction.hpp"

namespace linkequity::web {
namespace {

/// The seed nodes of the level a table describes.
const std::vector<node_id>& level_seeds(const seed_nodes& s, table_level level) {
    switch (level) {
        case table_level::pages: return s.pages;
        case table_level::hosts: return s.hosts;
        case table_level::domains: break;
    }
    return s.domains;
}

graph_level graph_level_of(table_level level) {
    switch (level) {
        case table_level::pages: return graph_level::page;
        case table_level::hosts: return graph_level::host;
        case table_level::domains: break;
    }
    return graph_level::domain;
}

spam_mass_options spam_options_of(const pagerank_options& po) {
    spam_mass_options s;
    s.damping = po.damping;
    s.tolerance = po.tolerance;
    s.max_iterations = po.max_iterations;
    s.weighted = po.weighted;
    s.excluded = po.excluded;
    s.excluded_links = po.excluded_links;
    return s;
}

table_column column(const char* name, std::vector<double> values, number_style style) {
    return {name, std::move(values), style};
}

/// trust_authority / max(authority, 1), node by node.
std::vector<double> ratio(const std::vector<double>& trust_authority,
                          const std::vector<double>& authority) {
    std::vector<double> r(trust_authority.size());
    for (std::size_t i = 0; i < r.size(); ++i)
        r[i] = trust_authority[i] / std::max(authority[i], 1.0);
    return r;
}

/// The columns of one level appended to `t`.
trust_level_report score_level(const web_graph& g, const authority_options& o,
                               const seed_nodes& trusted, const seed_nodes* spam,
                               score_table& t) {
    const detail::stopwatch timer;
    contraction_options co = contraction_of(o);
    co.use_position_weights = co.use_position_weights && t.level == table_level::pages;
    const csr_graph graph = contract(g, graph_level_of(t.level), co);
    if (graph.num_nodes() != t.rows.size())
        throw std::invalid_argument(fmt::format(
            "add_trust_columns: the {} table has {} rows, expected {}", table_level_name(t.level),
            t.rows.size(), graph.num_nodes()));
    pagerank_options po = o.pagerank;
    po.progress = nullptr;
    trust_level_report rep;
    pagerank_options seeded = po;
    seeded.dangling = dangling_policy::personalization;
    const seed_set good{level_seeds(trusted, t.level), {}};
    rep.trusted_seeds = good.nodes.size();
    const pagerank_result trust = trustrank(graph, good, seeded);
    rep.iterations = trust.iterations;
    const double floor = authority_floor(po.damping, trust.dangling_mass, trust.evaporated_mass,
                                         graph.num_nodes());
    std::vector<double> trust_authority = authority_scale(trust.scores, floor);
    const spam_mass_result mass = spam_mass(graph, good.nodes, spam_options_of(po));
    const pagerank_result chei = cheirank(graph, po);
    rep.converged = trust.converged && mass.converged && chei.converged;
    std::vector<double> trust_ratio = ratio(trust_authority, t.values<double>("authority"));
    t.columns.push_back(column("trust", trust.scores, number_style::scientific));
    t.columns.push_back(column("trust_authority", std::move(trust_authority),
                               number_style::fixed));
    t.columns.push_back(column("trust_ratio", std::move(trust_ratio), number_style::fixed));
    t.columns.push_back(column("spam_mass", mass.relative, number_style::scientific));
    if (spam) {
        const seed_set bad{level_seeds(*spam, t.level), {}};
        rep.spam_seeds = bad.nodes.size();
        const pagerank_result anti = anti_trustrank(graph, bad, seeded);
        rep.converged = rep.converged && anti.converged;
        t.columns.push_back(column("anti_trust", anti.scores, number_style::scientific));
    }
    t.columns.push_back(column("cheirank", chei.scores, number_style::scientific));
    rep.seconds = timer.seconds();
    return rep;
}

/// The seeds of `list` in g; throws when no entry names a node.
seed_nodes resolve_or_throw(const web_graph& g, const seed_list& list, const char* what) {
    seed_nodes s = resolve_seeds(g, list);
    if (s.domains.empty())
        throw std::invalid_argument(fmt::format(
            "{} seeds: none of the {} entries of {} is a domain, host or page of the graph{}",
            what, list.entries().size(), list.source(),
            list.entries().empty() ? ""
                                   : fmt::format(" (first: {})", list.entries().front().value)));
    return s;
}

}  // namespace

std::vector<std::string> trust_column_names(bool with_spam) {
    std::vector<std::string> names{"trust", "trust_authority", "trust_ratio", "spam_mass"};
    if (with_spam) names.push_back("anti_trust");
    names.push_back("cheirank");
    return names;
}

trust_report add_trust_columns(const web_graph& g, const authority_options& o,
                               const seed_list& trusted, const seed_list* spam,
                               score_table& pages, score_table& domains, score_table* hosts) {
    o.validate();
    trust_report rep;
    const seed_nodes good = resolve_or_throw(g, trusted, "trusted");
    rep.unmatched_trusted = good.unmatched;
    seed_nodes bad;
    if (spam) {
        bad = resolve_or_throw(g, *spam, "spam");
        rep.unmatched_spam = bad.unmatched;
    }
    const seed_nodes* bad_ptr = spam ? &bad : nullptr;
    rep.pages = score_level(g, o, good, bad_ptr, pages);
    rep.domains = score_level(g, o, good, bad_ptr, domains);
    if (hosts) rep.hosts = score_level(g, o, good, bad_ptr, *hosts);
    return rep;
}

}  // namespace linkequity::web
