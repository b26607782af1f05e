// SPDX-License-Identifier: MIT
// Binding of link planning: link_gain on a graph (LinkGainOptions from its option table) and
// plan_links on a web graph (WebPlanOptions), each returning dicts of columns that
// linkequity/_plan.py turns into DataFrames. The GIL is released while computing.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "bind_options.hpp"
#include "common.hpp"
#include "linkequity/algo/link_gain.hpp"
#include "linkequity/analysis/plan.hpp"

namespace linkequity::python {
namespace {

py::dict gain_dict(const link_gain_result& r) {
    using row = link_gain_row;
    py::dict d;
    d["source"] = column(r.rows, &row::source);
    d["gain"] = column(r.rows, &row::gain);
    d["score_after"] = column(r.rows, &row::score_after);
    d["error_bound"] = column(r.rows, &row::error_bound);
    d["existing_link"] = column(r.rows, &row::existing);
    d["target"] = r.target;
    d["score"] = r.score;
    d["score_error"] = r.score_error;
    d["skipped"] = r.skipped;
    d["pushes"] = r.pushes;
    d["solve_iterations"] = r.solve_iterations;
    d["pagerank_iterations"] = r.pagerank.iterations;
    d["seconds"] = r.seconds_pagerank + r.seconds_solves + r.seconds_candidates;
    return d;
}

py::dict plan_dict(const web::web_graph& g, const analysis::web_link_plan& p) {
    const auto& pl = p.plan;
    const auto name = [&](const auto& x) { return p.name(g, x.source); };
    const auto authority = [&](const auto& x) { return pl.authority[x.source]; };
    using candidate = link_gain_row;
    using step = analysis::plan_step;
    py::dict c, s, d;
    c["name"] = text_column(pl.candidates, name);
    c["authority"] = column(pl.candidates, authority);
    c["gain"] = column(pl.candidates, &candidate::gain);
    c["error_bound"] = column(pl.candidates, &candidate::error_bound);
    c["score_after"] = column(pl.candidates, &candidate::score_after);
    c["existing_link"] = column(pl.candidates, &candidate::existing);
    s["name"] = text_column(pl.steps, name);
    s["authority"] = column(pl.steps, authority);
    s["gain"] = column(pl.steps, &step::gain);
    s["error_bound"] = column(pl.steps, &step::error_bound);
    s["score_after"] = column(pl.steps, &step::score);
    s["authority_after"] = column(pl.steps, &step::authority);
    d["candidates"] = c;
    d["steps"] = s;
    d["target"] = std::string(p.name(g, pl.target));
    d["score_before"] = pl.score_before;
    d["authority_before"] = pl.authority_before;
    d["ranked"] = pl.ranked;
    d["skipped"] = pl.skipped;
    d["site"] = p.site.empty() ? py::object(py::none()) : py::object(py::str(p.site));
    return d;
}

}  // namespace

void bind_plan(py::module_& m) {
    py::class_<link_gain_options> o(m, "LinkGainOptions",
                                    "link_gain_options (private; built by linkequity.link_gain).");
    o.def(py::init<>());
    bind_option_table(o, "link_gain");
    o.def("validate", &link_gain_options::validate, py::arg("num_nodes"),
          "Checks every option against a graph of num_nodes nodes; raises ValueError.");
    m.def(
        "link_gain",
        [](const csr_graph& g, node_id target, const std::vector<node_id>& candidates,
           const link_gain_options& options) {
            link_gain_result r;
            {
                py::gil_scoped_release release;
                r = link_gain(g, target, candidates, options);
            }
            return gain_dict(r);
        },
        py::arg("graph"), py::arg("target"), py::arg("candidates"), py::arg("options"),
        "link_gain: {'source': array, 'gain': array, ..., 'score': x_t, ...}.");

    py::class_<analysis::web_plan_options> w(
        m, "WebPlanOptions", "web_plan_options (private; built by WebGraph.plan_links).");
    w.def(py::init<>());
    bind_option_table(w, "plan_links");
    m.def(
        "web_plan_links",
        [](const web::web_graph& g, const std::string& target,
           const std::vector<std::string>& candidates, analysis::web_plan_options options,
           const std::string& level, std::size_t links, std::size_t top, const std::string& site) {
            if (level == "page") options.level = analysis::plan_level::page;
            else if (level == "domain") options.level = analysis::plan_level::domain;
            else
                throw std::invalid_argument(fmt::format(
                    "plan_links: level must be 'domain' or 'page', got '{}'", level));
            options.links = links;
            options.top = top;
            options.site = site;
            analysis::web_link_plan p;
            {
                py::gil_scoped_release release;
                p = analysis::plan_links(g, target, candidates, options);
            }
            return plan_dict(g, p);
        },
        py::arg("graph"), py::arg("target"), py::arg("candidates"), py::arg("options"),
        py::arg("level"), py::arg("links"), py::arg("top"), py::arg("site") = "",
        "plan_links on the web model (site non-empty: internal links of that site): "
        "{'candidates': columns, 'steps': columns, ...}.");
}

}  // namespace linkequity::python
