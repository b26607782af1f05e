// SPDX-License-Identifier: MIT
// csr_graph's non-inline members: deep copy, memory accounting, the lean-graph guard.
#include "linkequity/graph/csr_graph.hpp"

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
