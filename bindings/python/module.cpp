// SPDX-License-Identifier: MIT
// linkequity._core: the private extension module behind the `linkequity` Python package.
// Registers the exception mapping (parse_error → linkequity.ParseError with .path/.line/.column)
// and the bindings of each layer (bind_*.cpp). The public API is re-exported by __init__.py.
#include <pybind11/pybind11.h>

#include <cstddef>
#include <exception>
#include <string>

#include "common.hpp"
#include "linkequity/error.hpp"
#include "linkequity/version.hpp"

namespace py = pybind11;

namespace {

// The ParseError type, created once at import; the module keeps a reference (attr "ParseError"),
// so the borrowed handle stays valid for the interpreter's lifetime.
PyObject* parse_error_type = nullptr;

void register_exceptions(py::module_& m) {
    parse_error_type = PyErr_NewExceptionWithDoc(
        "linkequity.ParseError",
        "An input file could not be read (raised in strict mode, skip_bad=False).\n\n"
        "Subclass of ValueError (like json.JSONDecodeError). str(e) is\n"
        "\"path:line:column: reason\". Attributes: path (str), line (int, 1-based; 0 when the\n"
        "input is not line-oriented), column (int, 1-based; 0 when unknown), reason (str).",
        PyExc_ValueError, nullptr);
    if (!parse_error_type) throw py::error_already_set();
    m.attr("ParseError") = py::reinterpret_steal<py::object>(parse_error_type);

    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const linkequity::parse_error& e) {
            py::handle type(parse_error_type);
            py::object exc = type(e.what());
            exc.attr("path") = e.path();
            exc.attr("line") = e.line();
            exc.attr("column") = e.column();
            exc.attr("reason") = e.reason();
            PyErr_SetObject(parse_error_type, exc.ptr());
        } catch (const linkequity::cancelled_error& e) {
            PyErr_SetString(PyExc_KeyboardInterrupt, e.what());
        }
    });
}

}  // namespace

PYBIND11_MODULE(_core, m) {
    m.doc() = "linkequity's compiled core (private; use the `linkequity` package).";
    m.attr("__version__") = LINKEQUITY_VERSION_STRING;
    register_exceptions(m);
    m.def(
        "_raise_parse_error",
        [](const std::string& path, std::size_t line, std::size_t column, const std::string& reason) {
            throw linkequity::parse_error(path, line, column, reason);
        },
        py::arg("path"), py::arg("line"), py::arg("column"), py::arg("reason"),
        "Test hook: throws linkequity::parse_error from C++.");
    linkequity::python::bind_graph(m);
    linkequity::python::bind_pagerank(m);
    linkequity::python::bind_generators(m);
    linkequity::python::bind_web(m);
    linkequity::python::bind_synthetic_web(m);
    linkequity::python::bind_analysis(m);
    linkequity::python::bind_explain(m);
    linkequity::python::bind_trust(m);
    linkequity::python::bind_salsa(m);
    linkequity::python::bind_plan(m);
    linkequity::python::bind_topics(m);
    linkequity::python::bind_centrality(m);
    linkequity::python::bind_what_if(m);
    linkequity::python::bind_dist(m);
}
