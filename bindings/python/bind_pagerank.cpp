// SPDX-License-Identifier: MIT
// Binding of pagerank(), pagerank_options, pagerank_result and the verifier. The GIL is released
// while the kernel runs; the kernel's per-iteration progress hook reacquires it only to check for
// signals (Ctrl-C: at most every `signal_interval` seconds) and to call a Python callback, and
// a Python exception raised there stops the kernel and is re-raised here.
#include <fmt/format.h>

#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "bind_options.hpp"
#include "common.hpp"
#include "linkequity/algo/pagerank.hpp"
#include "linkequity/algo/verify.hpp"

namespace linkequity::python {
namespace {

std::vector<double> to_vector(const py::object& o, const char* name) {
    if (o.is_none()) return {};
    auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(o);
    if (!a) {
        PyErr_Clear();
        throw py::type_error(fmt::format("pagerank: {} must be an array of numbers", name));
    }
    if (a.ndim() != 1)
        throw std::invalid_argument(fmt::format(
            "pagerank: {} must be one-dimensional, got {} dimensions", name, a.ndim()));
    return {a.data(), a.data() + a.size()};
}

pagerank_result run_pagerank(const csr_graph& g, pagerank_options options, py::object progress,
                             double signal_interval) {
    progress_hook hook{std::move(progress), signal_interval, nullptr};
    options.progress = [&hook](const pagerank_progress& p) { return hook(p); };
    pagerank_result r;
    {
        py::gil_scoped_release release;
        r = pagerank(g, options);
    }
    if (hook.error) std::rethrow_exception(hook.error);
    return r;
}

/// PageRankResult: the scores and history as zero-copy NumPy views, the run's scalars.
void bind_pagerank_result(py::module_& m) {
    py::class_<pagerank_result> r(m, "PageRankResult", R"doc(
The result of linkequity.pagerank.

Attributes:
    scores: float64 array indexed by node id, each >= 0, summing to 1. A view of the
        result's own memory (no copy); it keeps the result alive.
    iterations: iterations performed.
    residual: L1 change of the last iteration.
    converged: residual < tolerance. False after max_iterations: the scores are then the
        max_iterations-th iterate (no exception).
    cancelled: a progress callback returned False.
    history: the residual of every iteration (float64 array view).
    seconds: wall time of the C++ iterations (excluding validation and the binding).
    dangling_mass: D, the score held by nodes without followable out-links.
    evaporated_mass: Z, the score passed along excluded links in evaporate mode (else 0).
)doc");
    r.def_property_readonly(
        "scores",
        [](py::object self) {
            auto& res = self.cast<pagerank_result&>();
            return view_of(span<const double>(res.scores), self, /*writable=*/true);
        },
        "Scores indexed by node id (float64 view of the result's memory, no copy).");
    r.def_property_readonly(
        "history",
        [](py::object self) {
            auto& res = self.cast<pagerank_result&>();
            return view_of(span<const double>(res.history), self);
        },
        "L1 change of every iteration (float64, read-only view).");
    r.def_readonly("iterations", &pagerank_result::iterations, "Iterations performed.");
    r.def_readonly("residual", &pagerank_result::residual, "L1 change of the last iteration.");
    r.def_readonly("converged", &pagerank_result::converged, "residual < tolerance.");
    r.def_readonly("cancelled", &pagerank_result::cancelled,
                   "A progress callback returned False.");
    r.def_readonly("seconds", &pagerank_result::seconds,
                   "Wall time of the C++ iterations, in seconds.");
    r.def_readonly("dangling_mass", &pagerank_result::dangling_mass,
                   "D: the score held by nodes without followable out-links.");
    r.def_readonly("evaporated_mass", &pagerank_result::evaporated_mass,
                   "Z: the score passed along excluded links in evaporate mode (else 0).");
    r.def("__len__", [](const pagerank_result& s) { return s.scores.size(); });
    r.def("__repr__", [](const pagerank_result& s) {
        return fmt::format(
            "PageRankResult(n={}, iterations={}, residual={:.3g}, converged={}{}, seconds={:.4g})",
            s.scores.size(), s.iterations, s.residual, s.converged ? "True" : "False",
            s.cancelled ? ", cancelled=True" : "", s.seconds);
    });
}

}  // namespace

void bind_pagerank(py::module_& m) {
    bind_enum<dangling_policy>(m, "DanglingPolicy", "Where dangling nodes' score goes.");
    bind_enum<excluded_link_mode>(m, "ExcludedLinkMode", "What excluded links do.");
    bind_enum<pagerank_solver>(m, "PageRankSolver", "Iteration scheme.");
    bind_enum<pagerank_acceleration>(m, "PageRankAcceleration", "Power-method acceleration.");
    bind_enum<pagerank_node_order>(m, "PageRankNodeOrder", "Node numbering the kernel uses.");
    bind_enum<pagerank_kernel>(m, "PageRankKernel", "How the power method gathers contributions.");

    py::class_<pagerank_options> o(m, "PageRankOptions",
                                   "pagerank_options (private; built by linkequity.pagerank).");
    o.def(py::init<>());
    bind_option_table(o, "pagerank");
    o.def("validate", &pagerank_options::validate, py::arg("num_nodes"),
          "Checks every option against a graph of num_nodes nodes; raises ValueError.");

    bind_pagerank_result(m);

    m.def("pagerank", &run_pagerank, py::arg("graph"), py::arg("options"),
          py::arg("progress") = py::none(), py::arg("signal_interval") = 0.1,
          "Runs the PageRank kernel with the GIL released (see linkequity.pagerank).");
    m.def(
        "pagerank_residual",
        [](const csr_graph& g, const py::object& scores, const pagerank_options& o) {
            std::vector<double> x = to_vector(scores, "scores");
            py::gil_scoped_release release;
            return pagerank_residual(g, x, o);
        },
        py::arg("graph"), py::arg("scores"), py::arg("options"),
        "L1 change of one serial push-direction PageRank step from `scores` (independent check).");
    m.def(
        "followable_out_weight",
        [](const csr_graph& g, const pagerank_options& o) {
            std::vector<double> w;
            {
                py::gil_scoped_release release;
                w = followable_out_weight(g, o);
            }
            return array_from(std::move(w));
        },
        py::arg("graph"), py::arg("options"), "out(j) of every node, as the kernel uses it.");
}

}  // namespace linkequity::python
