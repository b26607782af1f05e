// SPDX-License-Identifier: MIT
// Binding of the web layer's result types (web_results.hpp): read-only classes with attributes
// and docstrings, so Python code gets typed results instead of dicts; ScoreTable hands its
// columns to NumPy as read-only views (no copy) that keep the table alive.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include <string>

#include "linkequity/io/link_source.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/tables.hpp"
#include "linkequity/web/web_graph.hpp"
#include "web_results.hpp"

namespace linkequity::python {
namespace {

void bind_read_report(py::module_& m) {
    using io::read_report;
    py::class_<read_report> c(m, "ReadReport", "What reading one input file saw (read-only).");
    c.def_readonly("path", &read_report::path, "The file.")
        .def_property_readonly(
            "format", [](const read_report& r) { return std::string(io::format_name(r.format)); },
            "The format used (detected or given), e.g. 'generic'.")
        .def_readonly("rows", &read_report::rows, "Data rows seen (header excluded).")
        .def_readonly("links", &read_report::links, "Rows delivered as links.")
        .def_readonly("resources", &read_report::resources,
                      "Rows that are not page-to-page links (e.g. Screaming Frog 'Image' rows).")
        .def_readonly("records", &read_report::records,
                      "Redirect and canonical rows (counted in resources too).")
        .def_readonly("skipped", &read_report::skipped, "Bad rows skipped (skip_bad=True).")
        .def_readonly("skipped_by_reason", &read_report::skipped_by_reason,
                      "Skipped rows by reason (a new dict on every access).")
        .def_readonly("examples", &read_report::examples,
                      "The first bad rows, 'file:line: reason' (at most 10).")
        .def("__repr__", [](const read_report& r) {
            return fmt::format("ReadReport(path='{}', format='{}', rows={}, links={}, skipped={})",
                               r.path, io::format_name(r.format), r.rows, r.links, r.skipped);
        });
    with_item_access(c);
}

void bind_graph_stats(py::module_& m) {
    using web::web_graph_stats;
    py::class_<web_graph_stats> c(m, "WebGraphStats",
                                  "What building a WebGraph saw (read-only; WebGraph.stats).");
    c.def_readonly("rows", &web_graph_stats::rows, "Link rows offered to the builder.")
        .def_readonly("links", &web_graph_stats::links,
                      "Page-to-page links kept (self-links included).")
        .def_readonly("self_links", &web_graph_stats::self_links,
                      "Links from a page to itself: kept, never scored.")
        .def_readonly("internal_links", &web_graph_stats::internal_links,
                      "Links whose ends share a registrable domain.")
        .def_readonly("non_web_targets", &web_graph_stats::non_web_targets,
                      "mailto:, tel:, javascript: ... targets (not pages).")
        .def_readonly("non_web_by_scheme", &web_graph_stats::non_web_by_scheme,
                      "Non-web targets by scheme, e.g. {'mailto': 3} (a new dict on every access).")
        .def_readonly("bad_rows", &web_graph_stats::bad_rows,
                      "Rows skipped in lenient mode (reader and bad URLs).")
        .def_readonly("redirect_records", &web_graph_stats::redirect_records,
                      "Redirect rows accepted (duplicates included).")
        .def_readonly("canonical_records", &web_graph_stats::canonical_records,
                      "Canonical rows accepted (canonicals to the URL itself excluded).")
        .def_readonly("conflicting_records", &web_graph_stats::conflicting_records,
                      "Records giving a URL a second, different target: ignored.")
        .def_readonly("redirects_resolved", &web_graph_stats::redirects_resolved,
                      "URLs replaced by their final URL.")
        .def_readonly("redirect_loops", &web_graph_stats::redirect_loops,
                      "URLs whose chain loops (they keep their identity).")
        .def_readonly("redirects_too_long", &web_graph_stats::redirects_too_long,
                      "URLs on chains longer than 10 hops (they keep their identity).")
        .def_readonly("links_repointed", &web_graph_stats::links_repointed,
                      "Links with an end replaced by its final URL.")
        .def_readonly("links_merged", &web_graph_stats::links_merged,
                      "Links dropped because they became self-links.")
        .def_readonly("reports", &web_graph_stats::reports,
                      "One ReadReport per input file, in input order (empty for a graph opened "
                      "from a snapshot).")
        .def("__repr__", [](const web_graph_stats& s) {
            return fmt::format("WebGraphStats(rows={}, links={}, self_links={}, internal_links={}, "
                               "non_web_targets={}, bad_rows={})",
                               s.rows, s.links, s.self_links, s.internal_links, s.non_web_targets,
                               s.bad_rows);
        });
    with_item_access(c);
}

void bind_disavow_result(py::module_& m) {
    using r = disavow_result;
    py::class_<r> c(m, "DisavowResult",
                    "What WebGraph.apply_disavow read and flagged (read-only).");
    c.def_property_readonly("owner_domain", [](const r& x) { return x.applied.owner_domain; },
                            "Registrable domain of the owner ('' = all links).")
        .def_property_readonly("owner_found", [](const r& x) { return x.applied.owner_found; },
                               "The owner domain has pages in the graph.")
        .def_property_readonly("links_in_scope",
                               [](const r& x) { return x.applied.links_in_scope; },
                               "Links the file applies to (into the owner, or all).")
        .def_property_readonly("links_disavowed",
                               [](const r& x) { return x.applied.links_disavowed; },
                               "Links in scope from a matching source (now flagged DISAVOWED).")
        .def_property_readonly("newly_disavowed",
                               [](const r& x) { return x.applied.newly_disavowed; },
                               "Of those, links not flagged by an earlier application.")
        .def_property_readonly("source_pages_matched",
                               [](const r& x) { return x.applied.source_pages_matched; },
                               "Distinct pages whose links are disavowed.")
        .def_readonly("domains", &r::domains, "domain: entries in the file.")
        .def_readonly("urls", &r::urls, "URL entries in the file.")
        .def_readonly("lines", &r::lines, "Lines in the file.")
        .def_property_readonly(
            "skipped",
            [](const r& x) {
                py::list out;
                for (const auto& s : x.skipped) out.append(py::make_tuple(s.line, s.reason, s.text));
                return out;
            },
            "Lines skipped in lenient mode, as (line, reason, text) tuples.")
        .def("__repr__", [](const r& x) {
            return fmt::format("DisavowResult(owner_domain='{}', links_in_scope={}, "
                               "links_disavowed={}, newly_disavowed={}, skipped={})",
                               x.applied.owner_domain, x.applied.links_in_scope,
                               x.applied.links_disavowed, x.applied.newly_disavowed,
                               x.skipped.size());
        });
    with_item_access(c);
}

void bind_level_info(py::module_& m) {
    using web::authority_table;
    py::class_<authority_table> c(
        m, "AuthorityLevelInfo",
        "How one level's PageRank ran (read-only): its scores are in the level's DataFrame.");
    c.def_readonly("floor", &authority_table::floor,
                   "f: the score of a node no followable link reaches (0 on the 0-100 scale).")
        .def_readonly("dangling_mass", &authority_table::dangling_mass, "D of the final scores.")
        .def_readonly("evaporated_mass", &authority_table::evaporated_mass,
                      "Z of the final scores (0 unless evaporate=True).")
        .def_readonly("nodes", &authority_table::nodes, "Nodes of the graph scored.")
        .def_readonly("edges", &authority_table::edges, "Edges of the graph scored.")
        .def_readonly("iterations", &authority_table::iterations, "PageRank iterations run.")
        .def_readonly("residual", &authority_table::residual, "L1 change of the last iteration.")
        .def_readonly("converged", &authority_table::converged,
                      "The residual fell below the tolerance.")
        .def_readonly("seconds", &authority_table::seconds, "PageRank wall time.")
        .def("__repr__", [](const authority_table& t) {
            return fmt::format("AuthorityLevelInfo(nodes={}, edges={}, iterations={}, "
                               "residual={:.3g}, converged={})",
                               t.nodes, t.edges, t.iterations, t.residual,
                               t.converged ? "True" : "False");
        });
    with_item_access(c);
}

/// A column for Python: (name, values, names): values is a read-only NumPy view indexed by
/// node id (None for a name column showing each node's own name); names is None for a number
/// column, else the name list the ids index ("pages", "hosts" or "domains").
py::tuple column_tuple(const web::table_column& c, py::handle owner) {
    return std::visit(
        [&](const auto& v) -> py::tuple {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, web::name_ids>) {
                py::object ids = v.ids.empty() ? py::object(py::none())
                                               : py::object(view_of(span<const node_id>(v.ids.data(), v.ids.size()), owner));
                return py::make_tuple(c.name, ids, web::table_level_name(v.list));
            } else if constexpr (std::is_same_v<V, std::vector<std::string>>) {  // labels
                py::list labels(v.size());
                for (std::size_t i = 0; i < v.size(); ++i) labels[i] = py::str(v[i]);
                return py::make_tuple(
                    c.name, py::module_::import("numpy").attr("array")(labels, "object"),
                    py::none());
            } else {
                using T = typename V::value_type;
                return py::make_tuple(c.name, view_of(span<const T>(v.data(), v.size()), owner),
                                      py::none());
            }
        },
        c.values);
}

void bind_score_table(py::module_& m) {
    using web::score_table;
    py::class_<score_table> c(m, "ScoreTable",
                              "An authority table of the C++ table layer (private; WebGraph "
                              "makes DataFrames of it): the same columns as the CLI's CSVs.");
    c.def_property_readonly(
         "level", [](const score_table& t) { return web::table_level_name(t.level); },
         "'pages', 'hosts' or 'domains'.")
        .def_property_readonly(
            "rows",
            [](py::object self) {
                const auto& t = self.cast<const score_table&>();
                return view_of(span<const node_id>(t.rows.data(), t.rows.size()), self);
            },
            "Node ids in row order (by rank, ties by id): a read-only uint32 view.")
        .def_property_readonly(
            "columns",
            [](py::object self) {
                py::list out;
                for (const auto& col : self.cast<const score_table&>().columns)
                    out.append(column_tuple(col, self));
                return out;
            },
            "[(name, values or None, name list or None)] in column order; see table_columns.");
    m.def(
        "table_columns",
        [](const std::string& level) { return web::table_column_names(web::parse_table_level(level)); },
        py::arg("level"),
        "Column names of the 'pages', 'hosts' or 'domains' table, in order (the CSV header).");
}

}  // namespace

void bind_web_results(py::module_& m) {
    bind_read_report(m);
    bind_graph_stats(m);
    bind_disavow_result(m);
    bind_level_info(m);
    bind_score_table(m);
}

}  // namespace linkequity::python
