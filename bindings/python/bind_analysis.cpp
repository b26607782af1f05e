// SPDX-License-Identifier: MIT
// Binding of the backlink analysis (include/linkequity/analysis): link intersect, anchors, link
// profile, graph export tables and the HTML report, each computed once in C++ (domain authority
// with the default options) and returned as dicts of columns; linkequity/_analysis.py makes the
// DataFrames and networkx graphs. The GIL is released while computing.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "common.hpp"
#include "linkequity/analysis/anchors.hpp"
#include "linkequity/analysis/graph_export.hpp"
#include "linkequity/analysis/link_intersect.hpp"
#include "linkequity/analysis/profile.hpp"
#include "linkequity/analysis/report.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::python {
namespace {

using web::web_graph;

web::authority_result scores(const web_graph& g, bool hosts) {
    web::authority_options o;
    o.compute_hosts = hosts;
    return web::compute_authority(g, o);
}

py::dict link_intersect(const web_graph& g, const std::vector<std::string>& competitors,
                        const std::string& exclude, std::size_t min_targets) {
    analysis::link_intersect_options o;
    o.competitors = competitors;
    o.exclude = exclude;
    o.min_targets = min_targets;
    analysis::link_intersect_result r;
    {
        py::gil_scoped_release release;
        o.validate();
        const auto a = scores(g, false);
        r = analysis::link_intersect(g, a.domains, o);
    }
    const std::size_t n = r.rows.size(), k = r.competitors.size();
    std::vector<std::string> names;
    std::vector<double> authority;
    std::vector<std::uint32_t> targets;
    std::vector<std::uint64_t> links;
    py::array_t<bool> linked({static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(k)});
    auto lk = linked.mutable_unchecked<2>();
    for (std::size_t i = 0; i < n; ++i) {
        const auto& row = r.rows[i];
        names.emplace_back(g.domain_name(row.domain));
        authority.push_back(row.authority);
        targets.push_back(row.targets_linked);
        links.push_back(row.links);
        for (std::size_t c = 0; c < k; ++c) lk(i, c) = row.links_to[c];
    }
    py::dict d;
    d["competitors"] = r.competitors;
    d["exclude"] = r.exclude;
    d["domain"] = names;
    d["authority"] = array_from(std::move(authority));
    d["targets_linked"] = array_from(std::move(targets));
    d["linked"] = linked;
    d["links"] = array_from(std::move(links));
    return d;
}

py::dict anchors(const web_graph& g, const std::string& target,
                 const std::vector<std::string>& keywords, const std::string& level) {
    analysis::anchors_options o;
    o.keywords = keywords;
    if (level == "page") o.level = analysis::anchor_level::page;
    else if (level != "domain")
        throw std::invalid_argument(
            fmt::format("anchors: level must be 'domain' or 'page', got '{}'", level));
    analysis::anchors_result r;
    {
        py::gil_scoped_release release;
        r = analysis::anchors(g, target, o);
    }
    py::list anchor, cls, links, domains, share;
    for (const auto& row : r.rows) {
        anchor.append(row.anchor);
        cls.append(analysis::anchor_class_name(row.cls));
        links.append(row.links);
        domains.append(row.referring_domains);
        share.append(row.share);
    }
    py::list c_name, c_anchors, c_links, c_domains, c_share;
    for (const auto& c : r.classes) {
        c_name.append(analysis::anchor_class_name(c.cls));
        c_anchors.append(c.anchors);
        c_links.append(c.links);
        c_domains.append(c.referring_domains);
        c_share.append(c.share);
    }
    py::dict rows, classes, d;
    rows["anchor"] = anchor; rows["class"] = cls; rows["links"] = links;
    rows["referring_domains"] = domains; rows["share"] = share;
    classes["class"] = c_name; classes["anchors"] = c_anchors; classes["links"] = c_links;
    classes["referring_domains"] = c_domains; classes["share"] = c_share;
    d["rows"] = rows;
    d["classes"] = classes;
    d["target"] = r.target;
    d["brand"] = r.brand;
    d["links"] = r.links;
    d["referring_domains"] = r.referring_domains;
    return d;
}

py::dict profile_dict(const web_graph& g, const analysis::profile_result& r) {
    py::dict d;
    d["target"] = r.target; d["authority"] = r.authority; d["score"] = r.score; d["rank"] = r.rank;
    d["domains_in_graph"] = r.domains_in_graph; d["backlinks"] = r.backlinks;
    d["followable_backlinks"] = r.followable_backlinks; d["referring_domains"] = r.referring_domains;
    d["followable_referring_domains"] = r.followable_referring_domains;
    d["referring_pages"] = r.referring_pages; d["followable_share"] = r.followable_share;
    py::dict rel;
    rel["follow"] = r.follow; rel["nofollow"] = r.nofollow; rel["sponsored"] = r.sponsored;
    rel["ugc"] = r.ugc; rel["disavowed"] = r.disavowed;
    d["rel"] = rel;
    py::dict pos;
    for (std::size_t p = 0; p < r.positions.size(); ++p)
        pos[web::position_name(static_cast<link_position>(p))] = r.positions[p];
    d["positions"] = pos;
    py::dict bands;
    for (std::size_t b = 0; b < r.bands.size(); ++b)
        bands[py::str(fmt::format("{}-{}", 10 * b, 10 * b + 10))] = r.bands[b];
    d["authority_bands"] = bands;
    py::dict tlds;
    for (const auto& [s, n] : r.tlds) tlds[py::str(s)] = n;
    d["tlds"] = tlds;
    d["has_dates"] = r.has_dates; d["latest_seen"] = r.latest_seen;
    py::dict months;
    py::list m, nl, ll, nd, ld;
    for (const auto& row : r.months) {
        m.append(row.month); nl.append(row.new_links); ll.append(row.lost_links);
        nd.append(row.new_domains); ld.append(row.lost_domains);
    }
    months["month"] = m; months["new_domains"] = nd; months["lost_domains"] = ld;
    months["new_links"] = nl; months["lost_links"] = ll;
    d["months"] = months;
    d["sitewide_domains"] = r.sitewide_domains; d["sitewide_links"] = r.sitewide_links;
    py::dict top;
    py::list dom, auth, rank, links, fol, lp, dp, sw, fs, ls;
    for (const auto& row : r.top_domains) {
        dom.append(std::string(g.domain_name(row.domain))); auth.append(row.authority);
        rank.append(row.rank); links.append(row.links); fol.append(row.followable_links);
        lp.append(row.linking_pages); dp.append(row.domain_pages); sw.append(row.sitewide);
        fs.append(row.first_seen); ls.append(row.last_seen);
    }
    top["domain"] = dom; top["authority"] = auth; top["rank"] = rank; top["links"] = links;
    top["followable_links"] = fol; top["linking_pages"] = lp; top["domain_pages"] = dp;
    top["sitewide"] = sw; top["first_seen"] = fs; top["last_seen"] = ls;
    d["referring_domains_table"] = top;
    return d;
}

py::dict profile(const web_graph& g, const std::string& target, std::size_t top,
                 std::size_t sitewide_pages, std::size_t sitewide_min_pages, double sitewide_share) {
    analysis::profile_options o;
    o.top = top;
    o.sitewide_pages = sitewide_pages;
    o.sitewide_min_pages = sitewide_min_pages;
    o.sitewide_share = sitewide_share;
    analysis::profile_result r;
    {
        py::gil_scoped_release release;
        o.validate();
        const auto a = scores(g, false);
        r = analysis::link_profile(g, a.domains, target, o);
    }
    return profile_dict(g, r);
}

std::string report(const web_graph& g, const std::string& target,
                   const std::vector<std::string>& keywords, std::size_t top) {
    analysis::report_options o;
    o.keywords = keywords;
    o.top_domains = top;
    py::gil_scoped_release release;
    o.validate();
    const auto a = scores(g, false);
    return analysis::render_report(g, a, target, o);
}

py::dict export_tables(const web_graph& g, const std::string& level, std::size_t top,
                       double min_authority) {
    analysis::graph_export_options o;
    if (level == "host") o.level = analysis::export_level::host;
    else if (level != "domain")
        throw std::invalid_argument(
            fmt::format("to_networkx: level must be 'domain' or 'host', got '{}'", level));
    o.top = top;
    o.min_authority = min_authority;
    analysis::graph_export_tables t;
    {
        py::gil_scoped_release release;
        o.validate();
        const auto a = scores(g, o.level == analysis::export_level::host);
        t = analysis::graph_export_tables_of(g, o.level == analysis::export_level::host ? a.hosts : a.domains, o);
    }
    py::dict d;
    d["name"] = t.names;
    d["score"] = array_from(std::move(t.score));
    d["authority"] = array_from(std::move(t.authority));
    d["rank"] = array_from(std::move(t.rank));
    d["backlinks"] = array_from(std::move(t.backlinks));
    d["referring_domains"] = array_from(std::move(t.referring_domains));
    d["outgoing_links"] = array_from(std::move(t.outgoing_links));
    d["pages"] = array_from(std::move(t.pages));
    d["edge_source"] = array_from(std::move(t.edge_source));
    d["edge_target"] = array_from(std::move(t.edge_target));
    d["weight"] = array_from(std::move(t.weight));
    d["followable"] = array_from(std::move(t.followable));
    return d;
}

}  // namespace

void bind_analysis(py::module_& m) {
    m.def("analysis_link_intersect", &link_intersect, py::arg("graph"), py::arg("competitors"),
          py::arg("exclude") = "", py::arg("min_targets") = 1,
          "Link intersect as columns (see linkequity.WebGraph.link_intersect).");
    m.def("analysis_anchors", &anchors, py::arg("graph"), py::arg("target"),
          py::arg("keywords") = std::vector<std::string>{}, py::arg("level") = "domain",
          "Anchor table and class totals as columns (see linkequity.WebGraph.anchors).");
    m.def("analysis_profile", &profile, py::arg("graph"), py::arg("target"), py::arg("top") = 0,
          py::arg("sitewide_pages") = 10, py::arg("sitewide_min_pages") = 3,
          py::arg("sitewide_share") = 0.5, "Link profile (see linkequity.WebGraph.profile).");
    m.def("analysis_report", &report, py::arg("graph"), py::arg("target"),
          py::arg("keywords") = std::vector<std::string>{}, py::arg("top") = 25,
          "The self-contained HTML report as a str (see linkequity.WebGraph.report).");
    m.def("analysis_export_tables", &export_tables, py::arg("graph"), py::arg("level") = "domain",
          py::arg("top") = 0, py::arg("min_authority") = 0.0,
          "Nodes and weighted edges of the domain/host graph (see WebGraph.to_networkx).");
    m.def(
        "classify_anchor",
        [](const std::string& anchor, const std::vector<std::string>& keywords,
           const std::string& brand) {
            std::vector<std::string> k;
            for (const auto& s : keywords) k.push_back(analysis::normalize_anchor(s));
            return std::string(analysis::anchor_class_name(analysis::classify_anchor(anchor, k, brand)));
        },
        py::arg("anchor"), py::arg("keywords") = std::vector<std::string>{}, py::arg("brand") = "",
        "The class of one anchor: 'empty', 'url', 'exact', 'partial', 'branded', 'generic' or\n"
        "'other' (first match in that order; see docs/backlinks.md).");
    m.def("generic_anchors", &analysis::generic_anchors,
          "The documented generic anchors (normalized, sorted).");
}

}  // namespace linkequity::python
