// SPDX-License-Identifier: MIT
// Internal to the PageRank kernel: a relabelled copy of the in-adjacency in which nodes are
// numbered by decreasing out-degree, so the contributions the pull loop gathers most often sit
// together in cache (degree-based grouping; cf. Faldu et al., "A Closer Look at Lightweight Graph
// Reordering", IISWC 2019). Scores are mapped back to the caller's ids after the iterations.
#pragma once

#include <vector>

#include "linkequity/config.hpp"
#include "linkequity/detail/buffer.hpp"
#include "linkequity/graph/csr_graph.hpp"

namespace linkequity::detail {

struct relabelled_in_graph {
    std::vector<node_id> old_of;  ///< new id → old id
    std::vector<node_id> new_of;  ///< old id → new id
    buffer<edge_offset> offsets;
    buffer<node_id> sources;      ///< new ids, each row ascending
    buffer<edge_weight> weights;  ///< empty unless `with_weights`
    buffer<edge_flags> flags;     ///< empty unless `with_flags`
};

/// Relabels g's in-adjacency by decreasing out-degree (ties by old id: deterministic).
/// With an out-adjacency: one stable counting-sort transposition, O(n + m), parallel, rows come
/// out sorted. A lean graph (in-adjacency only) renames and sorts each row: O(m log d).
/// Memory: 4 bytes per edge (+ weights/flags when asked) + 16 per node.
relabelled_in_graph relabel_by_out_degree(const csr_graph& g, bool with_weights, bool with_flags);

}  // namespace linkequity::detail
