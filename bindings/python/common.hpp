// SPDX-License-Identifier: MIT
// Shared helpers of the _core extension: NumPy views that keep their C++ owner alive, arrays
// that own a moved std::vector, Ctrl-C checks for calls that run without the GIL, and the
// registration functions of each bind_*.cpp.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstddef>
#include <exception>
#include <filesystem>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

#include "linkequity/algo/pagerank.hpp"
#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/error.hpp"
#include "linkequity/span.hpp"

namespace linkequity::python {

namespace py = pybind11;

/// A 1-D NumPy array over `s` (no copy) whose base is `owner`: the owner stays alive as long as
/// the array does. Read-only unless `writable`.
template <class T>
py::array_t<T> view_of(span<const T> s, py::handle owner, bool writable = false) {
    if (s.empty()) {
        py::array_t<T> empty(0);
        return empty;
    }
    py::array_t<T> a({static_cast<py::ssize_t>(s.size())}, {static_cast<py::ssize_t>(sizeof(T))},
                     s.data(), owner);
    if (!writable) {
        py::detail::array_proxy(a.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
    }
    return a;
}

/// A 1-D NumPy array that takes over `v` (moved to the heap; freed with the array).
template <class T>
py::array_t<T> array_from(std::vector<T>&& v) {
    if (v.empty()) return py::array_t<T>(0);
    auto heap = std::make_unique<std::vector<T>>(std::move(v));
    py::capsule owner(heap.get(), [](void* p) { delete static_cast<std::vector<T>*>(p); });
    std::vector<T>* held = heap.release();  // the capsule owns it now
    return py::array_t<T>({static_cast<py::ssize_t>(held->size())},
                          {static_cast<py::ssize_t>(sizeof(T))}, held->data(), owner);
}

/// One column of a result's row table as a 1-D NumPy array: element i is std::invoke(get,
/// rows[i]) (`get` a data-member pointer or a callable), stored as T (default: the value's own
/// type; bool becomes a NumPy bool array). O(rows).
template <class T = void, class Rows, class Get>
auto column(const Rows& rows, Get&& get) {
    using value = std::decay_t<decltype(std::invoke(get, *std::begin(rows)))>;
    using stored = std::conditional_t<std::is_void_v<T>, value, T>;
    if constexpr (std::is_same_v<stored, bool>) {
        py::array_t<bool> a(static_cast<py::ssize_t>(std::size(rows)));
        auto out = a.mutable_unchecked<1>();
        py::ssize_t i = 0;
        for (const auto& r : rows) out(i++) = std::invoke(get, r);
        return a;
    } else {
        std::vector<stored> v;
        v.reserve(std::size(rows));
        for (const auto& r : rows) v.push_back(static_cast<stored>(std::invoke(get, r)));
        return array_from(std::move(v));
    }
}

/// One text column of a result's row table as a Python list of str: get(rows[i]). O(rows).
template <class Rows, class Get>
py::list text_column(const Rows& rows, Get&& get) {
    py::list out;
    for (const auto& r : rows) out.append(py::str(std::string(get(r))));
    return out;
}

/// Runs f() without the GIL; a filesystem_error becomes OSError(errno, message, path), which
/// Python turns into FileNotFoundError, PermissionError … as the errno says.
template <class F>
auto with_os_errors(F&& f) -> decltype(f()) {
    std::error_code code;
    std::string path;
    try {
        py::gil_scoped_release release;
        return f();
    } catch (const std::filesystem::filesystem_error& e) {
        code = e.code();
        path = e.path1().string();
    }
    const py::object err =
        py::module_::import("builtins").attr("OSError")(code.value(), code.message(), path);
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(err.ptr())), err.ptr());
    throw py::error_already_set();
}

/// The state a progress hook shares with the call that installed it.
struct progress_hook {
    py::object callback;  // None or callable(iteration, max_iterations, residual, tolerance)
    double signal_interval = 0.1;
    std::exception_ptr error;
    detail::stopwatch since_check{};

    bool operator()(const pagerank_progress& p) {
        const bool has_callback = !callback.is_none();  // set before the call, read-only since
        if (!has_callback && since_check.seconds() < signal_interval) return true;
        since_check.restart();
        py::gil_scoped_acquire gil;
        try {
            if (PyErr_CheckSignals() != 0) throw py::error_already_set();
            if (has_callback) {
                py::object r =
                    callback(p.iteration, p.max_iterations, p.residual, p.tolerance);
                if (r.ptr() == Py_False) return false;  // explicit False: stop, cancelled result
            }
        } catch (...) {
            error = std::current_exception();
            return false;
        }
        return true;
    }
};

/// Ctrl-C check for row-streaming calls (no way to return "stop": throws cancelled_error,
/// which the caller turns back into the stored Python exception).
struct signal_check {
    double interval = 0.1;
    std::exception_ptr error;
    detail::stopwatch since_check{};

    void operator()() {
        if (since_check.seconds() < interval) return;
        since_check.restart();
        py::gil_scoped_acquire gil;
        if (PyErr_CheckSignals() != 0) {
            error = std::make_exception_ptr(py::error_already_set());
            throw cancelled_error("interrupted");
        }
    }
};

/// Runs f() without the GIL; a Python error stored by a hook wins over the cancellation it caused.
template <class F>
auto without_gil(const std::exception_ptr& stored, F&& f) -> decltype(f()) {
    try {
        py::gil_scoped_release release;
        return f();
    } catch (const cancelled_error&) {
        if (stored) std::rethrow_exception(stored);
        throw;
    }
}

/// Adds `r[name]` (the same as `r.name`) to a bound result class: results were dicts before
/// they became typed objects, and code that indexes them by field name keeps working.
/// Unknown or private names raise KeyError.
template <class Class>
Class& with_item_access(Class& c) {
    c.def(
        "__getitem__",
        [](py::handle self, const std::string& key) -> py::object {
            if (key.empty() || key[0] == '_' || !py::hasattr(self, key.c_str()))
                throw py::key_error(key);
            return self.attr(key.c_str());
        },
        py::arg("key"), "r[name] is r.name (read access by field name, as when results were dicts).");
    return c;
}

void bind_graph(py::module_& m);
void bind_web(py::module_& m);
void bind_synthetic_web(py::module_& m);
void bind_pagerank(py::module_& m);
void bind_generators(py::module_& m);
void bind_analysis(py::module_& m);
void bind_explain(py::module_& m);
void bind_trust(py::module_& m);
void bind_salsa(py::module_& m);  // bind_salsa.cpp: personalised SALSA
void bind_plan(py::module_& m);
void bind_topics(py::module_& m);

}  // namespace linkequity::python

namespace linkequity::web {
struct topic_labels;
}

namespace linkequity::python {

/// WebGraph.authority's `topics`: None, a path (str), or a (domains, topics) pair of lists.
/// Defined in bind_topics.cpp. @throws parse_error / std::invalid_argument for bad input.
std::optional<web::topic_labels> topic_labels_of(const py::object& topics);
void bind_centrality(py::module_& m);
void bind_what_if(py::module_& m);  // bind_what_if.cpp: what-if and diff
void bind_dist(py::module_& m);     // bind_dist.cpp: partitioned graphs (linkequity.distributed)

}  // namespace linkequity::python
