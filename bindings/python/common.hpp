// SPDX-License-Identifier: MIT
// Shared helpers of the _core extension: NumPy views that keep their C++ owner alive, arrays
// that own a moved std::vector, and the registration functions of each bind_*.cpp.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <chrono>
#include <cstddef>
#include <exception>
#include <memory>
#include <utility>
#include <vector>

#include "linkequity/algo/pagerank.hpp"
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

/// The state a progress hook shares with the call that installed it.
struct progress_hook {
    py::object callback;  // None or callable(iteration, max_iterations, residual, tolerance)
    double signal_interval = 0.1;
    std::exception_ptr error;
    std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();

    bool operator()(const pagerank_progress& p) {
        const bool has_callback = !callback.is_none();  // set before the call, read-only since
        const auto now = std::chrono::steady_clock::now();
        if (!has_callback && std::chrono::duration<double>(now - last).count() < signal_interval)
            return true;
        last = now;
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

void bind_graph(py::module_& m);
void bind_web(py::module_& m);
void bind_pagerank(py::module_& m);
void bind_generators(py::module_& m);
void bind_analysis(py::module_& m);

}  // namespace linkequity::python
