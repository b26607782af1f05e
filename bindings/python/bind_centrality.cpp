// SPDX-License-Identifier: MIT
// Binding of hits() and harmonic_centrality(): their options classes (from the option tables),
// result classes with zero-copy NumPy views, and the functions, run with the GIL released; the
// progress hook checks for Ctrl-C (KeyboardInterrupt) between iterations.
#include <fmt/format.h>

#include <utility>

#include "bind_options.hpp"
#include "common.hpp"
#include "linkequity/algo/harmonic.hpp"
#include "linkequity/algo/hits.hpp"

namespace linkequity::python {
namespace {

/// Runs `compute(options)` without the GIL, with a progress hook for Ctrl-C and `progress`.
template <class Options, class Compute>
auto run_with_hook(Options options, py::object progress, Compute&& compute) {
    progress_hook hook{std::move(progress), 0.1, nullptr};
    options.progress = [&hook](const pagerank_progress& p) { return hook(p); };
    decltype(compute(options)) r;
    {
        py::gil_scoped_release release;
        r = compute(options);
    }
    if (hook.error) std::rethrow_exception(hook.error);
    return r;
}

template <class Result>
py::cpp_function vector_view(std::vector<double> Result::*member) {
    return py::cpp_function([member](py::object self) {
        const auto& r = self.cast<const Result&>();
        return view_of(span<const double>(r.*member), self);
    });
}

void bind_hits(py::module_& m) {
    py::class_<hits_options> o(m, "HitsOptions",
                               "hits_options (private; built by linkequity.hits).");
    o.def(py::init<>());
    bind_option_table(o, "hits");
    py::class_<hits_result> r(m, "HitsResult",
                              "The result of hits (linkequity.hits returns its two arrays).");
    r.def_property_readonly("hubs", vector_view(&hits_result::hubs),
                            "Hub scores by node id, summing to 1 (read-only view).")
        .def_property_readonly("authorities", vector_view(&hits_result::authorities),
                               "Authority scores by node id, summing to 1 (read-only view).")
        .def_property_readonly("history", vector_view(&hits_result::history),
                               "Residual of every iteration.")
        .def_readonly("iterations", &hits_result::iterations, "Iterations performed.")
        .def_readonly("residual", &hits_result::residual,
                      "L1 change of the max-normalised hubs in the last iteration.")
        .def_readonly("converged", &hits_result::converged, "residual < tolerance.")
        .def_readonly("cancelled", &hits_result::cancelled, "A progress callback returned False.")
        .def_readonly("seconds", &hits_result::seconds, "Wall time.")
        .def("__repr__", [](const hits_result& x) {
            return fmt::format("HitsResult(n={}, iterations={}, residual={:.3g}, converged={})",
                               x.hubs.size(), x.iterations, x.residual,
                               x.converged ? "True" : "False");
        });
    m.def(
        "hits",
        [](const csr_graph& g, const hits_options& o, py::object progress) {
            return run_with_hook(o, std::move(progress),
                                 [&g](const hits_options& x) { return hits(g, x); });
        },
        py::arg("graph"), py::arg("options"), py::arg("progress") = py::none(),
        "Runs hits with the GIL released (see linkequity.hits).");
}

void bind_harmonic(py::module_& m) {
    bind_enum<harmonic_method>(m, "HarmonicMethod", "How harmonic_centrality computes.");
    py::class_<harmonic_options> o(
        m, "HarmonicOptions",
        "harmonic_options (private; built by linkequity.harmonic_centrality).");
    o.def(py::init<>());
    bind_option_table(o, "harmonic_centrality");
    py::class_<harmonic_result> r(m, "HarmonicResult", "The result of harmonic_centrality.");
    r.def_property_readonly("scores", vector_view(&harmonic_result::scores),
                            "H(v) by node id (read-only view).")
        .def_readonly("exact", &harmonic_result::exact, "False: HyperBall's estimate.")
        .def_readonly("registers", &harmonic_result::registers,
                      "HyperBall registers per counter (0 when exact).")
        .def_readonly("relative_standard_error", &harmonic_result::relative_standard_error,
                      "HyperBall: 1.04/sqrt(registers) (0 when exact).")
        .def_readonly("iterations", &harmonic_result::iterations,
                      "BFS levels (exact) or HyperBall iterations.")
        .def_readonly("cancelled", &harmonic_result::cancelled, "Stopped early.")
        .def_readonly("seconds", &harmonic_result::seconds, "Wall time.")
        .def("__repr__", [](const harmonic_result& x) {
            return fmt::format("HarmonicResult(n={}, exact={}, registers={}, iterations={})",
                               x.scores.size(), x.exact ? "True" : "False", x.registers,
                               x.iterations);
        });
    m.def(
        "harmonic_centrality",
        [](const csr_graph& g, const harmonic_options& o, py::object progress) {
            return run_with_hook(o, std::move(progress), [&g](const harmonic_options& x) {
                return harmonic_centrality(g, x);
            });
        },
        py::arg("graph"), py::arg("options"), py::arg("progress") = py::none(),
        "Runs harmonic_centrality with the GIL released (see linkequity.harmonic_centrality).");
}

}  // namespace

void bind_centrality(py::module_& m) {
    bind_hits(m);
    bind_harmonic(m);
}

}  // namespace linkequity::python
