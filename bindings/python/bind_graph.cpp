// SPDX-License-Identifier: MIT
// Binding of csr_graph and graph_builder as _core.CsrGraph. NumPy input is read in place when it
// already has the library's layout (uint32 ids, uint8 flags, float32 weights, contiguous);
// other integer/float dtypes are converted in one C++ pass with range checks. The GIL is released
// while converting and building. Array accessors are read-only views kept alive by the graph.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "common.hpp"
#include "linkequity/graph/builder.hpp"
#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/io/link_source.hpp"

namespace linkequity::python {
namespace {

/// A read-only 1-D array of T: either a view of the caller's buffer or an owned conversion.
template <class T>
struct input_array {
    span<const T> view;
    std::vector<T> owned;
};

/// 1-D check plus a description of the array's element type for messages.
void require_1d(const py::array& a, const char* fn, const char* name) {
    if (a.ndim() != 1)
        throw std::invalid_argument(fmt::format("{}: {} must be one-dimensional, got {} dimensions",
                                                fn, name, a.ndim()));
}

std::string dtype_name(const py::array& a) { return py::str(a.dtype()).cast<std::string>(); }

bool is_contiguous_1d(const py::array& a) {
    return a.ndim() == 1 && (a.flags() & py::array::c_style) && a.strides(0) == a.itemsize();
}

/// Reads element i of a 1-D integer array of any width/sign into int64 / uint64.
template <class Src>
const Src& at(const py::array& a, py::ssize_t i) {
    return *reinterpret_cast<const Src*>(static_cast<const char*>(a.data()) + i * a.strides(0));
}

/// Node ids: uint32 contiguous arrays are read in place; other integer dtypes are converted with
/// a range check (ids must be in [0, 2^32 − 2]). Needs no GIL (the caller holds a reference).
template <class Src>
void convert_ids(const py::array& a, std::vector<node_id>& out, const char* fn, const char* name) {
    const py::ssize_t n = a.shape(0);
    out.resize(static_cast<std::size_t>(n));
    for (py::ssize_t i = 0; i < n; ++i) {
        const Src v = at<Src>(a, i);
        if constexpr (std::is_signed_v<Src>) {
            if (v < 0)
                throw std::out_of_range(
                    fmt::format("{}: {}[{}] is {}, node ids must be >= 0", fn, name, i, v));
        }
        if (static_cast<std::uint64_t>(v) >= max_nodes)
            throw std::out_of_range(fmt::format("{}: {}[{}] is {}, node ids must be < {}", fn, name,
                                                i, v, max_nodes));
        out[static_cast<std::size_t>(i)] = static_cast<node_id>(v);
    }
}

input_array<node_id> node_ids(const py::array& a, const char* fn, const char* name) {
    require_1d(a, fn, name);
    input_array<node_id> r;
    const char kind = a.dtype().kind();
    const auto size = a.itemsize();
    if (kind == 'u' && size == 4 && is_contiguous_1d(a)) {
        r.view = {static_cast<const node_id*>(a.data()), static_cast<std::size_t>(a.shape(0))};
        return r;
    }
    if (kind != 'i' && kind != 'u')
        throw py::type_error(fmt::format("{}: {} must be an array of integers, got dtype {}", fn,
                                         name, dtype_name(a)));
    py::gil_scoped_release release;
    if (kind == 'u') {
        switch (size) {
            case 1: convert_ids<std::uint8_t>(a, r.owned, fn, name); break;
            case 2: convert_ids<std::uint16_t>(a, r.owned, fn, name); break;
            case 4: convert_ids<std::uint32_t>(a, r.owned, fn, name); break;
            default: convert_ids<std::uint64_t>(a, r.owned, fn, name); break;
        }
    } else {
        switch (size) {
            case 1: convert_ids<std::int8_t>(a, r.owned, fn, name); break;
            case 2: convert_ids<std::int16_t>(a, r.owned, fn, name); break;
            case 4: convert_ids<std::int32_t>(a, r.owned, fn, name); break;
            default: convert_ids<std::int64_t>(a, r.owned, fn, name); break;
        }
    }
    r.view = r.owned;
    return r;
}

input_array<edge_weight> edge_weights(const py::array& a, const char* fn) {
    require_1d(a, fn, "weights");
    input_array<edge_weight> r;
    const char kind = a.dtype().kind();
    if (kind == 'f' && a.itemsize() == 4 && is_contiguous_1d(a)) {
        r.view = {static_cast<const edge_weight*>(a.data()), static_cast<std::size_t>(a.shape(0))};
        return r;
    }
    if (kind != 'f' && kind != 'i' && kind != 'u' && kind != 'b')
        throw py::type_error(fmt::format("{}: weights must be an array of numbers, got dtype {}",
                                         fn, dtype_name(a)));
    // NumPy does the dtype conversion (one vectorised pass); the builder then validates values.
    auto f = py::array_t<edge_weight, py::array::c_style | py::array::forcecast>::ensure(a);
    if (!f) throw py::error_already_set();
    r.owned.assign(f.data(), f.data() + f.size());
    r.view = r.owned;
    return r;
}

input_array<edge_flags> edge_flag_array(const py::array& a, const char* fn) {
    require_1d(a, fn, "flags");
    input_array<edge_flags> r;
    const char kind = a.dtype().kind();
    if (kind == 'u' && a.itemsize() == 1 && is_contiguous_1d(a)) {
        r.view = {static_cast<const edge_flags*>(a.data()), static_cast<std::size_t>(a.shape(0))};
        return r;
    }
    if (kind != 'i' && kind != 'u')
        throw py::type_error(fmt::format("{}: flags must be an array of integers, got dtype {}", fn,
                                         dtype_name(a)));
    auto wide = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(a);
    if (!wide) throw py::error_already_set();
    r.owned.resize(static_cast<std::size_t>(wide.size()));
    for (py::ssize_t i = 0; i < wide.size(); ++i) {
        const std::int64_t v = wide.data()[i];
        if (v < 0 || v > 255)
            throw std::invalid_argument(fmt::format(
                "{}: flags[{}] is {}, expected a bit mask in [0, 255]", fn, i, v));
        r.owned[static_cast<std::size_t>(i)] = static_cast<edge_flags>(v);
    }
    r.view = r.owned;
    return r;
}

self_loop_policy parse_self_loops(const std::string& s) {
    return parse_enum<self_loop_policy>(s, option_info("self_loops", ""), "from_edges");
}

duplicate_policy parse_duplicates(const std::string& s) {
    return parse_enum<duplicate_policy>(s, option_info("duplicates", ""), "from_edges");
}

csr_graph from_edges(py::array src, py::array dst, std::optional<std::uint64_t> num_nodes,
                     std::optional<py::array> weights, std::optional<py::array> flags,
                     const std::string& self_loops, const std::string& duplicates, bool lean) {
    const char* fn = "from_edges";
    build_options opts;
    opts.self_loops = parse_self_loops(self_loops);
    opts.duplicates = parse_duplicates(duplicates);
    opts.lean = lean;
    const input_array<node_id> s = node_ids(src, fn, "src");
    const input_array<node_id> d = node_ids(dst, fn, "dst");
    input_array<edge_weight> w;
    input_array<edge_flags> f;
    if (weights) w = edge_weights(*weights, fn);
    if (flags) f = edge_flag_array(*flags, fn);
    if (num_nodes && *num_nodes > max_nodes)
        throw std::invalid_argument(
            fmt::format("from_edges: num_nodes is {}, at most {} allowed", *num_nodes, max_nodes));

    py::gil_scoped_release release;
    std::size_t n = 0;
    if (num_nodes) {
        n = static_cast<std::size_t>(*num_nodes);
    } else {
        node_id hi = 0;
        bool any = false;
        for (node_id v : s.view) hi = std::max(hi, v), any = true;
        for (node_id v : d.view) hi = std::max(hi, v), any = true;
        n = any ? static_cast<std::size_t>(hi) + 1 : 0;
    }
    return graph_builder::build(n, s.view, d.view, f.view, w.view, opts);
}

/// (graph, skipped line count, first bad-line messages) of an integer edge-list file.
py::tuple read_edge_list_file(const std::string& path, bool skip_bad, const std::string& self_loops,
                              const std::string& duplicates, bool lean) {
    build_options opts;
    opts.self_loops = parse_self_loops(self_loops);
    opts.duplicates = parse_duplicates(duplicates);
    opts.lean = lean;
    io::read_options ro;
    ro.skip_bad = skip_bad;
    io::read_report report;
    csr_graph g;
    {
        py::gil_scoped_release release;
        const edge_list edges = io::read_edge_list(path, ro, &report);
        g = build_graph(edges, opts);
    }
    return py::make_tuple(std::move(g), report.skipped, report.examples);
}

/// A lean graph over a CSC matrix's arrays (Graph.from_scipy's zero-copy path): indptr
/// (uint64, n + 1), indices (uint32 sources, rows sorted) and data (float32 weights, or None)
/// are the graph's in-adjacency, not copied; the graph holds references to them (released
/// under the GIL). See csr_graph::adopt_lean for the checks and their messages.
csr_graph adopt_csc(py::array_t<edge_offset, 0> indptr, py::array_t<node_id, 0> indices,
                    std::optional<py::array_t<edge_weight, 0>> data, std::size_t n) {
    const auto contiguous = [](const py::array& a, const char* name) {
        if (a.ndim() != 1 || !(a.flags() & py::array::c_style))
            throw std::invalid_argument(
                fmt::format("adopt_csc: {} must be a contiguous one-dimensional array", name));
    };
    contiguous(indptr, "indptr");
    contiguous(indices, "indices");
    if (data) contiguous(*data, "data");
    csr_view v;
    v.num_nodes = n;
    v.offsets = {indptr.data(), static_cast<std::size_t>(indptr.size())};
    v.sources = {indices.data(), static_cast<std::size_t>(indices.size())};
    if (data) v.weights = {data->data(), static_cast<std::size_t>(data->size())};
    auto* arrays = new py::tuple(py::make_tuple(indptr, indices, data ? py::object(*data)
                                                                       : py::object(py::none())));
    std::shared_ptr<const void> owner(arrays, [](const py::tuple* t) {
        py::gil_scoped_acquire gil;
        delete t;
    });
    return csr_graph::adopt_lean(v, std::move(owner));
}

template <class F>
py::array_t<std::int64_t> degrees(std::size_t n, F&& degree) {
    std::vector<std::int64_t> out(n);
    for (std::size_t u = 0; u < n; ++u) out[u] = static_cast<std::int64_t>(degree(static_cast<node_id>(u)));
    return array_from(std::move(out));
}

}  // namespace

void bind_graph(py::module_& m) {
    py::class_<csr_graph> g(m, "CsrGraph",
                            "Immutable CSR graph (private; wrapped by linkequity.Graph).");
    g.def_static("from_edges", &from_edges, py::arg("src"), py::arg("dst"),
                 py::arg("num_nodes") = py::none(), py::arg("weights") = py::none(),
                 py::arg("flags") = py::none(), py::arg("self_loops") = "drop",
                 py::arg("duplicates") = "merge", py::arg("lean") = false,
                 "Builds a graph from edge arrays src[i] -> dst[i] (see linkequity.Graph.from_edges).");
    g.def_static("read_edge_list", &read_edge_list_file, py::arg("path"),
                 py::arg("skip_bad") = false, py::arg("self_loops") = "drop",
                 py::arg("duplicates") = "merge", py::arg("lean") = false,
                 "Reads an integer edge-list file (see linkequity.Graph.read_edge_list): "
                 "(graph, skipped, examples).");
    g.def_static("adopt_csc", &adopt_csc, py::arg("indptr"), py::arg("indices"), py::arg("data"),
                 py::arg("num_nodes"),
                 "A lean graph reading a CSC matrix's arrays in place (see "
                 "linkequity.Graph.from_scipy).");
    g.def("clone", &csr_graph::clone, "A deep copy.");
    g.def_property_readonly("num_nodes", &csr_graph::num_nodes);
    g.def_property_readonly("num_edges", &csr_graph::num_edges);
    g.def_property_readonly("is_lean", &csr_graph::is_lean);
    g.def_property_readonly("has_weights", &csr_graph::has_weights);
    g.def_property_readonly("has_flags", &csr_graph::has_flags);
    g.def_property_readonly("memory_bytes", &csr_graph::memory_bytes);

    // Zero-copy, read-only views (empty arrays for absent parts, e.g. out-arrays of a lean graph).
    g.def_property_readonly("out_offsets", [](py::object self) {
        const auto& c = self.cast<const csr_graph&>();
        return view_of(c.out_offsets(), self);
    });
    g.def_property_readonly("out_targets", [](py::object self) {
        return view_of(self.cast<const csr_graph&>().out_targets(), self);
    });
    g.def_property_readonly("out_weights", [](py::object self) {
        return view_of(self.cast<const csr_graph&>().out_weight_array(), self);
    });
    g.def_property_readonly("out_flags", [](py::object self) {
        return view_of(self.cast<const csr_graph&>().out_flag_array(), self);
    });
    g.def_property_readonly("in_offsets", [](py::object self) {
        return view_of(self.cast<const csr_graph&>().in_offsets(), self);
    });
    g.def_property_readonly("in_sources", [](py::object self) {
        return view_of(self.cast<const csr_graph&>().in_sources(), self);
    });
    g.def_property_readonly("in_weights", [](py::object self) {
        return view_of(self.cast<const csr_graph&>().in_weight_array(), self);
    });
    g.def_property_readonly("in_flags", [](py::object self) {
        return view_of(self.cast<const csr_graph&>().in_flag_array(), self);
    });
    g.def_property_readonly("lean_out_weight", [](py::object self) {
        return view_of(self.cast<const csr_graph&>().lean_out_weight(), self);
    });

    g.def("in_degree", [](const csr_graph& c) {
        return degrees(c.num_nodes(), [&](node_id v) { return c.in_degree(v); });
    }, "Number of stored in-edges of every node (int64 array).");
    g.def("out_degree", [](const csr_graph& c) {
        if (c.is_lean()) {  // a lean graph keeps its (followable) edges in the in-adjacency only
            std::vector<std::int64_t> out(c.num_nodes(), 0);
            for (node_id s : c.in_sources()) ++out[s];
            return array_from(std::move(out));
        }
        return degrees(c.num_nodes(), [&](node_id u) { return c.out_degree(u); });
    }, "Number of stored out-edges of every node (int64 array).");
}

}  // namespace linkequity::python
