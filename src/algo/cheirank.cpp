// SPDX-License-Identifier: MIT
// cheirank(): pagerank() on the graph's out-adjacency, which is the reversed graph's in-adjacency.
#include "linkequity/algo/cheirank.hpp"

#include <stdexcept>

namespace linkequity {

pagerank_result cheirank(const csr_graph& g, const pagerank_options& options) {
    if (!g.has_out_edges())
        throw std::invalid_argument(
            "cheirank: the graph is lean (no out-adjacency to reverse); build it without "
            "build_options::lean");
    return pagerank(g.out_view(), options);
}

}  // namespace linkequity
