// SPDX-License-Identifier: MIT
// Binding of contributions() (ContributionsResult: NumPy views of its vectors), the web-level
// explain() (ExplainOptions from its option table; rows returned as columns for the DataFrame
// that linkequity/_explain.py makes) and site mode (site_authority: the site table and its
// orphans / dead ends). The GIL is released while computing.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "bind_options.hpp"
#include "common.hpp"
#include "linkequity/algo/contributions.hpp"
#include "linkequity/analysis/explain.hpp"
#include "linkequity/web/site.hpp"
#include "linkequity/web/tables.hpp"

namespace linkequity::python {
namespace {

/// A read-only float64 view of one of the result's vectors.
template <std::vector<double> contributions_result::*Member>
py::array_t<double> vector_view(py::object self) {
    const auto& r = self.cast<const contributions_result&>();
    return view_of(span<const double>(r.*Member), self);
}

void bind_contributions(py::module_& m) {
    py::class_<contributions_result> c(m, "ContributionsResult", R"doc(
The result of linkequity.contributions: where the target's PageRank x_t comes from.

Attributes:
    target: the node explained.
    score: x_t.
    all_paths: c_j = s_j N_jt for every node j (N = (I - alpha T)^-1): the part of x_t brought
        by surfers who restart at j, over paths of any length; sums to x_t.
    one_hop: alpha x_j w_jt / out(j) for each followable in-neighbour j of t, 0 elsewhere;
        one_hop.sum() + restart = x_t.
    restart: s_t, the target's own restart mass.
    restart_mass: s_j = (1 - alpha + alpha Z) v_j + alpha D u_j for every node.
    column: N e_t, expected visits of t from each node (column solve).
    pagerank: the PageRankResult of the run (scores, dangling_mass, evaporated_mass, ...).
    iterations, residual, converged: of the column solve (converged also needs PageRank's).
)doc");
    c.def_readonly("target", &contributions_result::target)
        .def_readonly("score", &contributions_result::score)
        .def_property_readonly("all_paths", &vector_view<&contributions_result::all_paths>)
        .def_property_readonly("one_hop", &vector_view<&contributions_result::one_hop>)
        .def_readonly("restart", &contributions_result::restart)
        .def_property_readonly("restart_mass", &vector_view<&contributions_result::restart_mass>)
        .def_property_readonly("column", &vector_view<&contributions_result::column>)
        .def_readonly("pagerank", &contributions_result::pagerank)
        .def_readonly("iterations", &contributions_result::iterations)
        .def_readonly("residual", &contributions_result::residual)
        .def_readonly("converged", &contributions_result::converged)
        .def("__repr__", [](const contributions_result& r) {
            return fmt::format("ContributionsResult(target={}, score={:.6g}, restart={:.6g}, "
                               "iterations={}, converged={})", r.target, r.score, r.restart,
                               r.iterations, r.converged ? "True" : "False");
        });
    with_item_access(c);
    m.def(
        "contributions",
        [](const csr_graph& g, std::int64_t target, const pagerank_options& o) {
            if (target < 0 || static_cast<std::size_t>(target) >= g.num_nodes())
                throw py::index_error(fmt::format("contributions: target {} is not a node (the "
                                                  "graph has {} nodes)", target, g.num_nodes()));
            py::gil_scoped_release release;
            return contributions(g, static_cast<node_id>(target), o);
        },
        py::arg("graph"), py::arg("target"), py::arg("options"),
        "contributions() with the GIL released (see linkequity.contributions).");
}

py::dict explain_dict(const web::web_graph& g, const analysis::explain_result& r) {
    const bool page = r.level == analysis::explain_level::page;
    using row = analysis::explain_row;
    py::dict d;
    d["name"] = text_column(r.rows, [&](const row& x) {
        return page ? g.page_url(x.node) : g.domain_name(x.node);
    });
    d["all_paths"] = column(r.rows, &row::all_paths);
    d["share"] = column(r.rows, &row::share);
    d["one_hop"] = column(r.rows, &row::one_hop);
    d["links"] = column(r.rows, &row::links);
    d["followable"] = column(r.rows, &row::followable);
    d["authority"] = column(r.rows, &row::authority);
    d["score"] = column(r.rows, &row::score);
    d["level"] = analysis::explain_level_name(r.level);
    d["target"] = r.target_name;
    d["target_score"] = r.score;
    d["target_authority"] = r.authority;
    d["self"] = r.self;
    d["restart"] = r.restart;
    d["one_hop_total"] = r.one_hop_total;
    d["explained"] = r.explained;
    d["contributors"] = r.contributors;
    d["referrers"] = r.referrers;
    d["iterations"] = r.iterations;
    d["converged"] = r.converged;
    return d;
}

void bind_web_explain(py::module_& m) {
    py::class_<analysis::explain_options> o(
        m, "ExplainOptions", "explain_options (private; built by WebGraph.explain).");
    o.def(py::init<>());
    bind_option_table(o, "explain");
    m.def(
        "web_explain",
        [](const web::web_graph& g, const std::string& target, analysis::explain_options o,
           const std::string& level, std::size_t top) {
            o.level = analysis::parse_explain_level(level);
            o.top = top;
            analysis::explain_result r;
            {
                py::gil_scoped_release release;
                r = analysis::explain(g, target, o);
            }
            return explain_dict(g, r);
        },
        py::arg("graph"), py::arg("target"), py::arg("options"), py::arg("level") = "domain",
        py::arg("top") = 50, "analysis::explain as a dict of columns (see WebGraph.explain).");
}

void bind_site(py::module_& m) {
    m.def(
        "site_authority",
        [](const web::web_graph& g, const std::string& site, const web::authority_options& o) {
            web::site_authority_result r;
            web::score_table t;
            {
                py::gil_scoped_release release;
                r = web::site_authority(g, site, o);
                t = web::make_site_table(g, r);
            }
            py::dict d;
            d["table"] = py::cast(std::move(t));
            d["site"] = r.site.site;
            d["kind"] = web::site_kind_name(r.site.kind);
            d["pages"] = r.site.pages.size();
            d["page_pairs"] = r.site.graph.num_edges();
            d["internal_links"] = r.internal_links;
            d["orphans"] = r.orphans.size();
            d["dead_ends"] = r.dead_ends.size();
            d["iterations"] = r.table.iterations;
            d["residual"] = r.table.residual;
            d["converged"] = r.table.converged;
            d["floor"] = r.table.floor;
            return d;
        },
        py::arg("graph"), py::arg("site"), py::arg("options"),
        "site_authority + make_site_table (see WebGraph.site_authority).");
}

}  // namespace

void bind_explain(py::module_& m) {
    bind_contributions(m);
    bind_web_explain(m);
    bind_site(m);
}

}  // namespace linkequity::python
