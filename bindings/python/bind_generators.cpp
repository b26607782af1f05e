// SPDX-License-Identifier: MIT
// Binding of the seeded generators (graph/generators.hpp). They return the raw edge arrays —
// (num_nodes, src, dst) with src/dst uint32 arrays that own the generated memory — so that
// linkequity.generate can build a Graph from them without another copy.
#include <cstdint>
#include <tuple>

#include "common.hpp"
#include "linkequity/graph/generators.hpp"

namespace linkequity::python {
namespace {

py::tuple edge_arrays(edge_list&& e) {
    const std::size_t n = e.num_nodes;
    return py::make_tuple(n, array_from(std::move(e.src)), array_from(std::move(e.dst)));
}

}  // namespace

void bind_generators(py::module_& m) {
    m.def(
        "kronecker_edges",
        [](unsigned scale, double edge_factor, std::uint64_t seed, double a, double b, double c,
           bool permute, bool symmetrize) {
            kronecker_options o;
            o.scale = scale;
            o.edge_factor = edge_factor;
            o.seed = seed;
            o.a = a;
            o.b = b;
            o.c = c;
            o.permute = permute;
            o.symmetrize = symmetrize;
            edge_list e;
            {
                py::gil_scoped_release release;
                o.validate();
                e = kronecker_edges(o);
            }
            return edge_arrays(std::move(e));
        },
        py::arg("scale"), py::arg("edge_factor") = 16.0, py::arg("seed") = 27491095,
        py::arg("a") = 0.57, py::arg("b") = 0.19, py::arg("c") = 0.19, py::arg("permute") = true,
        py::arg("symmetrize") = false,
        "R-MAT/Kronecker edges: (num_nodes, src, dst) (see linkequity.generate.kronecker_edges).");
    m.def(
        "erdos_renyi_edges",
        [](std::uint64_t n, std::uint64_t m_edges, std::uint64_t seed) {
            edge_list e;
            {
                py::gil_scoped_release release;
                e = erdos_renyi_edges(n, m_edges, seed);
            }
            return edge_arrays(std::move(e));
        },
        py::arg("n"), py::arg("m"), py::arg("seed"),
        "Erdős–Rényi G(n, m) edges: (num_nodes, src, dst).");
}

}  // namespace linkequity::python
