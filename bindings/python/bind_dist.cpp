// SPDX-License-Identifier: MIT
// Bindings of partitioned graphs (dist/partition.hpp) for linkequity.distributed: write a graph
// as P parts, read a manifest, open one part as a dict of NumPy arrays viewing its mapping. The
// distributed iteration itself runs in Python over mpi4py (the extension does not link MPI).
#include <filesystem>
#include <memory>
#include <string>

#include "common.hpp"
#include "linkequity/dist/partition.hpp"
#include "linkequity/options.hpp"

namespace linkequity::python {
namespace {

io::snapshot_load_options load_options(const std::string& verify) {
    return {parse_enum<io::snapshot_verify>(verify, option_info("verify", ""),
                                            "open_graph_part")};
}

py::dict manifest_dict(const dist::partition_manifest& m) {
    py::dict d;
    d["directory"] = m.dir;
    d["parts"] = m.parts;
    d["num_nodes"] = m.num_nodes;
    d["num_edges"] = m.num_edges;
    d["id"] = m.id;
    d["lean"] = m.lean;
    d["weights"] = m.weights;
    d["flags"] = m.flags;
    d["bounds"] = array_from(std::vector<std::uint64_t>(m.bounds));
    d["part_edges"] = array_from(std::vector<std::uint64_t>(m.part_edges));
    return d;
}

py::dict part_dict(std::shared_ptr<dist::graph_part> p) {
    py::capsule owner(new std::shared_ptr<dist::graph_part>(p), [](void* x) {
        delete static_cast<std::shared_ptr<dist::graph_part>*>(x);
    });
    py::dict d = manifest_dict(p->manifest);
    d["index"] = p->index;
    d["first"] = p->first;
    d["last"] = p->last;
    d["in_offsets"] = view_of(p->in_offsets, owner);
    d["in_sources"] = view_of(p->in_sources, owner);
    d["in_weights"] = view_of(p->in_weights, owner);
    d["in_flags"] = view_of(p->in_flags, owner);
    d["out_offsets"] = view_of(p->out_offsets, owner);
    d["out_weights"] = view_of(p->out_weights, owner);
    d["out_flags"] = view_of(p->out_flags, owner);
    d["lean_out_weight"] = view_of(p->lean_out_weight, owner);
    return d;
}

}  // namespace

void bind_dist(py::module_& m) {
    m.def(
        "save_partitions",
        [](const csr_graph& g, const std::string& directory, std::size_t parts) {
            return manifest_dict(
                with_os_errors([&] { return dist::save_partitions(directory, g, parts); }));
        },
        py::arg("graph"), py::arg("directory"), py::arg("parts"),
        "Writes a graph as `parts` part files plus a manifest (see "
        "linkequity.distributed.save_partitions).");
    m.def(
        "partition_manifest",
        [](const std::string& directory, const std::string& verify) {
            const auto o = load_options(verify);
            return manifest_dict(
                with_os_errors([&] { return dist::load_partition_manifest(directory, o); }));
        },
        py::arg("directory"), py::arg("verify") = "checksums",
        "The manifest of a partitioned graph as a dict.");
    m.def(
        "open_graph_part",
        [](const std::string& directory, std::size_t index, const std::string& verify) {
            const auto o = load_options(verify);
            auto part = with_os_errors([&] {
                const auto man = dist::load_partition_manifest(directory, o);
                return std::make_shared<dist::graph_part>(dist::load_graph_part(man, index, o));
            });
            return part_dict(std::move(part));
        },
        py::arg("directory"), py::arg("index"), py::arg("verify") = "checksums",
        "Part `index` of a partitioned graph, checked against its manifest: a dict of its "
        "ranges and NumPy arrays viewing the mapped file.");
}

}  // namespace linkequity::python
