// SPDX-License-Identifier: MIT
// CheiRank (Chepelianskii 2010; Zhirov, Zhirov, Shepelyansky 2010), docs/trust.md: PageRank of
// the reversed followable graph with uniform teleport. High CheiRank marks nodes that pass
// their authority on to many others ("wasters"), high PageRank those that collect it.
#pragma once

#include "linkequity/algo/pagerank.hpp"
#include "linkequity/graph/csr_graph.hpp"

namespace linkequity {

/// CheiRank: pagerank(g.out_view(), options), the PageRank of the reversed graph (each edge
/// j → i read as i → j, out-weights measured in the reversed graph). Options as pagerank()'s
/// (personalisation allowed, uniform by default). Cost: one pagerank() run.
/// @throws std::invalid_argument for bad options, or for a lean graph (no out-adjacency).
pagerank_result cheirank(const csr_graph& g, const pagerank_options& options = {});

}  // namespace linkequity
