// SPDX-License-Identifier: MIT
// Bindings of the trust layer: trustrank, anti_trustrank, cheirank (PageRankResult), spam_mass
// (SpamMassOptions from its option table, SpamMassResult with zero-copy NumPy views) and, on
// the web model, the trust columns appended to the authority tables. GIL released while they
// run; Ctrl-C and a progress callback work as in pagerank for the PageRank-based ones.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "bind_options.hpp"
#include "common.hpp"
#include "linkequity/algo/cheirank.hpp"
#include "linkequity/algo/spam_mass.hpp"
#include "linkequity/algo/trustrank.hpp"
#include "linkequity/web/trust.hpp"

namespace linkequity::python {
namespace {

/// Runs f(options) without the GIL with a progress hook (callback and Ctrl-C) installed.
template <class F>
pagerank_result with_progress(pagerank_options o, py::object progress, F&& f) {
    progress_hook hook{std::move(progress), 0.1, nullptr};
    o.progress = [&hook](const pagerank_progress& p) { return hook(p); };
    pagerank_result r;
    {
        py::gil_scoped_release release;
        r = f(o);
    }
    if (hook.error) std::rethrow_exception(hook.error);
    return r;
}

void bind_spam_mass(py::module_& m) {
    py::class_<spam_mass_options> o(m, "SpamMassOptions",
                                    "spam_mass_options (private; built by linkequity.spam_mass).");
    o.def(py::init<>());
    bind_option_table(o, "spam_mass");
    o.def("validate", &spam_mass_options::validate, "Checks every option; raises ValueError.");

    py::class_<spam_mass_result> r(m, "SpamMassResult", R"doc(
The result of linkequity.spam_mass (linear form, docs/trust.md). Arrays are float64 views of
the result's memory (read-only, no copy), indexed by node id.

Attributes:
    pagerank: p = (1-a)(I - a T^T)^-1 1/N (sums to 1 only without dangling nodes).
    core_pagerank: p' = (1-a)(I - a T^T)^-1 1_C/N (p' <= p).
    absolute: M = p - p'.
    relative: m = 1 - p'/p, in [0, 1].
    iterations, residual, converged, history, seconds: as PageRankResult's (residual: the
        larger L1 change of the two vectors).
)doc");
    auto array = [&r](const char* name, std::vector<double> spam_mass_result::*field,
                      const char* doc) {
        r.def_property_readonly(
            name,
            [field](py::object self) {
                return view_of(span<const double>(self.cast<spam_mass_result&>().*field), self);
            },
            doc);
    };
    array("pagerank", &spam_mass_result::pagerank, "p: linear PageRank, teleport 1/N.");
    array("core_pagerank", &spam_mass_result::core_pagerank, "p': teleport 1_C/N.");
    array("absolute", &spam_mass_result::absolute, "M = p - p'.");
    array("relative", &spam_mass_result::relative, "m = 1 - p'/p, in [0, 1].");
    array("history", &spam_mass_result::history, "Residual of every iteration.");
    r.def_readonly("iterations", &spam_mass_result::iterations, "Iterations performed.");
    r.def_readonly("residual", &spam_mass_result::residual, "Larger L1 change, last iteration.");
    r.def_readonly("converged", &spam_mass_result::converged, "residual < tolerance.");
    r.def_readonly("seconds", &spam_mass_result::seconds, "Wall time of the iterations.");
    r.def("__len__", [](const spam_mass_result& s) { return s.relative.size(); });
    r.def("__repr__", [](const spam_mass_result& s) {
        return fmt::format("SpamMassResult(n={}, iterations={}, residual={:.3g}, converged={})",
                           s.relative.size(), s.iterations, s.residual,
                           s.converged ? "True" : "False");
    });
    with_item_access(r);
    m.def(
        "spam_mass",
        [](const csr_graph& g, std::vector<node_id> core, const spam_mass_options& o) {
            py::gil_scoped_release release;
            return spam_mass(g, core, o);
        },
        py::arg("graph"), py::arg("core"), py::arg("options"),
        "Spam mass for the good core (see linkequity.spam_mass).");
}

/// The seed list of a path (str) or of a list of entries.
web::seed_list seed_list_of(const py::object& x, const char* name) {
    if (py::isinstance<py::str>(x)) return web::seed_list::read(x.cast<std::string>());
    return web::seed_list::from_entries(x.cast<std::vector<std::string>>(), name);
}

py::list entries_of(const std::vector<web::seed_entry>& v) {
    py::list out;
    for (const auto& e : v) out.append(py::make_tuple(e.line, e.value));
    return out;
}

/// add_trust_columns on the ScoreTables of WebGraphCore.authority (changed in place).
py::dict trust_columns(const web::web_graph& g, const web::authority_options& o,
                       const py::object& trusted, const py::object& spam,
                       web::score_table& pages, web::score_table& domains,
                       web::score_table* hosts) {
    const web::seed_list good = seed_list_of(trusted, "trusted");
    std::optional<web::seed_list> bad;
    if (!spam.is_none()) bad = seed_list_of(spam, "spam");
    web::trust_report r;
    {
        py::gil_scoped_release release;
        r = web::add_trust_columns(g, o, good, bad ? &*bad : nullptr, pages, domains, hosts);
    }
    py::dict d;
    d["unmatched_trusted"] = entries_of(r.unmatched_trusted);
    d["unmatched_spam"] = entries_of(r.unmatched_spam);
    d["scale_version"] = r.scale_version;
    d["converged"] = r.pages.converged && r.domains.converged && (!hosts || r.hosts.converged);
    return d;
}

}  // namespace

void bind_trust(py::module_& m) {
    m.def(
        "trustrank",
        [](const csr_graph& g, std::vector<node_id> nodes, std::vector<double> weights,
           const pagerank_options& o, py::object progress) {
            const seed_set s{std::move(nodes), std::move(weights)};
            return with_progress(o, std::move(progress),
                                 [&](const pagerank_options& po) { return trustrank(g, s, po); });
        },
        py::arg("graph"), py::arg("nodes"), py::arg("weights"), py::arg("options"),
        py::arg("progress") = py::none(), "TrustRank (see linkequity.trustrank).");
    m.def(
        "anti_trustrank",
        [](const csr_graph& g, std::vector<node_id> nodes, std::vector<double> weights,
           const pagerank_options& o, py::object progress) {
            const seed_set s{std::move(nodes), std::move(weights)};
            return with_progress(o, std::move(progress), [&](const pagerank_options& po) {
                return anti_trustrank(g, s, po);
            });
        },
        py::arg("graph"), py::arg("nodes"), py::arg("weights"), py::arg("options"),
        py::arg("progress") = py::none(), "Anti-TrustRank (see linkequity.anti_trustrank).");
    m.def(
        "cheirank",
        [](const csr_graph& g, const pagerank_options& o, py::object progress) {
            return with_progress(o, std::move(progress),
                                 [&](const pagerank_options& po) { return cheirank(g, po); });
        },
        py::arg("graph"), py::arg("options"), py::arg("progress") = py::none(),
        "CheiRank (see linkequity.cheirank).");
    bind_spam_mass(m);
    m.def("add_trust_columns", &trust_columns, py::arg("graph"), py::arg("options"),
          py::arg("trusted"), py::arg("spam"), py::arg("pages"), py::arg("domains"),
          py::arg("hosts"),
          "Appends the trust columns to the tables of WebGraphCore.authority (in place).");
    m.def("trust_columns", &web::trust_column_names, py::arg("with_spam"),
          "Names of the trust columns, in order.");
}

}  // namespace linkequity::python
