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
    std::vector<node_id> source;
    std::vector<double> gain, after, bound;
    std::vector<bool> existing;
    for (const auto& row : r.rows) {
        source.push_back(row.source);
        gain.push_back(row.gain);
        after.push_back(row.score_after);
        bound.push_back(row.error_bound);
        existing.push_back(row.existing);
    }
    py::dict d;
    d["source"] = array_from(std::move(source));
    d["gain"] = array_from(std::move(gain));
    d["score_after"] = array_from(std::move(after));
    d["error_bound"] = array_from(std::move(bound));
    d["existing_link"] = existing;
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
    py::list name, sname;
    std::vector<double> authority, gain, bound, after, sgain, sbound, sscore, sauth;
    std::vector<bool> existing;
    for (const auto& r : pl.candidates) {
        name.append(std::string(p.name(g, r.source)));
        authority.push_back(pl.authority[r.source]);
        gain.push_back(r.gain);
        bound.push_back(r.error_bound);
        after.push_back(r.score_after);
        existing.push_back(r.existing);
    }
    std::vector<double> sauthority_now;
    for (const auto& s : pl.steps) {
        sname.append(std::string(p.name(g, s.source)));
        sauthority_now.push_back(pl.authority[s.source]);
        sgain.push_back(s.gain);
        sbound.push_back(s.error_bound);
        sscore.push_back(s.score);
        sauth.push_back(s.authority);
    }
    py::dict c, s, d;
    c["name"] = name;
    c["authority"] = array_from(std::move(authority));
    c["gain"] = array_from(std::move(gain));
    c["error_bound"] = array_from(std::move(bound));
    c["score_after"] = array_from(std::move(after));
    c["existing_link"] = existing;
    s["name"] = sname;
    s["authority"] = array_from(std::move(sauthority_now));
    s["gain"] = array_from(std::move(sgain));
    s["error_bound"] = array_from(std::move(sbound));
    s["score_after"] = array_from(std::move(sscore));
    s["authority_after"] = array_from(std::move(sauth));
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
