// SPDX-License-Identifier: MIT
// Site mode: the site's pages (a domain's hosts, or one host), the graph of their internal links
// (built by graph_builder, which merges parallel links as page_graph does), one PageRank of it,
// the internal link counts, orphans, dead ends, and the site table.
#include "linkequity/web/site.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "linkequity/graph/builder.hpp"

namespace linkequity::web {
namespace {

/// `site` as a host name: lowercase, no spaces, scheme, port, path or trailing dot.
std::string clean_site(std::string_view site) {
    std::string s;
    for (char c : site) s.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    const auto first = s.find_first_not_of(" \t");
    s.erase(0, first == std::string::npos ? s.size() : first);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    if (const auto scheme = s.find("://"); scheme != std::string::npos) s.erase(0, scheme + 3);
    s = s.substr(0, s.find('/'));
    if (!s.empty() && s.front() != '[') s = s.substr(0, s.find(':'));
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

/// The site's kind, name and pages (ascending).
void find_site_pages(const web_graph& g, std::string_view site, site_subgraph& out) {
    const std::string name = clean_site(site);
    if (name.empty()) throw std::invalid_argument("site_graph: site is empty");
    if (const auto d = g.find_domain(name)) {
        out.kind = site_kind::domain;
        out.site = std::string(g.domain_name(*d));
        for (node_id h = 0; h < g.num_hosts(); ++h) {
            if (g.domain_of_host(h) != *d) continue;
            const auto [b, e] = g.host_pages(h);
            for (node_id p = b; p < e; ++p) out.pages.push_back(p);
        }
    } else if (const auto h = g.find_host(name)) {
        out.kind = site_kind::host;
        out.site = std::string(g.host_name(*h));
        const auto [b, e] = g.host_pages(*h);
        for (node_id p = b; p < e; ++p) out.pages.push_back(p);
    } else {
        throw std::invalid_argument(fmt::format(
            "site_graph: site '{}' is not a domain or host of the links", site));
    }
}

/// Every link between two distinct site pages: (source node, target node, flags, link id).
template <class F>
void for_each_internal_link(const web_graph& g, const site_subgraph& s, F&& f) {
    const auto offs = g.link_offsets();
    const auto dst = g.link_targets();
    for (node_id i = 0; i < s.pages.size(); ++i) {
        const node_id p = s.pages[i];
        for (edge_offset l = offs[p]; l < offs[p + 1]; ++l) {
            if (dst[l] == p) continue;
            const node_id j = s.node_of(dst[l]);
            if (j != static_cast<node_id>(-1)) f(i, j, l);
        }
    }
}

}  // namespace

const char* site_kind_name(site_kind kind) noexcept {
    return kind == site_kind::domain ? "domain" : "host";
}

node_id site_subgraph::node_of(node_id page) const {
    const auto it = std::lower_bound(pages.begin(), pages.end(), page);
    return it != pages.end() && *it == page ? static_cast<node_id>(it - pages.begin())
                                            : static_cast<node_id>(-1);
}

site_subgraph site_graph(const web_graph& g, std::string_view site, edge_flags excluded) {
    site_subgraph s;
    find_site_pages(g, site, s);
    std::vector<node_id> src, dst;
    std::vector<edge_flags> fl;
    const auto flags = g.link_flags();
    for_each_internal_link(g, s, [&](node_id i, node_id j, edge_offset l) {
        src.push_back(i);
        dst.push_back(j);
        fl.push_back(flags[l]);
    });
    build_options b;
    b.merge_excluded = excluded;
    s.graph = build_graph(s.pages.size(), src, dst, fl, {}, b);
    return s;
}

site_authority_result site_authority(const web_graph& g, std::string_view site,
                                     const authority_options& o) {
    o.validate();
    site_authority_result r;
    r.site = site_graph(g, site, o.pagerank.excluded);
    const std::size_t n = r.site.pages.size();
    const pagerank_result pr = pagerank(r.site.graph, o.pagerank);
    authority_table& t = r.table;
    t.nodes = n;
    t.edges = r.site.graph.num_edges();
    t.iterations = pr.iterations;
    t.residual = pr.residual;
    t.converged = pr.converged;
    t.seconds = pr.seconds;
    t.score = pr.scores;
    t.dangling_mass = pr.dangling_mass;
    t.evaporated_mass = pr.evaporated_mass;
    t.floor = authority_floor(o.pagerank.damping, t.dangling_mass, t.evaporated_mass, n);
    t.authority = authority_scale(t.score, t.floor);
    t.rank = competition_ranks(t.score);

    r.internal_in_links.assign(n, 0);
    r.internal_out_links.assign(n, 0);
    const auto flags = g.link_flags();
    const edge_flags excluded = o.pagerank.excluded;
    for_each_internal_link(g, r.site, [&](node_id i, node_id j, edge_offset l) {
        if (flags[l] & excluded) return;
        ++r.internal_out_links[i];
        ++r.internal_in_links[j];
        ++r.internal_links;
    });
    for (node_id i : rank_order(t.rank)) {
        if (r.internal_in_links[i] == 0) r.orphans.push_back(i);
        if (r.internal_out_links[i] == 0) r.dead_ends.push_back(i);
    }
    return r;
}

score_table make_site_table(const web_graph& g, const site_authority_result& s,
                            const score_table* pages) {
    const std::vector<node_id>& ids = s.site.pages;
    const std::size_t n = ids.size();
    score_table t;
    t.level = table_level::pages;
    t.rows = rank_order(s.table.rank);
    std::vector<node_id> host(n), domain(n);
    for (std::size_t i = 0; i < n; ++i) {
        host[i] = g.host_of(ids[i]);
        domain[i] = g.domain_of(ids[i]);
    }
    t.columns.push_back({"url", name_ids{table_level::pages, ids}, number_style::plain});
    t.columns.push_back({"host", name_ids{table_level::hosts, host}, number_style::plain});
    t.columns.push_back({"domain", name_ids{table_level::domains, domain}, number_style::plain});
    t.columns.push_back({"score", s.table.score, number_style::scientific});
    t.columns.push_back({"authority", s.table.authority, number_style::fixed});
    t.columns.push_back({"rank", s.table.rank, number_style::plain});
    if (pages) {
        const auto names = table_column_names(table_level::pages);
        for (auto it = std::find(names.begin(), names.end(), "backlinks"); it != names.end();
             ++it) {
            const auto& all = pages->values<std::uint64_t>(*it);
            std::vector<std::uint64_t> v(n);
            for (std::size_t i = 0; i < n; ++i) v[i] = all[ids[i]];
            t.columns.push_back({*it, std::move(v), number_style::plain});
        }
    }
    t.columns.push_back({"internal_in_links", s.internal_in_links, number_style::plain});
    t.columns.push_back({"internal_out_links", s.internal_out_links, number_style::plain});
    std::vector<std::int64_t> orphan(n, 0), dead_end(n, 0);
    for (node_id i : s.orphans) orphan[i] = 1;
    for (node_id i : s.dead_ends) dead_end[i] = 1;
    t.columns.push_back({"orphan", std::move(orphan), number_style::plain});
    t.columns.push_back({"dead_end", std::move(dead_end), number_style::plain});
    return t;
}

score_table filter_rows(const score_table& t, const std::vector<node_id>& nodes) {
    score_table out;
    out.level = t.level;
    out.columns = t.columns;
    std::vector<char> keep;
    for (node_id x : nodes) {
        if (x >= keep.size()) keep.resize(x + 1, 0);
        keep[x] = 1;
    }
    for (node_id x : t.rows)
        if (x < keep.size() && keep[x]) out.rows.push_back(x);
    return out;
}

}  // namespace linkequity::web
