// SPDX-License-Identifier: MIT
// Whether two CSR graphs hold the same arrays, element for element: the check of tests that build
// one graph two ways (another code path, another thread count) and expect the same bits.
#pragma once

#include <algorithm>

#include "linkequity/graph/csr_graph.hpp"

namespace test_graphs {

template <class T>
bool same(linkequity::span<const T> a, linkequity::span<const T> b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

/// Every array of a and b (offsets, neighbours, flags, weights, both directions, lean out-weights)
/// equal element for element.
inline bool identical(const linkequity::csr_graph& a, const linkequity::csr_graph& b) {
    return a.num_nodes() == b.num_nodes() && a.num_edges() == b.num_edges() &&
           same(a.out_offsets(), b.out_offsets()) && same(a.out_targets(), b.out_targets()) &&
           same(a.out_flag_array(), b.out_flag_array()) &&
           same(a.out_weight_array(), b.out_weight_array()) &&
           same(a.in_offsets(), b.in_offsets()) && same(a.in_sources(), b.in_sources()) &&
           same(a.in_flag_array(), b.in_flag_array()) &&
           same(a.in_weight_array(), b.in_weight_array()) &&
           same(a.lean_out_weight(), b.lean_out_weight());
}

}  // namespace test_graphs
