// SPDX-License-Identifier: MIT
// csr_graph's non-inline members: deep copy, memory accounting, the lean-graph guard.
#include "linkequity/graph/csr_graph.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace linkequity {

csr_graph csr_graph::clone() const {
    csr_graph g;
    g.num_nodes_ = num_nodes_;
    g.num_edges_ = num_edges_;
    g.lean_ = lean_;
    g.out_offsets_ = out_offsets_.clone();
    g.out_targets_ = out_targets_.clone();
    g.out_flags_ = out_flags_.clone();
    g.out_weights_ = out_weights_.clone();
    g.in_offsets_ = in_offsets_.clone();
    g.in_sources_ = in_sources_.clone();
    g.in_flags_ = in_flags_.clone();
    g.in_weights_ = in_weights_.clone();
    g.lean_out_weight_ = lean_out_weight_.clone();
    return g;
}

csr_graph csr_graph::adopt_lean(const csr_view& in, std::shared_ptr<const void> owner) {
    in.validate();
    if (in.has_flags())
        throw std::invalid_argument(
            "csr_graph::adopt_lean: the view has edge flags; a lean graph has only followable "
            "edges (drop the excluded ones, or build the graph with build_graph)");
    const std::size_t n = in.num_nodes;
    detail::buffer<double> out_weight(n);
    std::fill(out_weight.data(), out_weight.data() + n, 0.0);
    for (std::size_t v = 0; v < n; ++v)
        for (edge_offset e = in.offsets[v]; e < in.offsets[v + 1]; ++e) {
            if (e > in.offsets[v] && in.sources[e] < in.sources[e - 1])
                throw std::invalid_argument(fmt::format(
                    "csr_graph::adopt_lean: row {} is not sorted by source: sources[{}] = {} "
                    "follows {}", v, e, in.sources[e], in.sources[e - 1]));
            out_weight[in.sources[e]] += in.has_weights() ? double(in.weights[e]) : 1.0;
        }
    csr_graph g;
    g.num_nodes_ = n;
    g.num_edges_ = in.num_edges();
    g.lean_ = true;
    g.in_offsets_ = detail::buffer<edge_offset>(in.offsets.data(), in.offsets.size(), owner);
    g.in_sources_ = detail::buffer<node_id>(in.sources.data(), in.sources.size(), owner);
    if (in.has_weights())
        g.in_weights_ = detail::buffer<edge_weight>(in.weights.data(), in.weights.size(), owner);
    g.lean_out_weight_ = std::move(out_weight);
    return g;
}

std::size_t csr_graph::memory_bytes() const noexcept {
    return out_offsets_.bytes() + out_targets_.bytes() + out_flags_.bytes() +
           out_weights_.bytes() + in_offsets_.bytes() + in_sources_.bytes() + in_flags_.bytes() +
           in_weights_.bytes() + lean_out_weight_.bytes();
}

const edge_offset* csr_graph::checked_out_offsets() const {
    if (out_offsets_.empty())
        throw std::logic_error(
            "csr_graph: this graph is lean (built with build_options::lean) and stores no "
            "out-adjacency; rebuild without lean to use out_neighbors/out_degree");
    return out_offsets_.data();
}

}  // namespace linkequity
