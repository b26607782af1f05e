// SPDX-License-Identifier: MIT
// Binding of what-if and diff (analysis/what_if.hpp, analysis/web_diff.hpp): link edits from files
// or columns (LinkEditsCore), the before-scores kept opaque for repeated what-ifs (ScoresCore),
// and the results as dicts of columns that linkequity/_what_if.py makes into DataFrames.
// The GIL is released while editing and scoring.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "linkequity/analysis/web_diff.hpp"
#include "linkequity/analysis/what_if.hpp"
#include "linkequity/web/disavow.hpp"
#include "linkequity/web/tables.hpp"

namespace linkequity::python {
namespace {

using web::web_graph;
using edit_list = std::vector<web::link_edit>;

/// The edits of one what-if, held by Python (a struct, so that pybind11's list conversion of
/// std::vector does not apply).
struct link_edits_core {
    edit_list edits;
};

web::edit_action parse_action(const std::string& a) {
    if (a == "add") return web::edit_action::add;
    if (a == "remove") return web::edit_action::remove;
    throw std::invalid_argument(fmt::format("what_if: action must be 'add' or 'remove', got '{}'", a));
}

/// Edits from columns of str (one row per link; None = empty); rows numbered from 1.
void add_columns(link_edits_core& core, const std::string& action, const std::string& name,
                 const std::vector<std::optional<std::string>>& sources,
                 const std::vector<std::optional<std::string>>& targets,
                 const std::vector<std::optional<std::string>>& anchors,
                 const std::vector<std::optional<std::string>>& rels,
                 const std::vector<std::optional<std::string>>& actions) {
    edit_list& e = core.edits;
    const web::edit_action fixed = action.empty() ? web::edit_action::add : parse_action(action);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        web::link_edit x;
        x.origin = name;
        x.link.line = i + 1;
        x.link.source = sources[i].value_or("");
        x.link.target = i < targets.size() ? targets[i].value_or("") : "";
        if (i < anchors.size()) x.link.anchor = anchors[i].value_or("");
        if (i < rels.size()) x.link.rel = io::parse_rel(rels[i].value_or(""));
        x.action = fixed;
        if (action.empty()) {
            const std::string a = i < actions.size() ? actions[i].value_or("") : "";
            if (a != "add" && a != "remove")
                throw parse_error(name, i + 1, 0,
                                  fmt::format("action must be 'add' or 'remove', got '{}'", a));
            x.action = parse_action(a);
        }
        e.push_back(std::move(x));
    }
}

py::dict delta_columns(const analysis::score_delta_table& t, const web_graph& before,
                       const web_graph& after) {
    py::list names, status;
    for (std::size_t r = 0; r < t.size(); ++r) {
        names.append(py::str(std::string(t.after_id[r] != t.absent
                                              ? web::name_of(after, t.level, t.after_id[r])
                                              : web::name_of(before, t.level, t.before_id[r]))));
        status.append(t.status(r));
    }
    py::dict d;
    d["name"] = names;
    d["status"] = status;
    d["score_before"] = t.score_before;
    d["score_after"] = t.score_after;
    d["authority_before"] = t.authority_before;
    d["authority_after"] = t.authority_after;
    d["rank_before"] = t.rank_before;
    d["rank_after"] = t.rank_after;
    return d;
}

py::dict report_dict(const web::link_edit_report& e) {
    py::dict d;
    d["rows"] = e.rows;
    d["add_rows"] = e.add_rows;
    d["remove_rows"] = e.remove_rows;
    d["links_removed"] = e.links_removed;
    d["missing"] = e.missing;
    d["non_web_targets"] = e.non_web_targets;
    d["merged"] = e.merged;
    d["bad_rows"] = e.bad_rows;
    d["new_pages"] = e.new_pages;
    d["new_hosts"] = e.new_hosts;
    d["new_domains"] = e.new_domains;
    d["dropped_pages"] = e.dropped_pages;
    d["dropped_hosts"] = e.dropped_hosts;
    d["dropped_domains"] = e.dropped_domains;
    d["examples"] = e.examples;
    return d;
}

py::tuple level(web::score_table&& t, web::authority_table&& run) {
    return py::make_tuple(py::cast(std::move(t)), py::cast(std::move(run)));
}

py::dict what_if(const web_graph& g, const web::authority_result& before,
                 const web::authority_options& o, const link_edits_core& core,
                 const std::string& disavow_path, const std::string& owner, bool skip_bad,
                 bool warm_start) {
    analysis::what_if_options wo;
    wo.authority = o;
    wo.owner = owner;
    wo.skip_bad = skip_bad;
    wo.warm_start = warm_start;
    analysis::what_if_result r;
    web::score_table pages, domains, hosts;
    {
        py::gil_scoped_release release;
        web::disavow_list list;
        if (!disavow_path.empty()) list = web::disavow_list::read(disavow_path, skip_bad);
        r = analysis::what_if(g, before, core.edits, disavow_path.empty() ? nullptr : &list, wo);
        const web_graph& ng = r.edited.graph;
        pages = web::make_score_table(ng, web::table_level::pages, web::authority_table(r.after.pages));
        domains = web::make_score_table(ng, web::table_level::domains, web::authority_table(r.after.domains));
        if (o.compute_hosts)
            hosts = web::make_score_table(ng, web::table_level::hosts, web::authority_table(r.after.hosts));
    }
    py::dict d;
    d["pages_delta"] = delta_columns(r.pages, g, r.edited.graph);
    d["domains_delta"] = delta_columns(r.domains, g, r.edited.graph);
    d["hosts_delta"] = o.compute_hosts ? py::object(delta_columns(r.hosts, g, r.edited.graph))
                                       : py::object(py::none());
    d["edits"] = report_dict(r.edited.report);
    d["links_disavowed"] = r.disavow.links_disavowed;
    d["pages"] = level(std::move(pages), std::move(r.after.pages));
    d["domains"] = level(std::move(domains), std::move(r.after.domains));
    d["hosts"] = o.compute_hosts ? py::object(level(std::move(hosts), std::move(r.after.hosts)))
                                 : py::object(py::none());
    d["scale_version"] = r.after.scale_version;
    d["seconds_graphs"] = r.after.seconds_graphs;
    d["seconds_counts"] = r.after.seconds_counts;
    d["graph"] = py::cast(std::move(r.edited.graph));
    return d;
}

py::dict link_rows(const std::vector<analysis::link_change>& rows, const web_graph& g) {
    using row = analysis::link_change;
    py::dict d;
    d["source"] = text_column(rows, [&](const row& c) { return g.page_url(c.source); });
    d["target"] = text_column(rows, [&](const row& c) { return g.page_url(c.target); });
    d["source_domain"] = text_column(
        rows, [&](const row& c) { return g.domain_name(g.domain_of(c.source)); });
    d["target_domain"] = text_column(
        rows, [&](const row& c) { return g.domain_name(g.domain_of(c.target)); });
    d["links"] = column<std::uint32_t>(rows, &row::links);
    d["followable_links"] = column<std::uint32_t>(rows, &row::followable);
    return d;
}

py::dict diff(const web_graph& before, const web_graph& after, const web::authority_options& o) {
    analysis::web_diff_result r;
    {
        py::gil_scoped_release release;
        o.validate();
        const auto sb = web::compute_authority(before, o);
        const auto sa = web::compute_authority(after, o);
        r = analysis::web_diff(before, after, sb.domains, sa.domains, o.pagerank.excluded);
    }
    using row = analysis::domain_change;
    const auto& rows = r.domains;
    py::dict dom;
    dom["domain"] = text_column(rows, [&](const row& d) {
        return d.after != d.absent ? after.domain_name(d.after) : before.domain_name(d.before);
    });
    dom["status"] = text_column(rows, [](const row& d) { return d.status(); });
    dom["referring_domains_before"] = column<std::uint64_t>(rows, &row::referring_before);
    dom["referring_domains_after"] = column<std::uint64_t>(rows, &row::referring_after);
    dom["referring_domains_gained"] = column<std::uint64_t>(rows, &row::gained);
    dom["referring_domains_lost"] = column<std::uint64_t>(rows, &row::lost);
    dom["score_before"] = column(rows, &row::score_before);
    dom["score_after"] = column(rows, &row::score_after);
    dom["authority_before"] = column(rows, &row::authority_before);
    dom["authority_after"] = column(rows, &row::authority_after);
    py::dict d;
    d["links_new"] = link_rows(r.new_links, after);
    d["links_lost"] = link_rows(r.lost_links, before);
    d["domains"] = dom;
    return d;
}

}  // namespace

void bind_what_if(py::module_& m) {
    py::class_<link_edits_core> e(m, "LinkEditsCore", "Link edits (private; built by WebGraph.what_if).");
    e.def(py::init<>());
    e.def("__len__", [](const link_edits_core& l) { return l.edits.size(); });
    e.def(
        "read",
        [](link_edits_core& l, const std::string& path, const std::string& action, bool skip_bad,
           const std::string& format) {
            io::read_options ro;
            ro.skip_bad = skip_bad;
            ro.format = io::parse_format(format);
            py::gil_scoped_release release;
            const edit_list more = action.empty() ? web::read_link_edits(path, ro)
                                                  : web::read_links_as_edits(path, parse_action(action), ro);
            l.edits.insert(l.edits.end(), more.begin(), more.end());
        },
        py::arg("path"), py::arg("action"), py::arg("skip_bad") = false,
        py::arg("format") = "auto",
        "Appends a links file's rows with `action` ('add'/'remove'), or an edits file's ('').");
    e.def("add_columns", &add_columns, py::arg("action"), py::arg("name"), py::arg("sources"),
          py::arg("targets"), py::arg("anchors"), py::arg("rels"), py::arg("actions"),
          "Appends rows given as columns; action '' takes each row's from `actions`.");
    py::class_<web::authority_result>(m, "ScoresCore",
                                      "compute_authority's result (private; what-if's before-scores).");
    m.def(
        "score_for_what_if",
        [](const web_graph& g, const web::authority_options& o) {
            py::gil_scoped_release release;
            return web::compute_authority(g, o);
        },
        py::arg("graph"), py::arg("options"), "The before-scores of WebGraph.what_if.");
    m.def("what_if", &what_if, py::arg("graph"), py::arg("before"), py::arg("options"),
          py::arg("edits"), py::arg("disavow") = "", py::arg("owner") = "",
          py::arg("skip_bad") = false, py::arg("warm_start") = true,
          "analysis::what_if: see linkequity.WebGraph.what_if.");
    m.def("web_diff", &diff, py::arg("before"), py::arg("after"), py::arg("options"),
          "analysis::web_diff: see linkequity.WebGraph.diff.");
}

}  // namespace linkequity::python
