// SPDX-License-Identifier: MIT
// Binding of salsa() (personalised SALSA, docs/trust.md): SalsaOptions from its option table,
// SalsaResult with zero-copy NumPy views of the hub and authority arrays, and the function,
// run with the GIL released; the progress hook checks for Ctrl-C between iterations.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include <utility>
#include <vector>

#include "bind_options.hpp"
#include "common.hpp"
#include "linkequity/algo/salsa.hpp"

namespace linkequity::python {
namespace {

py::cpp_function salsa_view(std::vector<double> salsa_result::*member) {
    return py::cpp_function([member](py::object self) {
        return view_of(span<const double>(self.cast<const salsa_result&>().*member), self);
    });
}

}  // namespace

void bind_salsa(py::module_& m) {
    py::class_<salsa_options> o(m, "SalsaOptions",
                                "salsa_options (private; built by linkequity.salsa).");
    o.def(py::init<>());
    bind_option_table(o, "salsa");
    o.def("validate", &salsa_options::validate, "Checks every option; raises ValueError.");

    py::class_<salsa_result> r(m, "SalsaResult", R"doc(
The result of linkequity.salsa (personalised SALSA, docs/trust.md). Arrays are float64 views of
the result's memory (read-only, no copy), indexed by node id; hubs.sum() + authorities.sum() = 1.

Attributes:
    hubs: h, the walk at a node about to follow one of its out-links: high for nodes that
        link to what the seeds link to.
    authorities: a, the walk at a node about to go back over one of its in-links: high for
        nodes linked by the seeds and by nodes that link like them.
    iterations, residual, converged, cancelled, history, seconds, setup_seconds: as
        PageRankResult's (of the walk's PageRank on the doubled graph).
)doc");
    r.def_property_readonly("hubs", salsa_view(&salsa_result::hubs), "h, by node id.")
        .def_property_readonly("authorities", salsa_view(&salsa_result::authorities),
                               "a, by node id.")
        .def_property_readonly("history", salsa_view(&salsa_result::history),
                               "Residual of every iteration.")
        .def_readonly("iterations", &salsa_result::iterations, "Iterations performed.")
        .def_readonly("residual", &salsa_result::residual, "L1 change, last iteration.")
        .def_readonly("converged", &salsa_result::converged, "residual < tolerance.")
        .def_readonly("cancelled", &salsa_result::cancelled, "A progress callback returned False.")
        .def_readonly("seconds", &salsa_result::seconds, "Wall time of the iterations.")
        .def_readonly("setup_seconds", &salsa_result::setup_seconds,
                      "Wall time before the first iteration.")
        .def("__len__", [](const salsa_result& s) { return s.hubs.size(); })
        .def("__repr__", [](const salsa_result& s) {
            return fmt::format("SalsaResult(n={}, iterations={}, residual={:.3g}, converged={})",
                               s.hubs.size(), s.iterations, s.residual,
                               s.converged ? "True" : "False");
        });
    with_item_access(r);
    m.def(
        "salsa",
        [](const csr_graph& g, std::vector<node_id> nodes, std::vector<double> weights,
           salsa_options o, py::object progress) {
            const seed_set s{std::move(nodes), std::move(weights)};
            progress_hook hook{std::move(progress), 0.1, nullptr};
            o.pagerank.progress = [&hook](const pagerank_progress& p) { return hook(p); };
            salsa_result result;
            {
                py::gil_scoped_release release;
                result = salsa(g, s, o);
            }
            if (hook.error) std::rethrow_exception(hook.error);
            return result;
        },
        py::arg("graph"), py::arg("nodes"), py::arg("weights"), py::arg("options"),
        py::arg("progress") = py::none(), "Personalised SALSA (see linkequity.salsa).");
}

}  // namespace linkequity::python
